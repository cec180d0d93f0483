package org.followthrough.render.pdf.typeset;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBoolean;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSFloat;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNull;
import org.apache.pdfbox.cos.COSString;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Typesets an HTML document as an accessible PDF on A4: tagged (PDF/UA-1) and archivable (PDF/A-2a),
 * with the document's title shown, its language, bookmarks, a running footer with page numbers, and the
 * one font family embedded as subsets. It reads the HTML the PDF templates make and the subset of CSS
 * {@link Css} describes; anything else in the HTML is laid out as plain blocks and text.
 *
 * <p>Every input gives the same bytes: nothing depends on the clock, the locale or the machine. One
 * typesetter may be used from many threads at once; each call works on its own document.
 */
public final class Typesetter {

    /** The page: A4, 15 mm margins, 20 mm at the foot for the footer. */
    static final float MARGIN_TOP = 15 * Style.MM;
    static final float MARGIN_RIGHT = 15 * Style.MM;
    static final float MARGIN_BOTTOM = 20 * Style.MM;
    static final float MARGIN_LEFT = 15 * Style.MM;
    private static final float FOOTER_GAP = 4 * Style.MM;
    /** The names of the running elements (CSS {@code position: running(name)}) put at the foot of every page. */
    static final String FOOTER = "footer";
    static final String PAGE_NUMBER = "page-number";

    private static final byte[] SRGB = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
    private static final String SRGB_NAME = "sRGB IEC61966-2.1";

    private final FontFamily fonts;

    /** Reads and parses the fonts, once per process for each source. */
    public Typesetter(FontSource fonts) {
        this.fonts = FontFamily.of(fonts);
    }

    /** What the caller says about the document beyond its HTML. */
    public record Settings(LocalDate date, byte[] documentId, String producer) {
    }

    /** The PDF, and the characters the font has no glyph for (each drawn as a replacement mark, its text kept for readers). */
    public record Result(byte[] pdf, SortedSet<Integer> missingCharacters) {
    }

    /**
     * Whether the regular and the bold face of the fonts both draw a character (any text may be in a heading or a label,
     * which are bold), their files read once; one a face lacks is drawn there as a replacement mark (and reported in
     * {@link Result#missingCharacters()}). The oblique faces, which lack some scripts the others have (Arabic), are left
     * out: only words a text emphasises are set in them. A character with nothing to draw (a control, a zero-width joiner)
     * counts as drawn.
     */
    public static java.util.function.IntPredicate draws(FontSource fonts) {
        FontFamily family = FontFamily.of(fonts);
        List<FontProgram> faces = List.of(family.face(FontSource.Face.REGULAR), family.face(FontSource.Face.BOLD));
        return codePoint -> codePoint == 0x200B || Paragraph.invisible(codePoint) || faces.stream().allMatch(face -> face.glyph(codePoint) != 0);
    }

    /** Typesets {@code html}: its title, meta author and subject, lang, style elements, bookmarks and body. */
    public Result typeset(Document html, Settings settings) {
        Element root = html.root().child(0);
        Element body = html.body();
        StringBuilder css = new StringBuilder();
        for (Element style : html.select("style")) {
            css.append(style.data()).append('\n');
        }
        StyleNode htmlNode = Stylesheet.of(css.toString()).root().child("html", root.className());
        StyleNode bodyNode = htmlNode.child("body", body.className());
        Set<String> ids = new HashSet<>();
        for (Element e : body.select("[id]")) {
            ids.add(e.id());
        }
        DocumentFonts used = new DocumentFonts();
        Layout layout = new Layout(fonts, used, ids);
        float width = PagePainter.WIDTH - MARGIN_LEFT - MARGIN_RIGHT;

        try (PdfFile file = new PdfFile()) {
            PagePainter painter = new PagePainter(file, MARGIN_TOP);
            Paginator paginator = new Paginator(PagePainter.HEIGHT - MARGIN_TOP - MARGIN_BOTTOM, painter);
            Flow flow = new Flow(paginator);
            Tag top = new Tag("Document", null);
            layout.body(body, bodyNode, MARGIN_LEFT, width, top, flow);
            flow.finish();
            int pages = paginator.finish();
            footers(layout, painter, pages, width);

            Map<String, Paginator.Position> anchors = paginator.anchors();
            List<PdfFile.Ref> pageRefs = painter.pageRefs();
            for (PagePainter.InternalLink link : painter.internalLinks()) {
                Paginator.Position position = anchors.get(link.anchor());
                if (position != null) {
                    link.annotation().setItem(COSName.DEST, destination(pageRefs, position));
                }
            }
            COSDictionary catalog = new COSDictionary();
            catalog.setItem(COSName.TYPE, COSName.CATALOG);
            catalog.setItem(COSName.STRUCT_TREE_ROOT, StructureTree.write(file, top, pageRefs, painter.owners(), painter.annotations()));
            for (Tag.Annotation annotation : painter.annotations()) {
                file.write(annotation.ref(), annotation.dictionary());
            }
            catalog.setItem(COSName.PAGES, writePages(file, painter.pages(), resources(file, used)));
            Element bookmarks = html.selectFirst("bookmarks");
            if (bookmarks != null && !bookmarks.children().isEmpty()) {
                catalog.setItem(COSName.OUTLINES, outline(file, bookmarks, pageRefs, anchors));
                catalog.setItem(COSName.PAGE_MODE, COSName.getPDFName("UseOutlines"));
            }
            PdfFile.Ref info = describe(file, catalog, html, root, settings);
            return new Result(file.finish(file.write(catalog), info, settings.documentId()), used.missing());
        }
    }

