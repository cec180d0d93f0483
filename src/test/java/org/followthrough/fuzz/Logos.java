package org.followthrough.fuzz;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/** Logos for the fuzz test: a clean SVG, SVG parts that could run script or load from elsewhere, and PNGs whole and not. */
final class Logos {

    private static final String HTML = "http://www.w3.org/1999/xhtml";
    private static final String XLINK = "http://www.w3.org/1999/xlink";

    static final String CLEAN = svgWith("");

    /** Each is put inside a clean SVG, before its end. */
    static final List<String> HOSTILE_PARTS = List.of(
            "<script>alert(1)</script>", "<SCRIPT>alert(1)</SCRIPT>", "<s:script xmlns:s=\"http://www.w3.org/2000/svg\">alert(1)</s:script>",
            "<h:script xmlns:h=\"" + HTML + "\">alert(1)</h:script>", "<rect width=\"1\" height=\"1\" onclick=\"alert(1)\"/>",
            "<rect width=\"1\" height=\"1\" ONLOAD=\"alert(1)\"/>", "<a href=\"javascript:alert(1)\"><rect width=\"1\" height=\"1\"/></a>",
            "<a xmlns:x=\"" + XLINK + "\" x:href=\"javascript:alert(1)\"><rect width=\"1\" height=\"1\"/></a>",
            "<a href=\"java&#x09;script:alert(1)\"><rect width=\"1\" height=\"1\"/></a>",
            "<a href=\"&#x6A;avascript:alert(1)\"><rect width=\"1\" height=\"1\"/></a>",
            "<set attributeName=\"onmouseover\" to=\"alert(1)\"/>", "<animate attributeName=\"href\" values=\"javascript:alert(1)\"/>",
            "<a><set attributeName=\"xlink:href\" to=\"javascript:alert(1)\"/><rect width=\"1\" height=\"1\"/></a>",
            "<foreignObject><body xmlns=\"" + HTML + "\"><script>alert(1)</script></body></foreignObject>",
            "<image href=\"https://evil.example/x.png\"/>", "<use href=\"data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=\"/>",
            "<style>@import url(https://evil.example/x.css);</style>", "<style><![CDATA[rect{fill:url(javascript:alert(1))}]]></style>",
            "<style>rect{fill:url(\"https://evil.example/\")}</style>", "<style>rect{background:u\\72l(https://evil.example/)}</style>",
            "<rect width=\"1\" height=\"1\" style=\"fill:url(&quot;https://evil.example/&quot;)\"/>",
            "<h:meta xmlns:h=\"" + HTML + "\" http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\"/>",
            "<h:meta xmlns:h=\"" + HTML + "\" http-equiv=\"refresh\" content=\"0;url=https://evil.example/\"/>",
            "<h:iframe xmlns:h=\"" + HTML + "\" src=\"javascript:alert(1)\"/>",
            "<h:img xmlns:h=\"" + HTML + "\" src=\"x\" onerror=\"alert(1)\"/>",
            "<h:img xmlns:h=\"" + HTML + "\" src=\"https://evil.example/track.png\"/>",
            "<h:audio xmlns:h=\"" + HTML + "\" src=\"https://evil.example/a.mp3\" autoplay=\"autoplay\"/>",
            "<handler xmlns:ev=\"http://www.w3.org/2001/xml-events\" ev:event=\"load\">alert(1)</handler>",
            "<h:form xmlns:h=\"" + HTML + "\" action=\"javascript:alert(1)\"><h:button>x</h:button></h:form>",
            "<h:button xmlns:h=\"" + HTML + "\" formaction=\"javascript:alert(1)\">x</h:button>",
            "<h:a xmlns:h=\"" + HTML + "\" href=\"javascript:alert(1)\">x</h:a>", "<h:base xmlns:h=\"" + HTML + "\" href=\"https://evil.example/\"/>",
            "<h:link xmlns:h=\"" + HTML + "\" rel=\"stylesheet\" href=\"https://evil.example/x.css\"/>",
            "<h:object xmlns:h=\"" + HTML + "\" data=\"https://evil.example/x.swf\"/>", "<h:embed xmlns:h=\"" + HTML + "\" src=\"https://evil.example/\"/>",
            "<feImage href=\"https://evil.example/x.png\"/>", "<rect width=\"1\" height=\"1\" filter=\"url(https://evil.example/f.svg#f)\"/>",
            "<rect width=\"1\" height=\"1\" xml:base=\"javascript:alert(1)//\"/>", "<title>&lt;script&gt;alert(1)&lt;/script&gt;</title>",
            "<![CDATA[<script>alert(1)</script>]]>", "<!-- <script>alert(1)</script> -->", "<text>plain</text>");

    /** Whole documents: a document type, a style sheet instruction, another root, not XML at all. */
    static final List<String> HOSTILE_DOCUMENTS = List.of(
            "<?xml version=\"1.0\"?><!DOCTYPE svg [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><svg xmlns=\"http://www.w3.org/2000/svg\">&x;</svg>",
            "<?xml-stylesheet href=\"https://evil.example/x.xsl\" type=\"text/xsl\"?><svg xmlns=\"http://www.w3.org/2000/svg\"/>",
            "<html xmlns=\"" + HTML + "\"><body><script>alert(1)</script></body></html>", "<svg><script>alert(1)</script></svg>",
            "<svg xmlns=\"http://www.w3.org/2000/svg\"", "<!DOCTYPE html><script>alert(1)</script>", "",
            "\uFEFF<svg xmlns=\"http://www.w3.org/2000/svg\"/>", "<svg xmlns=\"http://www.w3.org/2000/svg\"/><script>alert(1)</script>");

    /** PNG logos by what they are: whole, with something after their end, cut short, or not a PNG at all. */
    static final Map<String, byte[]> PNGS = pngs();

    private Logos() {
    }

    static String svgWith(String part) {
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"><rect width=\"10\" height=\"10\" fill=\"#005eb8\"/>"
                + part + "</svg>\n";
    }

    /** What a file of logo bytes is, for a case's description. */
    static String describe(byte[] bytes) {
        return PNGS.entrySet().stream().filter(e -> Arrays.equals(e.getValue(), bytes)).map(Map.Entry::getKey).findFirst()
                .orElse("binary data");
    }

    private static Map<String, byte[]> pngs() {
        byte[] png = png();
        Map<String, byte[]> pngs = new LinkedHashMap<>();
        pngs.put("a whole PNG", png);
        pngs.put("a PNG with HTML after its end", concat(png, "<script>alert(1)</script>".getBytes(StandardCharsets.US_ASCII)));
        pngs.put("a PNG cut short", Arrays.copyOf(png, png.length / 2));
        pngs.put("an SVG named .png", svgWith("<script>alert(1)</script>").getBytes(StandardCharsets.UTF_8));
        pngs.put("the PNG signature alone", Arrays.copyOf(png, 8));
        return pngs;
    }

    private static byte[] png() {
        BufferedImage image = new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, 0x005eb8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
