package org.followthrough.render.pdf.typeset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageXYZDestination;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.followthrough.render.pdf.PdfFonts;
import org.followthrough.render.pdf.PdfRenderer;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/**
 * The typesetter on small documents written for each behaviour: line breaking, page breaking, tables
 * over several pages, links, characters the font lacks, and the stylesheet subset. (The shipped
 * summaries, and veraPDF's verdict on them, are in PdfRendererTest.)
 */
class TypesetterTest {

    private static final Typesetter TYPESETTER = new Typesetter(fonts());
    private static final String STYLESHEET = read(Path.of("templates/pdf/pdf.css"));
    private static final float PAGE_WIDTH = 595.2756f;
    private static final float MARGIN = 15 * 72f / 25.4f;

    @Test
    void aWordWiderThanTheColumnIsBrokenInsideTheMargins() throws IOException {
        String word = "Accountability".repeat(30);
        try (PDDocument pdf = Loader.loadPDF(typeset("<p>Before " + word + " after.</p>").pdf())) {
            List<TextPosition> glyphs = positions(pdf, 1);
            assertThat(glyphs).allSatisfy(g -> assertThat(g.getXDirAdj() + g.getWidthDirAdj()).isLessThanOrEqualTo(PAGE_WIDTH - MARGIN + 0.5f));
            assertThat(text(pdf).replaceAll("\\s+", "")).contains("Before" + word + "after.");
        }
    }

    /** Dates are kept on one line by no-break spaces, but one wider than its column breaks there, never inside the year. */
    @Test
    void wordsJoinedByNoBreakSpacesBreakThereWhenWiderThanTheirColumn() throws IOException {
        String html = "<table class=\"actions described\"><colgroup><col class=\"ref\"><col class=\"what\"><col class=\"owner\">"
                + "<col class=\"target\"><col class=\"status\"><col class=\"flags\"></colgroup><tbody><tr><td>1.1</td><td>An action.</td>"
                + "<td>A trust</td><td>Dec-13 (December\u00a02013)</td><td>Completed, since 28\u00a0November\u00a02018; grade B</td>"
                + "<td>None</td></tr></tbody></table>";
        try (PDDocument pdf = Loader.loadPDF(typeset(html).pdf())) {
            List<String> words = List.of(text(pdf).split("[\\s\u00a0]+"));
            assertThat(words).contains("(December", "2013)", "28", "November", "2018;");
        }
    }

    @Test
    void linesBreakAtSpacesAndKeepEveryWordInOrder() throws IOException {
        String sentence = "The trust should make sure that each recommendation is carried out and that its effect is measured. ".repeat(20);
        try (PDDocument pdf = Loader.loadPDF(typeset("<p>" + sentence + "</p>").pdf())) {
            String text = text(pdf);
            assertThat(text.split("\n").length).as("lines").isGreaterThan(10);
            assertThat(text.replaceAll("\\s+", " ").strip()).startsWith(sentence.strip() + " Footer");
        }
    }

