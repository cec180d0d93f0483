package org.followthrough.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Semaphore;

/**
 * Refuses and records every connection to another machine made through java.net while installed. One
 * guard is installed at a time: the proxy selector is the whole JVM's, and test classes run beside each
 * other, so a guard being installed waits until the one installed before it is removed.
 */
public final class NetworkGuard extends ProxySelector {

    private static final Proxy REFUSED = new Proxy(Proxy.Type.HTTP, new InetSocketAddress("127.0.0.1", 1));
    private static final Semaphore ONE_AT_A_TIME = new Semaphore(1);

    private final ProxySelector previous;
    private final List<URI> attempts = Collections.synchronizedList(new ArrayList<>());
    private boolean installed = true;

    private NetworkGuard(ProxySelector previous) {
        this.previous = previous;
    }

    public static NetworkGuard install() {
        ONE_AT_A_TIME.acquireUninterruptibly();
        NetworkGuard guard = new NetworkGuard(ProxySelector.getDefault());
        ProxySelector.setDefault(guard);
        return guard;
    }

    public synchronized void uninstall() {
        if (installed) {
            installed = false;
            ProxySelector.setDefault(previous);
            ONE_AT_A_TIME.release();
        }
    }

    public List<URI> attempts() {
        return List.copyOf(attempts);
    }

    public void clear() {
        attempts.clear();
    }

    @Override
    public List<Proxy> select(URI uri) {
        String host = uri.getHost() == null ? "" : uri.getHost();
        if (host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]") || host.equals("::1")) {
            // loopback is not the network, and other tests' local servers and browsers use it
            return previous == null ? List.of(Proxy.NO_PROXY) : previous.select(uri);
        }
        attempts.add(uri);
        return List.of(REFUSED);
    }

    @Override
    public void connectFailed(URI uri, SocketAddress address, IOException e) {
        // expected: every connection is refused
    }
}
