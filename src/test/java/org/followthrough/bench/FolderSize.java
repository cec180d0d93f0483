package org.followthrough.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** How many regular files a folder holds and their bytes, as a reader downloading them would count. */
record FolderSize(long files, long bytes) {

    static FolderSize of(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return new FolderSize(0, 0);
        }
        long files = 0;
        long bytes = 0;
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files++;
                bytes += Files.size(file);
            }
        }
        return new FolderSize(files, bytes);
    }
}