    @Test
    void everyPageEndsWithTheFooterAndSaysWhichPageOfHowManyItIs() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(typeset("<p>Filler.</p>".repeat(100)).pdf())) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(3);
            for (int page = 1; page <= 3; page++) {
                assertThat(text(pdf, page).strip()).as("page %d", page).endsWith("Footer Page " + page + " of 3");
            }
        }
    }

    @Test
    void aTableLongerThanAPageRepeatsItsHeaderOnEveryPageButTagsItOnce() throws IOException {
        String rows = numberedRows(120);
        String html = "<table><caption>Every row</caption><thead><tr><th scope=\"col\">Number</th><th scope=\"col\">Name</th></tr></thead><tbody>"
                + rows + "</tbody></table>";
        try (PDDocument pdf = Loader.loadPDF(typeset(html).pdf())) {
            assertThat(pdf.getNumberOfPages()).isGreaterThan(2);
            for (int page = 1; page <= pdf.getNumberOfPages(); page++) {
                assertThat(text(pdf, page)).as("page %d", page).contains("Number Name");
            }
            List<PDStructureElement> elements = elements(pdf);
            assertThat(elements.stream().filter(e -> e.getStructureType().equals("THead"))).hasSize(1);
            assertThat(elements.stream().filter(e -> e.getStructureType().equals("TR"))).hasSize(121);
            assertThat(elements.stream().filter(e -> e.getStructureType().equals("Caption"))).hasSize(1);
        }
    }

    @Test
    void aBlockThatNamesItselfDoesSoAtTheTopOfEachPageItContinuesOnAsDecoration() throws IOException {
        String html = "<div data-continued=\"Action 1.1 (continued)\"><h3>Action 1.1</h3>" + "<p>Of the first action.</p>".repeat(70) + "</div>"
                + "<div data-continued=\"Action 1.2 (continued)\"><h3>Action 1.2</h3>" + "<p>Of the second action.</p>".repeat(70) + "</div>";
        try (PDDocument pdf = Loader.loadPDF(typeset(html).pdf())) {
            int second = pageOf(pdf, "Action 1.2 ");
            assertThat(pdf.getNumberOfPages()).isGreaterThan(second);
            assertThat(text(pdf, 1)).doesNotContain("(continued)");
            for (int page = 2; page <= pdf.getNumberOfPages(); page++) {
                String text = text(pdf, page).strip();
                assertThat(text).as("page %d", page).startsWith(page <= second ? "Action 1.1 (continued) Of the first action."
                        : "Action 1.2 (continued) Of the second action.");
            }
            // read once, where the block begins: the labels are not in the structure a screen reader follows
            assertThat(elements(pdf).stream().filter(e -> e.getStructureType().equals("P"))).hasSize(140);
        }
    }

    @Test
    void aTableThatNamesItselfDoesSoAboveItsRepeatedHeader() throws IOException {
        String rows = numberedRows(120);
        String html = "<table data-continued=\"Every row (continued)\"><caption>Every row</caption><thead><tr><th scope=\"col\">Number</th>"
                + "<th scope=\"col\">Name</th></tr></thead><tbody>" + rows + "</tbody></table><p>After the table.</p>";
        try (PDDocument pdf = Loader.loadPDF(typeset(html).pdf())) {
            assertThat(text(pdf, 1).strip()).startsWith("Every row Number Name 1 Row 1");
            for (int page = 2; page <= pdf.getNumberOfPages(); page++) {
                assertThat(text(pdf, page).strip()).as("page %d", page).startsWith("Every row (continued) Number Name");
            }
        }
    }

    /** A row taller than a page is split whatever it asks: each page it runs onto still names its table. */
    @Test
    void aTableWithARowTallerThanAPageNamesItselfOnEveryPageItContinuesOn() throws IOException {
        String giant = "<p>A line of the long cell.</p>".repeat(150);
        String html = "<table data-continued=\"The table (continued)\"><caption>The table</caption><thead><tr><th scope=\"col\">One</th>"
                + "<th scope=\"col\">Two</th></tr></thead><tbody><tr><td>First</td><td>x</td></tr><tr><td>" + giant + "</td><td>y</td></tr>"
                + "<tr><td>Last</td><td>z</td></tr></tbody></table>";
        try (PDDocument pdf = Loader.loadPDF(typeset(html).pdf())) {
            assertThat(pdf.getNumberOfPages()).isGreaterThan(2);
            for (int page = 2; page <= pdf.getNumberOfPages(); page++) {
                assertThat(text(pdf, page).strip()).as("page %d", page).startsWith("The table (continued) One Two");
            }
        }
    }

    @Test
    void aRowTallerThanAPageIsSplitBetweenPagesWithNothingLost() throws IOException {
        StringBuilder cell = new StringBuilder();
        for (int i = 1; i <= 90; i++) {
            cell.append("<p>Paragraph ").append(i).append(" of the long cell.</p>");
        }
        String html = "<table><thead><tr><th scope=\"col\">Label</th><th scope=\"col\">Value</th></tr></thead>"
                + "<tbody><tr><th scope=\"row\">Progress</th><td>" + cell + "</td></tr></tbody></table>";
        try (PDDocument pdf = Loader.loadPDF(typeset(html).pdf())) {
            assertThat(pdf.getNumberOfPages()).isGreaterThan(1);
            String text = text(pdf);
            for (int i = 1; i <= 90; i++) {
                assertThat(text).containsOnlyOnce("Paragraph " + i + " of the long cell.");
            }
        }
    }

    @Test
    void aHeadingIsNeverTheLastThingOnAPage() throws IOException {
        for (int filler = 30; filler <= 52; filler++) {
            String html = "<p>Filler.</p>".repeat(filler) + "<h2>The heading</h2><p>The text under the heading.</p>";
            try (PDDocument pdf = Loader.loadPDF(typeset(html).pdf())) {
                int heading = pageOf(pdf, "The heading");
                assertThat(pageOf(pdf, "The text under the heading.")).as("with %d paragraphs before", filler).isEqualTo(heading);
            }
        }
    }

    @Test
    void linksToPartsOfTheDocumentGoThereAndCarryTheirDescription() throws IOException {
        String html = "<p><a href=\"#far\" title=\"Action 9.1\">9.1</a> and <a href=\"https://example.org/report\" title=\"the report\">report</a></p>"
                + "<p>Filler.</p>".repeat(80) + "<h2 id=\"far\">Action 9.1</h2>";
        try (PDDocument pdf = Loader.loadPDF(typeset(html).pdf())) {
            List<PDAnnotationLink> links = new ArrayList<>();
            for (var annotation : pdf.getPage(0).getAnnotations()) {
                links.add((PDAnnotationLink) annotation);
            }
            assertThat(links).extracting(PDAnnotationLink::getContents).containsExactly("Action 9.1", "the report");
            PDPageXYZDestination destination = (PDPageXYZDestination) links.get(0).getDestination();
            assertThat(pdf.getPages().indexOf(destination.getPage())).isEqualTo(pageOf(pdf, "Action 9.1") - 1).isPositive();
            assertThat(links.get(1).getAction().getCOSObject().getString(COSName.URI)).isEqualTo("https://example.org/report");
            assertThat(elements(pdf).stream().filter(e -> e.getStructureType().equals("Link"))).hasSize(2);
        }
    }

    /**
     * What check asks of the fonts (see {@code PdfCharacters}): a character is drawn only where the regular and the bold
     * face both draw it, since a heading is bold. The regular face of DejaVu Sans has characters its bold face lacks: a heading holding one would
     * show a replacement mark, which check would not have warned of.
     */
    @Test
    void aCharacterCountsAsDrawnOnlyWhereEveryFaceDrawsIt() throws IOException {
        java.util.function.IntPredicate draws = Typesetter.draws(fonts());
        FontFamily family = FontFamily.of(fonts());
        int onlyRegular = java.util.stream.IntStream.range(0x80, 0x10000)
                .filter(c -> family.face(FontSource.Face.REGULAR).glyph(c) != 0 && family.face(FontSource.Face.BOLD).glyph(c) == 0)
                .filter(c -> !Paragraph.invisible(c)).findFirst().orElseThrow();

        assertThat(draws.test(onlyRegular)).as("U+%04X, which the bold face lacks", onlyRegular).isFalse();
        assertThat(typeset("<h1>Ward " + Character.toString(onlyRegular) + "</h1>").missingCharacters()).containsExactly(onlyRegular);
        assertThat(draws.test('é')).isTrue();
        assertThat(draws.test(0x4E2D)).isFalse();
    }

    @Test
    void aCharacterTheFontLacksIsDrawnAsAReplacementMarkKeptAsTextAndReported() throws IOException {
        Typesetter.Result result = typeset("<p>Name: 中文 (Chinese)</p>");
        assertThat(result.missingCharacters()).containsExactly(0x4E2D, 0x6587);
        try (PDDocument pdf = Loader.loadPDF(result.pdf())) {
            assertThat(text(pdf)).as("the text, for copying and screen readers").contains("Name: 中文 (Chinese)");
            List<Object> tokens = new PDFStreamParser(pdf.getPage(0)).parse();
            for (Object token : tokens) {
                if (token instanceof COSString shown) {
                    byte[] glyphs = shown.getBytes();
                    for (int i = 0; i + 1 < glyphs.length; i += 2) {
                        assertThat(glyphs[i] << 8 | glyphs[i + 1]).as("a glyph drawn (0 is .notdef)").isNotZero();
                    }
                }
            }
        }
    }

    @Test
    void theSameDocumentGivesTheSameBytes() {
        String html = "<h2>Same</h2><ul><li>one</li><li>two</li></ul><table><tr><td>a</td><td>b</td></tr></table>";
        assertThat(typeset(html).pdf()).isEqualTo(typeset(html).pdf());
    }

    @Test
    void theCrossReferenceTablePointsAtEveryObjectSoViewersNeedNoRepair() {
        byte[] pdf = typeset("<h2 id=\"a\">Table</h2><p><a href=\"#a\">link</a></p><ul><li>one</li></ul>").pdf();
        String file = new String(pdf, java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(file).startsWith("%PDF-1.7\n").endsWith("%%EOF\n");
        int xref = Integer.parseInt(file.substring(file.lastIndexOf("startxref\n") + 10, file.lastIndexOf("\n%%EOF")).strip());
        String[] table = file.substring(xref).split("\r?\n");
        assertThat(table[0]).isEqualTo("xref");
        int count = Integer.parseInt(table[1].split(" ")[1]);
        for (int object = 1; object < count; object++) {
            int offset = Integer.parseInt(table[2 + object].substring(0, 10));
            assertThat(file.substring(offset)).as("object %d", object).startsWith(object + " 0 obj\n");
        }
    }

    @Test
    void theDocumentsStylesheetSetsSizesColoursWidthsAndTheBrandColour() {
        Stylesheet sheet = Stylesheet.of(STYLESHEET + "\nh1 { border-bottom-color: #aa0000; }");
        StyleNode body = sheet.root().child("html", "").child("body", "");
        Style h1 = body.child("h1", "").style;
        assertThat(h1.fontSize).isEqualTo(19f);
        assertThat(h1.bold).isTrue();
        assertThat(h1.borderRgb(Style.BOTTOM)).isEqualTo(0xaa0000);
        Style ref = body.child("table", "actions").child("colgroup", "").child("col", "ref").style;
        assertThat(ref.widthPercent).isEqualTo(11f);
        assertThat(body.child("table", "actions").child("tbody", "").child("tr", "").child("td", "").style.fontSize).isEqualTo(8.5f);
        assertThat(body.child("p", "note small").style.color).isEqualTo(0x505a5f);
        assertThat(body.child("p", "note small").style.fontSize).isEqualTo(8.5f);
        assertThat(body.child("div", "running-footer").style.running).isEqualTo("footer");
    }

    @Test
    void stylesheetRulesBeyondTheSubsetAreSkippedNotMisapplied() {
        List<Css.Rule> rules = Css.parse("@media print { p { color: red } } a:hover { color: red } #id { color: red } p + p { color: red }"
                + " [lang] { color: red } li > p.x, td.num { text-align: right; }", false, 0);
        assertThat(rules).hasSize(2);
        Stylesheet sheet = Stylesheet.of("p { color: #111111 } p:first-child { color: red } div > p.x { margin: 1mm 2mm }");
        Style p = sheet.root().child("html", "").child("body", "").child("div", "").child("p", "x").style;
        assertThat(p.color).isEqualTo(0x111111);
        assertThat(p.margin[Style.LEFT]).isCloseTo(2 * Style.MM, org.assertj.core.data.Offset.offset(0.001f));
    }

    // ---------------------------------------------------------------- helpers

    private static Typesetter.Result typeset(String body) {
        String html = "<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>Test</title><style>" + STYLESHEET
                + "</style></head><body><div class=\"running-footer\">Footer</div><div class=\"running-page-number\">Page {page} of {pages}</div>"
                + body + "</body></html>";
        return TYPESETTER.typeset(Jsoup.parse(html), new Typesetter.Settings(LocalDate.of(2026, 11, 23), new byte[16], "test"));
    }

    /** Rows "1 | Row 1" to "n | Row n". */
    private static String numberedRows(int n) {
        StringBuilder rows = new StringBuilder();
        for (int i = 1; i <= n; i++) {
            rows.append("<tr><th scope=\"row\">").append(i).append("</th><td>Row ").append(i).append("</td></tr>");
        }
        return rows.toString();
    }

    private static String text(PDDocument pdf) throws IOException {
        return new PDFTextStripper().getText(pdf);
    }

    private static String text(PDDocument pdf, int page) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        return stripper.getText(pdf).replaceAll("\\s+", " ");
    }

    private static int pageOf(PDDocument pdf, String text) throws IOException {
        for (int page = 1; page <= pdf.getNumberOfPages(); page++) {
            if (text(pdf, page).contains(text)) {
                return page;
            }
        }
        return -1;
    }

    private static List<TextPosition> positions(PDDocument pdf, int page) throws IOException {
        List<TextPosition> all = new ArrayList<>();
        PDFTextStripper stripper = new PDFTextStripper() {
            @Override
            protected void processTextPosition(TextPosition text) {
                all.add(text);
            }
        };
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        stripper.getText(pdf);
        return all;
    }

    private static List<PDStructureElement> elements(PDDocument pdf) {
        List<PDStructureElement> all = new ArrayList<>();
        collect(pdf.getDocumentCatalog().getStructureTreeRoot(), all);
        return all;
    }

    private static void collect(PDStructureNode node, List<PDStructureElement> into) {
        for (Object kid : node.getKids()) {
            if (kid instanceof PDStructureElement element) {
                into.add(element);
                collect(element, into);
            }
        }
    }

    private static FontSource fonts() {
        return PdfRenderer.fontSource(PdfFonts.locate());
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
