package org.followthrough.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.followthrough.problem.Problem;
import org.followthrough.problem.Problems;
import org.junit.jupiter.api.Test;

/**
 * Logos are published and can be opened at their own address, in the site's origin: an SVG that
 * could run script or load anything is refused, with the line and column of what is wrong, and a
 * raster logo is judged by its bytes, not its name.
 */
class LogoCheckTest {

    private static final String FILE = "content/assets/logo.svg";
    private static final String SVG = "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" viewBox=\"0 0 40 40\">";
    /** The same opening, with the prefix h: bound to HTML's namespace, as a drawing program may write it. */
    private static final String SVG_WITH_HTML_PREFIX = SVG.replace(">", " xmlns:h=\"http://www.w3.org/1999/xhtml\">");

    // ---------------------------------------------------------------------------------------
    // SVG

    @Test
    void acceptsAnSvgThatRefersOnlyToItsOwnParts() {
        String clean = """
                <?xml version="1.0" encoding="UTF-8" standalone="no"?>
                <!-- Generator: a drawing program -->
                <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"
                     xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" inkscape:version="1.3" viewBox="0 0 40 40" role="img">
                  <title>Ysbyty Gwynedd — Ærø</title>
                  <defs>
                    <linearGradient id="g"><stop offset="0" stop-color="#00703c"/><stop offset="1" stop-color="#004d29"/></linearGradient>
                    <rect id="box" width="40" height="40"/>
                    <style>.st0{fill:url(#g);} .st1{fill:url( '#g' )}</style>
                  </defs>
                  <use href="#box" fill="url(#g)"/>
                  <use xlink:href="#box" class="st0" style="opacity: .5; fill: url(&quot;#g&quot;)"/>
                  <a href="#box"><circle cx="20" cy="20" r="5"/></a>
                  <animate attributeName="opacity" from="0" to="1" dur="1s"/>
                </svg>
                """;

        assertThat(svgProblems(clean)).isEmpty();
    }

    /** An empty logo file is told as empty, not as XML the parser found ended too soon. */
    @Test
    void refusesAnEmptyLogoAsEmpty() {
        for (String empty : List.of("", "\n  \n")) {
            assertThat(svgProblems(empty)).singleElement().satisfies(p -> {
                assertThat(p.format()).startsWith(FILE + ": the logo file is empty — ");
                assertThat(p.hint()).startsWith("export the logo again");
            });
        }
    }

