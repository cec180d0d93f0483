package org.followthrough.importing.table;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/** Reads the tables of an Excel workbook (.xlsx), a CSV file or a Word document (.docx), chosen by the file's extension. */
public final class TableFiles {

    /**
     * White space at the end of a line, looked at from the start of its run only (and taken whole): a long run of spaces
     * within a line is not looked through again from each of its spaces.
     */
    private static final String TRAILING_SPACES = "(?<![ \\t\\u00a0])[ \\t\\u00a0]++\\n";

    /** Larger files are refused rather than read into memory: an action plan or a quarter's returns is far smaller. */
    static final long MAX_BYTES = 50L * 1024 * 1024;

    private TableFiles() {
    }

    public static TableFile read(Path file) throws UnreadableFileException {
        String name = file.toString();
        byte[] bytes = bytes(file);
        return switch (extension(file)) {
            case "xlsx" -> XlsxReader.read(name, bytes);
            case "csv" -> CsvReader.read(name, bytes);
            case "docx" -> DocxReader.read(name, bytes);
            default -> throw new UnreadableFileException("cannot read a '." + extension(file) + "' file",
                    "give an Excel workbook (.xlsx), a CSV file (.csv) or a Word document (.docx)");
        };
    }

    /** What is told of a CSV file whose columns are separated by semicolons, as Excel saves them where a comma is the decimal sign. */
    public static final String SEMICOLONS = "the file's columns are separated by semicolons, as Excel saves CSV files where a comma is the"
            + " decimal sign, so its header row reads as one column";
    public static final String SEMICOLONS_HINT = "import the workbook (.xlsx) itself, or save its Progress sheet as \"CSV UTF-8 (Comma delimited)\""
            + " with commas";

    /**
     * Why the office library could not read a file, in words an editor can act on: its message's first line, without
     * the library's class names, and the refusals that guard against hostile files said plainly.
     */
    static String reason(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        String first = message.lines().findFirst().orElse(message).strip();
        if (first.contains("Zip bomb detected")) {
            return "it would unpack to far more than its size, as a file made to fill a computer's memory does";
        }
        if (first.contains("DOCTYPE is disallowed")) {
            return "it holds a document type declaration, which no file saved by Word or Excel has";
        }
        if (first.contains("OLE2")) {
            return "it is in the older form of Word and Excel files (.doc, .xls), or was saved with a password";
        }
        if (first.contains("not a valid OOXML") || first.contains("No valid entries or contents found")) {
            // a file of another kind renamed, such as a CSV or an old .xls saved under a new name
            return "it is not a file Word or Excel saves in this form inside, whatever its name says";
        }
        if (first.contains("potentially malicious") || first.contains("more internal file entries than expected")) {
            return "it holds far more parts than a document or workbook has, as a file made to fill a computer's memory does";
        }
        // "org.apache.xmlbeans.XmlException: error: …" → "…"
        return first.replaceAll("^(?:[a-z][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*: ", "").replaceFirst("^error: ", "");
    }

    public static String extension(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static byte[] bytes(Path file) throws UnreadableFileException {
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new UnreadableFileException("the file is larger than " + MAX_BYTES / (1024 * 1024) + " MB",
                        "an action plan or a quarter's progress fits in far less; check that this is the right file");
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new UnreadableFileException("the file does not exist", "check the path");
        } catch (IOException e) {
            throw new UnreadableFileException("could not read the file: " + e.getMessage(), "check that the file is readable");
        }
    }

    /** Text as the tables hold it: Unix line ends, no non-breaking or zero-width spaces at the ends, no outer blank lines. */
    static String clean(String text) {
        return text.replace("\r\n", "\n").replace('\r', '\n').replace('\u000b', '\n')
                .replaceAll(TRAILING_SPACES, "\n").replaceAll("\\n{3,}", "\n\n").strip();
    }
}
