package org.followthrough.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The site's own templates folder: {@code build} renders with it, and {@code check} reads it the same way, so they agree. */
final class TemplatesOption {

    @Option(names = "--templates", paramLabel = "DIR", defaultValue = "templates",
            description = "The site's own templates; any file here replaces the built-in one of the same name (default: ${DEFAULT-VALUE}).")
    Path templates;
}