    @Test
    void refusesAScriptElementAtItsLineAndColumn() {
        List<Problem> problems = svgProblems(SVG + "\n  <rect width=\"40\" height=\"40\"/>\n  <script>alert(document.cookie)</script>\n</svg>");

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.format()).startsWith(FILE + ":3:3: <script> is not accepted in a logo: it runs script");
            assertThat(p.hint()).isEqualTo("remove the <script> element; a logo needs none");
        });
    }

    @Test
    void refusesAnEventHandlerAttributeAtTheAttribute() {
        List<Problem> problems = svgProblems("<svg xmlns=\"http://www.w3.org/2000/svg\"\n     width=\"40\" onload=\"alert(1)\"/>");

        assertThat(problems).singleElement().extracting(Problem::format).asString()
                .startsWith(FILE + ":2:17: event-handler attribute 'onload' is not accepted in a logo: it runs script");
    }

    @Test
    void refusesAJavascriptAddressHoweverItIsSpelt() {
        assertThat(svgProblems(SVG + "<a href=\"javascript:alert(1)\"><rect width=\"4\" height=\"4\"/></a></svg>"))
                .singleElement().extracting(Problem::message).asString().contains("'href' holds a script address (javascript:)");
        // a tab written as a character reference, and upper case: browsers run both
        assertThat(svgProblems(SVG + "<a xlink:href=\" JaVa&#9;Script:alert(1)\"><rect width=\"4\" height=\"4\"/></a></svg>"))
                .singleElement().extracting(Problem::message).asString().contains("'xlink:href' holds a script address");
        assertThat(svgProblems(SVG + "<set attributeName=\"fill\" to=\"javascript:alert(1)\"/></svg>"))
                .singleElement().extracting(Problem::message).asString().contains("'to' holds a script address");
    }

    @Test
    void refusesReferencesToAnythingButItsOwnParts() {
        assertThat(svgProblems(SVG + "\n<image href=\"https://tracker.example/pixel.png\" width=\"1\" height=\"1\"/></svg>"))
                .singleElement().satisfies(p -> {
                    assertThat(p.format()).startsWith(FILE + ":2:8: 'href' refers to 'https://tracker.example/pixel.png', outside the logo");
                    assertThat(p.hint()).contains("a logo must load nothing from elsewhere");
                });
        assertThat(svgProblems(SVG + "<use xlink:href=\"other.svg#part\"/></svg>")).singleElement()
                .extracting(Problem::message).asString().contains("'xlink:href' refers to 'other.svg#part'");
        assertThat(svgProblems(SVG + "<image href=\"data:image/svg+xml;base64,PHN2Zz4=\"/></svg>")).hasSize(1);
        assertThat(svgProblems(SVG + "<rect width=\"4\" height=\"4\" fill=\"url(https://x.example/p.svg#g)\"/></svg>")).singleElement()
                .extracting(Problem::message).asString().contains("'fill' refers to url(https://x.example/p.svg#g), outside the logo");
        assertThat(svgProblems(SVG + "<rect width=\"4\" height=\"4\" style=\"fill:url('//x.example/p.svg#g')\"/></svg>")).hasSize(1);
        assertThat(svgProblems(SVG + "<style>@import 'https://x.example/a.css';</style></svg>")).singleElement()
                .extracting(Problem::message).asString().contains("<style> uses @import, which loads from elsewhere");
        assertThat(svgProblems(SVG + "<style><![CDATA[ rect { background: \\75 rl(https://x.example/) } ]]></style></svg>")).singleElement()
                .extracting(Problem::message).asString().contains("CSS escape");
        assertThat(svgProblems(SVG + "<set attributeName=\"xlink:href\" to=\"https://x.example/\"/></svg>")).singleElement()
                .extracting(Problem::message).asString().contains("changes 'xlink:href'");
    }

    @Test
    void refusesEmbeddedHtmlAndStyleSheetsFromElsewhere() {
        assertThat(svgProblems(SVG + "<foreignObject width=\"40\" height=\"40\"><p xmlns=\"http://www.w3.org/1999/xhtml\">hi</p></foreignObject></svg>"))
                .singleElement().extracting(Problem::message).asString().startsWith("<foreignObject> is not accepted in a logo: it embeds HTML");
        assertThat(svgProblems("<?xml-stylesheet href=\"https://x.example/a.css\"?>\n" + SVG + "</svg>"))
                .singleElement().extracting(Problem::format).asString()
                .startsWith(FILE + ":1:1: the processing instruction <?xml-stylesheet …?> is not accepted in a logo");
    }

    @Test
    void refusesHtmlElementsWrittenOutsideAForeignObject() {
        assertThat(svgProblems(SVG_WITH_HTML_PREFIX + "<h:img src=\"https://tracker.example/p.png\"/></svg>")).first()
                .extracting(Problem::message).asString().startsWith("<h:img> is an element of HTML, not of SVG");
        assertThat(svgProblems(SVG_WITH_HTML_PREFIX + "<h:meta http-equiv=\"refresh\" content=\"0;url=https://x.example/\"/></svg>")).singleElement()
                .extracting(Problem::message).asString().startsWith("<h:meta> is an element of HTML");
        assertThat(svgProblems(SVG_WITH_HTML_PREFIX + "<h:form action=\"https://x.example/\"><h:input name=\"q\"/></h:form></svg>"))
                .extracting(Problem::message).anySatisfy(m -> assertThat(m).startsWith("<h:form> is an element of HTML"))
                .anySatisfy(m -> assertThat(m).contains("'action' refers to 'https://x.example/'"));
        assertThat(svgProblems(SVG + "<math xmlns=\"http://www.w3.org/1998/Math/MathML\"><mi>x</mi></math></svg>")).singleElement()
                .extracting(Problem::message).asString().startsWith("<math> is an element of MathML");
    }

    @Test
    void aStyleThatHoldsAnElementIsRefusedAsSuchNotAsXmlThatIsNotWellFormed() {
        assertThat(svgProblems(SVG + "<style><h:p xmlns:h=\"http://www.w3.org/1999/xhtml\">rect { fill: red }</h:p></style></svg>"))
                .singleElement().extracting(Problem::message).asString().startsWith("<style> holds the element <h:p>, where a stylesheet holds only text");
        // after a <style> inside a refused element, what follows that element is checked as itself again
        assertThat(svgProblems(SVG_WITH_HTML_PREFIX + "<foreignObject width=\"4\" height=\"4\"><style>rect { fill: red }</style></foreignObject><h:img/></svg>"))
                .extracting(Problem::message).hasSize(2).last().asString().startsWith("<h:img> is an element of HTML");
    }

    @Test
    void refusesEveryAttributeThatLoadsOrSendsNotOnlyHref() {
        assertThat(svgProblems(SVG + "<a href=\"#top\" ping=\"https://tracker.example/\"><rect width=\"4\" height=\"4\"/></a></svg>"))
                .singleElement().extracting(Problem::message).asString().contains("'ping' refers to 'https://tracker.example/'");
        assertThat(svgProblems(SVG + "<rect width=\"4\" height=\"4\" fill=\"url(#g)\"/></svg>")).isEmpty();
    }

    @Test
    void readsACssAddressToItsClosingQuoteNotToTheFirstParenthesis() {
        assertThat(svgProblems(SVG + "<rect width=\"4\" height=\"4\" style=\"fill:url('https://evil.example/a)b')\"/></svg>")).singleElement()
                .extracting(Problem::message).asString().contains("refers to url(https://evil.example/a)b)");
        assertThat(svgProblems(SVG + "<style>rect { fill: url(\"https://x.example/(x)\") }</style></svg>")).singleElement()
                .extracting(Problem::message).asString().contains("<style> refers to url(https://x.example/(x))");
        assertThat(svgProblems(SVG + "<style>rect { fill: url('#g') } circle { fill: url( \"#h\" ) }</style></svg>")).isEmpty();
        assertThat(svgProblems(SVG + "<style>rect { fill: url(https://x.example/</style></svg>")).singleElement()
                .extracting(Problem::message).asString().contains("never closed");
    }

    @Test
    void refusesADocumentTypeWithoutReadingTheFilesItsEntitiesName() {
        List<Problem> problems = svgProblems("""
                <?xml version="1.0"?>
                <!DOCTYPE svg [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>
                <svg xmlns="http://www.w3.org/2000/svg"><text>&secret;</text></svg>
                """);

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.format()).startsWith(FILE + ":2:1: the SVG declares a document type (<!DOCTYPE …>)");
            assertThat(p.hint()).contains("remove the <!DOCTYPE …> declaration");
            assertThat(p.format()).doesNotContain("root:");
        });
    }

    @Test
    void refusesWhatIsNotAnSvg() {
        assertThat(svgProblems("<svg width=\"4\"/>")).singleElement().extracting(Problem::format).asString()
                .startsWith(FILE + ":1:1: the file's outermost element is <svg>, not <svg> in the SVG namespace");
        assertThat(svgProblems("<html xmlns=\"http://www.w3.org/1999/xhtml\"><script>alert(1)</script></html>")).singleElement()
                .extracting(Problem::message).asString().contains("outermost element is <html>");
        assertThat(svgProblems(SVG + "\n<g></svg>")).singleElement().satisfies(p -> {
            assertThat(p.message()).startsWith("the logo is not well-formed XML: The element type \"g\" must be terminated");
            assertThat(p.location().line()).isEqualTo(2);
        });
        assertThat(problems("logo.svg", png(16, 16))).singleElement().satisfies(p -> {
            assertThat(p.message()).isEqualTo("this is a PNG image, not an SVG");
            assertThat(p.hint()).contains("name it with the extension .png");
        });
    }

    // ---------------------------------------------------------------------------------------
    // PNG

    @Test
    void acceptsARealPng() {
        assertThat(problems("logo.png", png(120, 40))).isEmpty();
    }

    @Test
    void refusesAFileNamedPngThatIsNotAPng() {
        assertThat(problems("logo.png", "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>".getBytes(StandardCharsets.UTF_8)))
                .singleElement().satisfies(p -> {
                    assertThat(p.format()).startsWith("content/assets/logo.png: this is text (an SVG?), not a PNG image");
                    assertThat(p.hint()).contains("name it with the extension .svg");
                });
        assertThat(problems("logo.png", "root:x:0:0:root:/root:/bin/bash\n".getBytes(StandardCharsets.UTF_8)))
                .singleElement().extracting(Problem::message).asString().isEqualTo("this is not a PNG image: it does not start with a PNG's signature");
        assertThat(problems("logo.png", new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0, 0x10}))
                .singleElement().extracting(Problem::message).asString().isEqualTo("this is a JPEG image, not a PNG");
        assertThat(problems("logo.png", new byte[0])).singleElement().extracting(Problem::message).asString().startsWith("the file is empty");
    }

    @Test
    void refusesADamagedPng() {
        byte[] png = png(32, 32);
        assertThat(problems("logo.png", Arrays.copyOf(png, png.length - 20)))
                .singleElement().extracting(Problem::message).asString().startsWith("the PNG is cut short");
        byte[] withTrailer = Arrays.copyOf(png, png.length + 5);
        assertThat(problems("logo.png", withTrailer))
                .singleElement().extracting(Problem::message).asString().isEqualTo("the file holds 5 bytes after the end of the PNG image");
        byte[] badChecksum = png.clone();
        badChecksum[8 + 8 + 13] ^= 1;
        assertThat(problems("logo.png", badChecksum))
                .singleElement().extracting(Problem::message).asString().isEqualTo("the PNG is damaged: the checksum of its 'IHDR' chunk is wrong");
    }

    @Test
    void refusesAPngWhoseImageDataDoesNotDecode() {
        byte[] png = png(32, 32);
        int idat = indexOf(png, "IDAT".getBytes(StandardCharsets.US_ASCII));
        int length = ByteBuffer.wrap(png, idat - 4, 4).getInt();
        Arrays.fill(png, idat + 4, idat + 4 + length, (byte) 0x55);
        rewriteCrc(png, idat, length);

        assertThat(problems("logo.png", png)).singleElement().extracting(Problem::message).asString()
                .startsWith("the PNG's image data is damaged and cannot be decoded");
    }

    @Test
    void refusesAPngTooLargeForALogo() {
        byte[] png = png(32, 32);
        int ihdr = indexOf(png, "IHDR".getBytes(StandardCharsets.US_ASCII));
        ByteBuffer.wrap(png).putInt(ihdr + 4, 20_000);
        rewriteCrc(png, ihdr, 13);

        assertThat(problems("logo.png", png)).singleElement().extracting(Problem::message).asString()
                .isEqualTo("the PNG is 20000 × 32 pixels; a logo may be at most 4096 pixels a side");
    }

    // ---------------------------------------------------------------------------------------

    private static List<Problem> svgProblems(String svg) {
        return problems("logo.svg", svg.getBytes(StandardCharsets.UTF_8));
    }

    private static List<Problem> problems(String name, byte[] bytes) {
        Problems problems = new Problems();
        String display = "content/assets/" + name;
        if (name.endsWith(".svg")) {
            SvgCheck.check(display, bytes, problems);
        } else {
            PngCheck.check(display, bytes, problems);
        }
        return problems.sorted();
    }

    static byte[] png(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        var graphics = image.createGraphics();
        graphics.setColor(new Color(0x00703c));
        graphics.fillRect(0, 0, width / 2, height);
        graphics.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] bytes, byte[] part) {
        for (int i = 0; i + part.length <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + part.length, part, 0, part.length)) {
                return i;
            }
        }
        throw new AssertionError("not found");
    }

    /** Recomputes the checksum of the chunk whose type starts at {@code type}, so that only the change made is wrong. */
    private static void rewriteCrc(byte[] png, int type, int length) {
        CRC32 crc = new CRC32();
        crc.update(png, type, 4 + length);
        ByteBuffer.wrap(png).putInt(type + 4 + length, (int) crc.getValue());
    }
}
