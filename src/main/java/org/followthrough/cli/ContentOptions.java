package org.followthrough.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The option every command shares. */
final class ContentOptions {

    @Option(names = "--content", paramLabel = "DIR", defaultValue = "content",
            description = "The content folder (default: ${DEFAULT-VALUE}).")
    Path content;
}
