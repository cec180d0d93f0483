package org.followthrough.importing.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files made to attack the reader (an entity that reads another file, a few kilobytes that unpack to gigabytes) are
 * refused, and the editor is told why in plain words, without the office library's class names.
 */
class HostileTableFilesTest {

    private static final String EXTERNAL_ENTITY = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY secret SYSTEM \"file:///etc/hostname\">]>";

    @TempDir
    Path temp;

    @Test
    void aWorkbookDeclaringAnEntityIsRefusedSayingWhy() throws IOException {
        byte[] workbook = rewritten(workbook(), "xl/worksheets/sheet1.xml", xml -> EXTERNAL_ENTITY + xml.substring(xml.indexOf("?>") + 2)
                .replace("<sheetData/>", "<sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&secret;</t></is></c></row></sheetData>"));

        UnreadableFileException refused = refused("plan.xlsx", workbook);

        assertThat(refused.getMessage()).isEqualTo("the file could not be read as an Excel workbook: it holds a document type"
                + " declaration, which no file saved by Word or Excel has");
    }

    @Test
    void aDocumentDeclaringAnEntityIsRefusedSayingWhy() throws IOException {
        byte[] document = rewritten(document(), "word/document.xml", xml -> EXTERNAL_ENTITY + xml.substring(xml.indexOf("?>") + 2));

        UnreadableFileException refused = refused("plan.docx", document);

        assertThat(refused.getMessage()).startsWith("the file could not be read as a Word document: it holds a document type declaration")
                .doesNotContain("org.apache", "Exception");
    }

    @Test
    void aWorkbookThatUnpacksToFarMoreThanItsSizeIsRefusedSayingWhy() throws IOException {
        // 40 MB of spaces inside the sheet compress to a few tens of kilobytes
        byte[] bomb = rewritten(workbook(), "xl/worksheets/sheet1.xml", xml -> xml.replace("<sheetData/>", " ".repeat(40 << 20) + "<sheetData/>"));
        assertThat(bomb.length).isLessThan(1 << 20);

        UnreadableFileException refused = refused("plan.xlsx", bomb);

        assertThat(refused.getMessage()).isEqualTo("the file could not be read as an Excel workbook: it would unpack to far more than"
                + " its size, as a file made to fill a computer's memory does");
    }

    /** A file of another kind under a workbook's name (a CSV renamed, say) is told as such, not in the library's words. */
    @Test
    void aFileOfAnotherKindNamedAsAWorkbookIsToldInPlainWords() throws IOException {
        UnreadableFileException refused = refused("returns.xlsx", "Plan,Ref\nx,1.1\n".getBytes(StandardCharsets.UTF_8));

        assertThat(refused.getMessage()).isEqualTo("the file could not be read as an Excel workbook: it is not a file Word or Excel saves"
                + " in this form inside, whatever its name says").doesNotContain("OOXML");
    }

    @Test
    void anOlderExcelFileUnderAWorkbooksNameIsToldInPlainWords() throws IOException {
        ByteArrayOutputStream xls = new ByteArrayOutputStream();
        try (org.apache.poi.hssf.usermodel.HSSFWorkbook book = new org.apache.poi.hssf.usermodel.HSSFWorkbook()) {
            book.createSheet("Progress");
            book.write(xls);
        }

        UnreadableFileException refused = refused("returns.xlsx", xls.toByteArray());

        assertThat(refused.getMessage()).isEqualTo("the file could not be read as an Excel workbook: it is in the older form of Word and"
                + " Excel files (.doc, .xls), or was saved with a password").doesNotContain("OLE2", "HSSF");
    }

    @Test
    void aWorkbookOfFarMorePartsThanAnyIsToldInPlainWords() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes); ZipInputStream parts = new ZipInputStream(new ByteArrayInputStream(workbook()))) {
            for (ZipEntry entry = parts.getNextEntry(); entry != null; entry = parts.getNextEntry()) {
                zip.putNextEntry(new ZipEntry(entry.getName()));
                parts.transferTo(zip);
            }
            for (int i = 0; i < 20_000; i++) {
                zip.putNextEntry(new ZipEntry("xl/media/part" + i + ".bin"));
            }
        }

        UnreadableFileException refused = refused("plan.xlsx", bytes.toByteArray());

        assertThat(refused.getMessage()).isEqualTo("the file could not be read as an Excel workbook: it holds far more parts than a"
                + " document or workbook has, as a file made to fill a computer's memory does");
    }

    private UnreadableFileException refused(String name, byte[] bytes) throws IOException {
        Path file = temp.resolve(name);
        Files.write(file, bytes);
        UnreadableFileException refused = catchThrowableOfType(() -> TableFiles.read(file), UnreadableFileException.class);
        assertThat(refused).as("refused").isNotNull();
        assertThat(refused.getMessage()).doesNotContain("org.apache", "Exception", "Zip bomb");
        return refused;
    }

    private static byte[] workbook() throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            book.createSheet("Plan");
            book.write(out);
            return out.toByteArray();
        }
    }

    private static byte[] document() throws IOException {
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.createParagraph().createRun().setText("Recommendation 1");
            document.write(out);
            return out.toByteArray();
        }
    }

    /** The same package with one part's text changed. */
    private static byte[] rewritten(byte[] zip, String part, UnaryOperator<String> change) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean found = false;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip)); ZipOutputStream rewritten = new ZipOutputStream(out)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                byte[] bytes = in.readAllBytes();
                if (entry.getName().equals(part)) {
                    bytes = change.apply(new String(bytes, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                    found = true;
                }
                rewritten.putNextEntry(new ZipEntry(entry.getName()));
                rewritten.write(bytes);
                rewritten.closeEntry();
            }
        }
        assertThat(found).as(part).isTrue();
        return out.toByteArray();
    }
}
