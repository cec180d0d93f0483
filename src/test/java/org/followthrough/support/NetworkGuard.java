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

/** Refuses and records every connection to another machine made through java.net while installed. */
public final class NetworkGuard extends ProxySelector {

    private static final Proxy REFUSED = new Proxy(Proxy.Type.HTTP, new InetSocketAddress("127.0.0.1", 1));

    private final ProxySelector previous;
    private final List<URI> attempts = Collections.synchronizedList(new ArrayList<>());

    private NetworkGuard(ProxySelector previous) {
        this.previous = previous;
    }

    public static NetworkGuard install() {
        NetworkGuard guard = new NetworkGuard(ProxySelector.getDefault());
        ProxySelector.setDefault(guard);
        return guard;
    }

    public void uninstall() {
        ProxySelector.setDefault(previous);
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
