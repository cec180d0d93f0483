package org.followthrough.guard;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * Every text a PDF shows or tells: the text of each page as a reader would copy it (lines broken
 * where the page breaks them), and every string of its objects — the document properties (title,
 * author, subject), the XMP metadata, bookmarks, alternative texts and the structure tree's
 * titles, link addresses — each with where it is, for messages.
 */
final class PdfText {

    /** One text of a PDF: where it is, as messages say it ("on page 3 of this PDF"), and how it is written. */
    record Part(String where, String text, PublishedText.Kind kind) {
    }

    private PdfText() {
    }

    /** The parts of a PDF; a file that is not a readable PDF is read as text, so nothing in it goes unread. */
    static List<Part> of(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            List<Part> parts = new ArrayList<>(pages(document));
            strings(document.getDocument().getTrailer(), Collections.newSetFromMap(new IdentityHashMap<>()), parts);
            return parts;
        } catch (IOException e) {
            return List.of(new Part("in this file", new String(pdf, StandardCharsets.ISO_8859_1), PublishedText.Kind.PLAIN));
        }
    }

    /** The parts as bytes, to keep beside the PDF in the build cache: reading a PDF costs about as much as making it. */
    static byte[] encode(List<Part> parts) {
        StringBuilder out = new StringBuilder();
        for (Part part : parts) {
            out.append(part.where()).append('\t').append(part.kind().name()).append('\t').append(part.text().length()).append('\n')
                    .append(part.text());
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The parts {@link #encode} kept; empty when the bytes are not what it writes. */
    static java.util.Optional<List<Part>> decode(byte[] bytes) {
        String in = new String(bytes, StandardCharsets.UTF_8);
        List<Part> parts = new ArrayList<>();
        try {
            for (int at = 0; at < in.length(); ) {
                int newline = in.indexOf('\n', at);
                String[] head = in.substring(at, newline).split("\t");
                int length = Integer.parseInt(head[2]);
                parts.add(new Part(head[0], in.substring(newline + 1, newline + 1 + length), PublishedText.Kind.valueOf(head[1])));
                at = newline + 1 + length;
            }
        } catch (RuntimeException e) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(parts);
    }

    private static List<Part> pages(PDDocument document) throws IOException {
        StringWriter text = new StringWriter();
        List<Integer> starts = new ArrayList<>();
        PDFTextStripper stripper = new PDFTextStripper() {
            @Override
            protected void startPage(PDPage page) throws IOException {
                starts.add(text.getBuffer().length());
                super.startPage(page);
            }
        };
        stripper.setLineSeparator("\n");
        // Looking for text drawn twice over itself costs more than all the rest, and the typesetter never does it.
        stripper.setSuppressDuplicateOverlappingText(false);
        stripper.writeText(document, text);
        List<Part> parts = new ArrayList<>();
        String all = text.toString();
        for (int page = 0; page < starts.size(); page++) {
            int end = page + 1 < starts.size() ? starts.get(page + 1) : all.length();
            parts.add(new Part("on page " + (page + 1) + " of this PDF", all.substring(starts.get(page), end), PublishedText.Kind.PLAIN));
        }
        return parts;
    }

    /**
     * Every string under {@code root}, each named by the key it is the value of; the XMP metadata as XML.
     * Walked with a stack of its own: bookmarks and structure elements chain thousands deep in a long plan.
     */
    private static void strings(COSBase root, Set<COSBase> seen, List<Part> parts) throws IOException {
        record Visit(COSBase object, COSName key) {
        }
        Deque<Visit> stack = new ArrayDeque<>();
        stack.push(new Visit(root, null));
        while (!stack.isEmpty()) {
            Visit visit = stack.pop();
            COSBase value = visit.object() instanceof COSObject indirect ? indirect.getObject() : visit.object();
            if (value == null || !seen.add(value)) {
                continue;
            }
            if (value instanceof COSString string) {
                String where = "in this PDF's " + (visit.key() == null ? "strings" : "/" + visit.key().getName());
                parts.add(new Part(where, string.getString(), PublishedText.Kind.PLAIN));
            } else if (value instanceof COSArray array) {
                for (COSBase item : array) {
                    stack.push(new Visit(item, visit.key()));
                }
            } else if (value instanceof COSDictionary dictionary) {
                if (value instanceof COSStream stream && COSName.METADATA.equals(stream.getCOSName(COSName.TYPE))) {
                    try (InputStream in = stream.createInputStream()) {
                        parts.add(new Part("in this PDF's XMP metadata", new String(in.readAllBytes(), StandardCharsets.UTF_8), PublishedText.Kind.PLAIN));
                    }
                }
                for (Map.Entry<COSName, COSBase> entry : dictionary.entrySet()) {
                    stack.push(new Visit(entry.getValue(), entry.getKey()));
                }
            }
        }
    }
}
