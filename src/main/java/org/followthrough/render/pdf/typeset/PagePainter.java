package org.followthrough.render.pdf.typeset;

import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSFloat;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;

/**
 * Paints pages as pagination fills them: first the decoration (borders, rules, underlines, highlights)
 * as one artifact, then the text, each run inside a marked-content sequence numbered for the
 * structure element that owns it (text repeated on a page for the reader's sake is an artifact);
 * each link gets an annotation with its description, tied to its Link element.
 */
final class PagePainter implements Paginator.Pages {

    static final float WIDTH = 595.2756f;
    static final float HEIGHT = 841.8898f;

    /** A link annotation whose destination is an id in the document, filled in once every page is made. */
    record InternalLink(COSDictionary annotation, String anchor) {
    }

    /** A painted page: where it will be written, its content streams, its annotations. */
    record Page(PdfFile.Ref ref, COSArray contents, COSArray annotations) {
    }

    private final PdfFile file;
    private final float top;
    private final ContentWriter out = new ContentWriter();
    private final List<Page> pages = new ArrayList<>();
    /** For each page, the structure element owning each MCID, in order. */
    private final List<List<Tag>> owners = new ArrayList<>();
    private final List<InternalLink> internalLinks = new ArrayList<>();
    private final List<Tag.Annotation> annotations = new ArrayList<>();

    private int pageIndex;
    private List<Tag> pageOwners;
    private COSArray pageAnnotations;
    private boolean open;
    private Tag.Content openContent;
    private FontProgram font;
    private float size;
    private int color;

    /**
     * @param top the height of the top margin: items are placed from there down
     */
    PagePainter(PdfFile file, float top) {
        this.file = file;
        this.top = top;
    }

    List<Page> pages() {
        return pages;
    }

    List<PdfFile.Ref> pageRefs() {
        return pages.stream().map(Page::ref).toList();
    }

    List<List<Tag>> owners() {
        return owners;
    }

    List<InternalLink> internalLinks() {
        return internalLinks;
    }

    /** Every link annotation, in the order made. */
    List<Tag.Annotation> annotations() {
        return annotations;
    }

    @Override
    public void page(int index, List<Paginator.Placed> items) {
        Page page = new Page(file.reserve(), new COSArray(), new COSArray());
        pages.add(page);
        pageIndex = index;
        pageOwners = new ArrayList<>();
        owners.add(pageOwners);
        pageAnnotations = page.annotations();

        out.reset();
        out.op("/Artifact BMC");
        Borders borders = new Borders();
        for (Paginator.Placed placed : items) {
            decorate(placed.item(), top + placed.y(), borders);
        }
        borders.close();
        out.op("EMC");
        for (Paginator.Placed placed : items) {
            text(placed.item(), top + placed.y(), placed.artifact());
        }
        close();
        page.contents().add(file.flate(new COSDictionary(), out.bytes(), out.length()));
    }

    /** Adds the footer, {@code y} down from the top of the page, to a page already painted: decoration repeated on every page. */
    void footer(int index, float y, List<List<Item.Line>> blocks) {
        out.reset();
        out.op("/Artifact <</Type /Pagination /Subtype /Footer>> BDC").op("BT");
        font = null;
        color = -1;
        for (List<Item.Line> lines : blocks) {
            float top = y;
            for (Item.Line line : lines) {
                for (Item.Run run : line.runs) {
                    show(run, top + line.baseline);
                }
                top += line.height;
            }
        }
        out.op("ET").op("EMC");
        pages.get(index).contents().add(file.flate(new COSDictionary(), out.bytes(), out.length()));
    }

    // ---------------------------------------------------------------- decoration

    private void decorate(Item item, float y, Borders borders) {
        borders.at(item.borders, y, item.height);
        if (item instanceof Item.Rule rule) {
            rect(rule.x, y, rule.width, rule.height, rule.color);
        } else if (item instanceof Item.Line line) {
            for (Item.Run run : line.runs) {
                decorate(run, y + line.baseline);
            }
        } else if (item instanceof Item.Row row) {
            for (Item.Cell cell : row.cells) {
                Borders inner = new Borders();
                float cy = y + cell.padTop;
                for (int i = cell.from; i < cell.to; i++) {
                    Item child = cell.items.get(i);
                    decorate(child, cy, inner);
                    cy += child.height;
                }
                inner.close();
                if (row.border > 0 && cell.borderWidth > 0) {
                    rect(cell.x, y + row.height - row.border, cell.width, cell.borderWidth, cell.borderColor);
                }
            }
        }
    }

    private void decorate(Item.Run run, float baseline) {
        TextStyle style = run.style;
        FontProgram face = style.font();
        float size = style.size();
        float base = baseline - style.shift();
        if (style.background() >= 0) {
            rect(run.x, base - face.ascent * size, run.width, (face.ascent + face.descent) * size, style.background());
        }
        float thickness = face.underlineThickness * size;
        if (style.underline()) {
            rect(run.x, base - face.underlinePosition * size - thickness / 2, run.width, thickness, style.color());
        }
        if (style.strike()) {
            rect(run.x, base - size * 0.3f - thickness / 2, run.width, thickness, style.color());
        }
    }

    /** A filled rectangle, {@code y} down from the top of the page. */
    private void rect(float x, float y, float width, float height, int rgb) {
        if (width <= 0 || height <= 0) {
            return;
        }
        out.rgb(rgb).op("rg");
        out.number(x).number(HEIGHT - y - height).number(width).number(height).op("re f");
    }

