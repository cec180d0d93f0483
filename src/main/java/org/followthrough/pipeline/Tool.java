package org.followthrough.pipeline;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.followthrough.render.Fingerprint;

/**
 * The tool itself, as part of every output's fingerprint: a cached file made by another version
 * of the tool (or by the same version from other code, while it is being developed) is never used.
 */
final class Tool {

    private static final String FINGERPRINT = compute();

    private Tool() {
    }

    static String fingerprint() {
        return FINGERPRINT;
    }

    private static String compute() {
        String version = Tool.class.getPackage().getImplementationVersion();
        List<Object> parts = new ArrayList<>();
        parts.add(version == null ? "development" : version);
        try {
            Path code = Path.of(Tool.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            parts.add(code.toString());
            if (Files.isDirectory(code)) {
                // Classes compiled in place: any recompiled class changes the fingerprint.
                try (Stream<Path> walk = Files.walk(code)) {
                    for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
                        parts.add(code.relativize(file).toString());
                        parts.add(a.size());
                        parts.add(a.lastModifiedTime().toMillis());
                    }
                }
            } else {
                BasicFileAttributes a = Files.readAttributes(code, BasicFileAttributes.class);
                parts.add(a.size());
                parts.add(a.lastModifiedTime().toMillis());
            }
        } catch (IOException | URISyntaxException | SecurityException | NullPointerException | IllegalArgumentException e) {
            // Without knowing where the code came from, nothing made before can be trusted.
            parts.add(System.nanoTime());
        }
        return Fingerprint.of(parts);
    }
}
