package org.followthrough.render.pdf.typeset;

import java.util.ArrayList;
import java.util.List;

/**
 * An element of the PDF's structure tree (Document, H1, P, Table, TH, Link…), made while the HTML is
 * laid out and written into the PDF when the document is finished. Its kids are, in reading order,
 * other tags, {@link Content} (the marked text the element owns, numbered as it is painted) and
 * {@link Annotation} references (the link annotations of a Link).
 */
final class Tag {

    final String type;
    final Tag parent;
    final List<Object> kids = new ArrayList<>(2);
    /** For a TH: Row, Column or Both. */
    String scope;
    /** For a TH or TD: the columns and rows it spans. */
    int columns = 1;
    int rows = 1;
    /** For an L: Disc, Circle, Square, Decimal or None. */
    String listNumbering;
    /** Where the element is written, once it is known to hold anything. */
    PdfFile.Ref ref;

    Tag(String type, Tag parent) {
        this.type = type;
        this.parent = parent;
    }

    Tag child(String childType) {
        Tag tag = new Tag(childType, this);
        kids.add(tag);
        return tag;
    }

    /** The place for this element's own text after what it already holds: a new one if a child element came last. */
    Content content() {
        if (!kids.isEmpty() && kids.get(kids.size() - 1) instanceof Content last) {
            return last;
        }
        Content content = new Content(this);
        kids.add(content);
        return content;
    }

    /** A run of text an element owns directly, in its reading-order place among the element's kids. */
    static final class Content {

        final Tag owner;
        /** Each marked-content sequence painted for it: page index and MCID, packed. */
        private long[] marks = new long[1];
        private int count;

        Content(Tag owner) {
            this.owner = owner;
        }

        void add(int page, int mcid) {
            if (count == marks.length) {
                marks = java.util.Arrays.copyOf(marks, count * 2);
            }
            marks[count++] = (long) page << 32 | mcid;
        }

        int count() {
            return count;
        }

        int page(int i) {
            return (int) (marks[i] >>> 32);
        }

        int mcid(int i) {
            return (int) marks[i];
        }
    }

    /** A link annotation on a page (written at the end, once its destination is known), and the Link element it belongs to. */
    record Annotation(int page, org.apache.pdfbox.cos.COSDictionary dictionary, PdfFile.Ref ref, Tag owner) {
    }
}