    /** The left borders of blocks, drawn as one rectangle for each stretch of items they run beside. */
    private final class Borders {
        private final List<Item.SideBorder> open = new ArrayList<>();
        private final List<float[]> spans = new ArrayList<>();

        void at(Item.SideBorder chain, float y, float height) {
            List<Item.SideBorder> here = new ArrayList<>(2);
            for (Item.SideBorder b = chain; b != null; b = b.outer()) {
                here.add(b);
            }
            for (int i = open.size() - 1; i >= 0; i--) {
                float[] span = spans.get(i);
                if (!here.contains(open.get(i)) || Math.abs(span[1] - y) > 0.01f) {
                    Item.SideBorder b = open.remove(i);
                    spans.remove(i);
                    rect(b.x(), span[0], b.width(), span[1] - span[0], b.color());
                }
            }
            for (Item.SideBorder b : here) {
                int i = open.indexOf(b);
                if (i >= 0) {
                    spans.get(i)[1] = y + height;
                } else {
                    open.add(b);
                    spans.add(new float[] {y, y + height});
                }
            }
        }

        void close() {
            for (int i = 0; i < open.size(); i++) {
                Item.SideBorder b = open.get(i);
                float[] span = spans.get(i);
                rect(b.x(), span[0], b.width(), span[1] - span[0], b.color());
            }
            open.clear();
            spans.clear();
        }
    }

    // ---------------------------------------------------------------- text

    private void text(Item item, float y, boolean artifact) {
        if (item instanceof Item.Line line) {
            for (Item.Run run : line.runs) {
                run(run, y, line, artifact);
            }
        } else if (item instanceof Item.Row row) {
            for (Item.Cell cell : row.cells) {
                float cy = y + cell.padTop;
                for (int i = cell.from; i < cell.to; i++) {
                    Item child = cell.items.get(i);
                    text(child, cy, artifact);
                    cy += child.height;
                }
            }
        }
    }

    private void run(Item.Run run, float y, Item.Line line, boolean artifact) {
        mark(artifact ? null : run.content);
        if (run.actualText != null) {
            out.raw("/Span <</ActualText").text(run.actualText).op(">> BDC");
        }
        show(run, y + line.baseline);
        if (run.actualText != null) {
            out.op("EMC");
        }
        if (run.link != null && !artifact && run.width > 0) {
            link(run, y, line);
        }
    }

    /** Shows a run's glyphs on a baseline {@code baseline} down from the top of the page, inside a text object. */
    private void show(Item.Run run, float baseline) {
        TextStyle style = run.style;
        if (font != style.font() || size != style.size()) {
            font = style.font();
            size = style.size();
            out.raw("/F" + font.face.ordinal()).number(size).op("Tf");
        }
        if (color != style.color()) {
            color = style.color();
            out.rgb(color).op("rg");
        }
        out.raw("1 0 0 1").number(run.x).number(HEIGHT - baseline + style.shift()).op("Tm");
        out.glyphs(run.glyphs).op("Tj");
    }

    /** Opens the marked-content sequence for {@code content} (null: an artifact), unless it is the one open. */
    private void mark(Tag.Content content) {
        if (open && content == openContent) {
            return;
        }
        close();
        if (content == null) {
            out.op("/Artifact <</Type /Pagination>> BDC");
        } else {
            int mcid = pageOwners.size();
            pageOwners.add(content.owner);
            content.add(pageIndex, mcid);
            out.raw("/" + content.owner.type).raw("<</MCID").integer(mcid).op(">> BDC");
        }
        out.op("BT");
        open = true;
        openContent = content;
        font = null;
        color = -1;
    }

    private void close() {
        if (open) {
            out.op("ET").op("EMC");
            open = false;
            openContent = null;
        }
    }

    private void link(Item.Run run, float y, Item.Line line) {
        Item.Link link = run.link;
        COSDictionary annotation = new COSDictionary();
        annotation.setItem(COSName.TYPE, COSName.ANNOT);
        annotation.setItem(COSName.SUBTYPE, COSName.LINK);
        COSArray rect = new COSArray();
        rect.add(new COSFloat(round(run.x)));
        rect.add(new COSFloat(round(HEIGHT - y - line.height)));
        rect.add(new COSFloat(round(run.x + run.width)));
        rect.add(new COSFloat(round(HEIGHT - y)));
        annotation.setItem(COSName.RECT, rect);
        COSArray border = new COSArray();
        border.add(COSInteger.ZERO);
        border.add(COSInteger.ZERO);
        border.add(COSInteger.ZERO);
        annotation.setItem(COSName.BORDER, border);
        annotation.setInt(COSName.F, 4);
        annotation.setItem(COSName.CONTENTS, new COSString(link.description()));
        annotation.setItem(COSName.P, pages.get(pages.size() - 1).ref());
        if (link.uri() != null) {
            COSDictionary action = new COSDictionary();
            action.setItem(COSName.S, COSName.URI);
            action.setItem(COSName.URI, new COSString(link.uri()));
            annotation.setItem(COSName.A, action);
        } else {
            internalLinks.add(new InternalLink(annotation, link.anchor()));
        }
        PdfFile.Ref ref = file.reserve();
        pageAnnotations.add(ref);
        Tag.Annotation reference = new Tag.Annotation(pageIndex, annotation, ref, link.tag());
        link.tag().kids.add(reference);
        annotations.add(reference);
    }

    private static float round(float v) {
        return Math.round(v * 1000f) / 1000f;
    }
}