    /** The page resources every page shares: the faces the document uses. */
    private PdfFile.Ref resources(PdfFile file, DocumentFonts used) {
        COSDictionary fontResources = new COSDictionary();
        for (FontSource.Face face : FontSource.Face.values()) {
            if (used.uses(face)) {
                fontResources.setItem(COSName.getPDFName("F" + face.ordinal()), used.embed(fonts.face(face), file));
            }
        }
        COSDictionary resources = new COSDictionary();
        resources.setItem(COSName.FONT, fontResources);
        return file.write(resources);
    }

    /** Every page, A4, and the page tree holding them. */
    private static PdfFile.Ref writePages(PdfFile file, List<PagePainter.Page> pages, PdfFile.Ref resources) {
        PdfFile.Ref tree = file.reserve();
        COSArray kids = new COSArray();
        COSArray media = new COSArray();
        media.add(COSInteger.ZERO);
        media.add(COSInteger.ZERO);
        media.add(new COSFloat(PagePainter.WIDTH));
        media.add(new COSFloat(PagePainter.HEIGHT));
        for (int i = 0; i < pages.size(); i++) {
            PagePainter.Page page = pages.get(i);
            COSDictionary dictionary = new COSDictionary();
            dictionary.setItem(COSName.TYPE, COSName.PAGE);
            dictionary.setItem(COSName.PARENT, tree);
            dictionary.setItem(COSName.MEDIA_BOX, media);
            dictionary.setItem(COSName.RESOURCES, resources);
            dictionary.setItem(COSName.CONTENTS, page.contents());
            dictionary.setInt(COSName.STRUCT_PARENTS, i);
            dictionary.setItem(COSName.getPDFName("Tabs"), COSName.S);
            if (page.annotations().size() > 0) {
                dictionary.setItem(COSName.ANNOTS, page.annotations());
            }
            file.write(page.ref(), dictionary);
            kids.add(page.ref());
        }
        COSDictionary root = new COSDictionary();
        root.setItem(COSName.TYPE, COSName.PAGES);
        root.setItem(COSName.KIDS, kids);
        root.setInt(COSName.COUNT, pages.size());
        file.write(tree, root);
        return tree;
    }

    /**
     * Below the content area of every page: the running element "page-number" on the right (its
     * {@code {page}} and {@code {pages}} filled in), and the running element "footer" in the room left of it.
     */
    private static void footers(Layout layout, PagePainter painter, int pages, float width) {
        float numbers = layout.runningWidth(PAGE_NUMBER, pages);
        float room = numbers > 0 ? width - numbers - FOOTER_GAP : width;
        float y = PagePainter.HEIGHT - MARGIN_BOTTOM + FOOTER_GAP;
        List<Item.Line> footer = layout.running(FOOTER, MARGIN_LEFT, room, 0, pages);
        for (int page = 0; page < pages; page++) {
            List<Item.Line> number = layout.running(PAGE_NUMBER, MARGIN_LEFT + width - numbers, numbers, page + 1, pages);
            if (!footer.isEmpty() || !number.isEmpty()) {
                painter.footer(page, y, List.of(footer, number));
            }
        }
    }

    private static COSArray destination(List<PdfFile.Ref> pages, Paginator.Position position) {
        COSArray destination = new COSArray();
        destination.add(pages.get(position.page()));
        destination.add(COSName.getPDFName("XYZ"));
        destination.add(new COSFloat(Math.round(MARGIN_LEFT * 1000f) / 1000f));
        destination.add(new COSFloat(Math.round((PagePainter.HEIGHT - MARGIN_TOP - position.y()) * 1000f) / 1000f));
        destination.add(COSNull.NULL);
        return destination;
    }

    /** The document outline: one entry for each bookmark element, nested as they are. */
    private static PdfFile.Ref outline(PdfFile file, Element bookmarks, List<PdfFile.Ref> pages, Map<String, Paginator.Position> anchors) {
        PdfFile.Ref ref = file.reserve();
        COSDictionary outlines = new COSDictionary();
        outlines.setItem(COSName.TYPE, COSName.OUTLINES);
        outlines.setInt(COSName.COUNT, entries(file, ref, outlines, bookmarks, pages, anchors));
        file.write(ref, outlines);
        return ref;
    }

