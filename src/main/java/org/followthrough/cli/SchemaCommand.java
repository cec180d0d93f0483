package org.followthrough.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.followthrough.format.ContentFormat;
import org.followthrough.format.SchemaWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "schema", mixinStandardHelpOptions = true,
        description = "Write the JSON Schemas of the content files, for editors' completion and checking.")
final class SchemaCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "content/schema", description = "Where to write them (default: ${DEFAULT-VALUE}).")
    Path out;

    @Override
    public Integer call() {
        try {
            Files.createDirectories(out);
            for (ContentFormat.FileKind kind : ContentFormat.FILE_KINDS) {
                Files.writeString(out.resolve(kind.schemaFileName()), SchemaWriter.schema(kind), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            main.spec.commandLine().getErr().println(out + ": could not write the schemas: " + e.getMessage());
            return Main.NOT_WRITTEN;
        }
        main.spec.commandLine().getOut().println("Wrote " + ContentFormat.FILE_KINDS.size() + " schemas to " + out);
        return Main.OK;
    }
}
