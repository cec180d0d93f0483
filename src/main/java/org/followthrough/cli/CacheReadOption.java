package org.followthrough.cli;

import java.nio.file.Path;
import org.followthrough.cache.BuildCache;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The build cache, for a command that only reads it ({@code check}, {@code serve}): the plans a build checked and kept
 * there, whose files have not changed since, are taken as that build found them instead of being checked again.
 */
final class CacheReadOption {

    @Option(names = "--cache", paramLabel = "DIR", defaultValue = BuildCache.DEFAULT_FOLDER,
            description = {"Take the plans a build checked and kept in this cache, whose files have not changed since, as that "
                    + "build found them, instead of checking them again (default: ${DEFAULT-VALUE}, as for build). Read only: "
                    + "nothing is written to it."})
    Path cache;

    @Option(names = "--no-cache", negatable = false, description = "Check every plan afresh, without reading the cache.")
    boolean noCache;

    /** The command this option belongs to, for usage errors: they show its own usage. */
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /** The cache folder to read, or null for none. */
    Path folder() {
        if (noCache) {
            return null;
        }
        if (cache.toString().isBlank()) {
            throw new ParameterException(command.commandLine(), "--cache is empty: give it a folder, or --no-cache");
        }
        return cache;
    }
}