    /** Writes the entries of the bookmarks in {@code bookmarks}, setting First and Last on their parent; gives how many. */
    private static int entries(PdfFile file, PdfFile.Ref parentRef, COSDictionary parent, Element bookmarks, List<PdfFile.Ref> pages,
                               Map<String, Paginator.Position> anchors) {
        List<Element> marks = bookmarks.children().stream().filter(b -> b.nameIs("bookmark")).toList();
        List<PdfFile.Ref> refs = marks.stream().map(b -> file.reserve()).toList();
        for (int i = 0; i < marks.size(); i++) {
            Element bookmark = marks.get(i);
            COSDictionary entry = new COSDictionary();
            entry.setItem(COSName.TITLE, new COSString(bookmark.attr("name")));
            entry.setItem(COSName.PARENT, parentRef);
            if (i > 0) {
                entry.setItem(COSName.PREV, refs.get(i - 1));
            }
            if (i + 1 < marks.size()) {
                entry.setItem(COSName.NEXT, refs.get(i + 1));
            }
            String href = bookmark.attr("href");
            Paginator.Position position = href.startsWith("#") ? anchors.get(href.substring(1)) : null;
            if (position != null) {
                entry.setItem(COSName.DEST, destination(pages, position));
            }
            int children = entries(file, refs.get(i), entry, bookmark, pages, anchors);
            if (children > 0) {
                entry.setInt(COSName.COUNT, -children);
            }
            file.write(refs.get(i), entry);
        }
        if (!refs.isEmpty()) {
            parent.setItem(COSName.FIRST, refs.get(0));
            parent.setItem(COSName.LAST, refs.get(refs.size() - 1));
        }
        return marks.size();
    }

    /**
     * What a reader, an archive and a screen reader are told about the document: title (shown in the
     * title bar), author, subject, language, dates, XMP metadata, the colour space it is meant for, and its ID.
     */
    private static PdfFile.Ref describe(PdfFile file, COSDictionary catalog, Document html, Element root, Settings settings) {
        String title = html.title();
        Element author = html.selectFirst("meta[name=author]");
        Element subject = html.selectFirst("meta[name=subject]");
        String date = settings.date() + "T00:00:00+00:00";
        String pdfDate = "D:" + settings.date().toString().replace("-", "") + "000000+00'00'";

        if (!root.attr("lang").isBlank()) {
            catalog.setItem(COSName.LANG, new COSString(root.attr("lang")));
        }
        COSDictionary mark = new COSDictionary();
        mark.setItem(COSName.getPDFName("Marked"), COSBoolean.TRUE);
        catalog.setItem(COSName.MARK_INFO, mark);
        COSDictionary viewer = new COSDictionary();
        viewer.setItem(COSName.getPDFName("DisplayDocTitle"), COSBoolean.TRUE);
        catalog.setItem(COSName.VIEWER_PREFERENCES, viewer);

        byte[] xmp = Xmp.packet(title, author == null ? null : author.attr("content"), subject == null ? null : subject.attr("content"),
                settings.producer(), date);
        COSDictionary metadata = new COSDictionary();
        metadata.setItem(COSName.TYPE, COSName.METADATA);
        metadata.setItem(COSName.SUBTYPE, COSName.getPDFName("XML"));
        catalog.setItem(COSName.METADATA, file.stream(metadata, xmp, xmp.length));

        COSDictionary profile = new COSDictionary();
        profile.setInt(COSName.N, 3);
        COSDictionary intent = new COSDictionary();
        intent.setItem(COSName.TYPE, COSName.getPDFName("OutputIntent"));
        intent.setItem(COSName.S, COSName.getPDFName("GTS_PDFA1"));
        intent.setItem(COSName.getPDFName("OutputConditionIdentifier"), new COSString(SRGB_NAME));
        intent.setItem(COSName.INFO, new COSString(SRGB_NAME));
        intent.setItem(COSName.getPDFName("RegistryName"), new COSString("http://www.color.org"));
        intent.setItem(COSName.getPDFName("DestOutputProfile"), file.flate(profile, SRGB, SRGB.length));
        COSArray intents = new COSArray();
        intents.add(intent);
        catalog.setItem(COSName.OUTPUT_INTENTS, intents);

        COSDictionary info = new COSDictionary();
        info.setItem(COSName.TITLE, new COSString(title));
        if (author != null) {
            info.setItem(COSName.AUTHOR, new COSString(author.attr("content")));
        }
        if (subject != null) {
            info.setItem(COSName.SUBJECT, new COSString(subject.attr("content")));
        }
        info.setItem(COSName.PRODUCER, new COSString(settings.producer()));
        info.setItem(COSName.CREATION_DATE, new COSString(pdfDate));
        info.setItem(COSName.MOD_DATE, new COSString(pdfDate));
        return file.write(info);
    }
}
