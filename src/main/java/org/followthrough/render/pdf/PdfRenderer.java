package org.followthrough.render.pdf;

import org.followthrough.render.view.Views;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.PageSizeUnits;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder.PdfAConformance;
import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLog;
import com.openhtmltopdf.util.XRLogger;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.logging.Level;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.XMPBasicSchema;
import org.apache.xmpbox.xml.DomXmpParser;
import org.apache.xmpbox.xml.XmpParsingException;
import org.apache.xmpbox.xml.XmpSerializer;
import org.followthrough.model.Lifecycle;
import org.followthrough.render.TemplateEngine;
import org.followthrough.render.view.Views.ActionView;
import org.followthrough.render.view.Views.OrganisationView;
import org.followthrough.render.view.Views.PlanView;
import org.followthrough.render.view.Views.RecommendationView;
import org.followthrough.render.view.Views.SiteView;
import org.followthrough.render.view.Views.TallyItem;
import org.followthrough.render.view.Views.TallyView;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The downloadable PDF summaries: a plan, an organisation's actions, and all plans at a glance.
 * Each is a tagged, accessible PDF (PDF/UA-1, and PDF/A-2a for archiving) with every font embedded,
 * a title shown in the viewer's title bar, and the site's language.
 *
 * <p>Documents are written as Freemarker templates in {@code templates/pdf/} (a site may override them
 * like any other template), then parsed with jsoup, tidied for the tagged structure (heading levels,
 * table header scopes, link descriptions) and laid out by openhtmltopdf on A4.
 *
 * <p>The output depends only on the input: the creation and modification dates are the as-of date at
 * 00:00 UTC and the document ID is a digest of the document, so the same plan gives the same bytes.
 *
 * <p>Create one per build and share it: each call lays out its document with its own openhtmltopdf
 * renderer and PDFBox document, so calls may run in parallel.
 */
public final class PdfRenderer {

    /** The PDF/A level the summaries claim: part 2, level A (tagged, with Unicode text), alongside PDF/UA-1. */
    public static final PdfAConformance PDF_A = PdfAConformance.PDFA_2_A;

    static final String PRODUCER = "Followthrough (openhtmltopdf, Apache PDFBox)";

    private static final float A4_WIDTH_MM = 210f;
    private static final float A4_HEIGHT_MM = 297f;

    static {
        // openhtmltopdf logs every step through java.util.logging; its diagnostics reach each render's own consumer instead.
        XRLog.setLoggerImpl(new SilentLogger());
    }

    private final TemplateEngine engine;
    private final PdfFonts fonts;
    private final byte[] colourProfile;

    /** Uses DejaVu Sans from the {@value PdfFonts#ENVIRONMENT_VARIABLE} folder when it is set, else the copies inside Followthrough. */
    public PdfRenderer(TemplateEngine engine) {
        this(engine, PdfFonts.locate());
    }

    public PdfRenderer(TemplateEngine engine, PdfFonts fonts) {
        this.engine = engine;
        this.fonts = fonts;
        this.colourProfile = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
    }

    /** A plan: its details, counts, the status of every action, then each recommendation with its actions' latest progress. */
    public byte[] plan(SiteView site, PlanView plan) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("site", site);
        model.put("plan", plan);
        return render("pdf/plan.ftlh", model, site);
    }

    /**
     * The actions an organisation owns, grouped by plan, each with its latest progress.
     *
     * @param plans the views of the plans (all of them, or at least those the organisation owns actions in):
     *              the latest progress of each action is taken from them
     */
    public byte[] organisation(SiteView site, OrganisationView organisation, List<PlanView> plans) {
        Views.ActionIndex index = Views.ActionIndex.of(plans);
        Map<String, ActionView> actions = index.actions();
        Map<String, RecommendationView> recommendations = index.recommendations();
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("site", site);
        model.put("organisation", organisation);
        model.put("actions", actions);
        model.put("recommendations", recommendations);
        return render("pdf/organisation.ftlh", model, site);
    }

    /** Every plan at a glance: each plan's counts and a table of its actions with their status (no progress text). */
    public byte[] site(SiteView site, List<PlanView> plans) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("site", site);
        model.put("plans", plans);
        model.put("total", total(plans));
        return render("pdf/site.ftlh", model, site);
    }

    /** The counts of all plans together, statuses in the order the plans' counts give them. */
    static TallyView total(List<PlanView> plans) {
        Map<String, TallyItem> items = new LinkedHashMap<>();
        int total = 0;
        int done = 0;
        int overdue = 0;
        int stale = 0;
        for (Lifecycle lifecycle : Lifecycle.values()) {
            int count = 0;
            for (PlanView plan : plans) {
                for (TallyItem item : plan.tally().items()) {
                    if (item.lifecycle().equals(lifecycle.code())) {
                        count += item.count();
                    }
                }
            }
            if (count > 0) {
                items.put(lifecycle.code(), new TallyItem(lifecycle.code(), lifecycle.label(), count));
            }
        }
        for (PlanView plan : plans) {
            total += plan.tally().total();
            done += plan.tally().done();
            overdue += plan.tally().overdue();
            stale += plan.tally().stale();
        }
        return new TallyView(total, done, overdue, stale, List.copyOf(items.values()));
    }

    private byte[] render(String template, Map<String, Object> model, SiteView site) {
        String html = engine.render(template, model);
        return pdf(html, LocalDate.parse(site.asOfIso()));
    }

    /** Lays out an HTML document as a PDF dated {@code date}; exposed for tests. */
    byte[] pdf(String html, LocalDate date) {
        Document document = Jsoup.parse(html);
        tidy(document);
        org.w3c.dom.Document w3c = new W3CDom().fromJsoup(document);
        List<String> problems = new ArrayList<>();
        PdfRendererBuilder builder = new PdfRendererBuilder()
                .usePdfUaAccessibility(true)
                .usePdfAConformance(PDF_A)
                .useColorProfile(colourProfile)
                .withProducer(PRODUCER)
                .useDefaultPageSize(A4_WIDTH_MM, A4_HEIGHT_MM, PageSizeUnits.MM)
                .useExternalResourceAccessControl((uri, type) -> false, ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI)
                .useExternalResourceAccessControl((uri, type) -> false, ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI)
                .withDiagnosticConsumer(d -> record(d, problems))
                .withW3cDocument(w3c, "about:blank");
        fonts.register(builder);
        try (PdfBoxRenderer renderer = builder.buildPdfRenderer(); PDDocument pdf = renderer.createPDFKeepOpen()) {
            fix(pdf, date, html);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            pdf.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("could not make the PDF: " + e.getMessage()
                    + (problems.isEmpty() ? "" : " (" + String.join("; ", problems) + ")"), e);
        }
    }

    private static void record(Diagnostic diagnostic, List<String> problems) {
        if (diagnostic.getLevel().intValue() >= Level.WARNING.intValue()) {
            problems.add(diagnostic.getFormattedMessage());
        }
    }

    // ---------------------------------------------------------------- the HTML, made ready for tagging

    /**
     * Makes the document's structure one that tags well: outline entries in the head, heading levels
     * that never skip (Markdown written by editors may), a scope on every table header cell, and a
     * description on every link.
     */
    static void tidy(Document document) {
        Element bookmarks = document.selectFirst("bookmarks");
        if (bookmarks != null) {
            document.head().appendChild(bookmarks);
        }
        int previous = 0;
        for (Element heading : document.body().select("h1, h2, h3, h4, h5, h6")) {
            int level = heading.tagName().charAt(1) - '0';
            int allowed = Math.min(level, previous + 1);
            if (allowed != level) {
                heading.tagName("h" + allowed);
            }
            previous = allowed;
        }
        for (Element th : document.body().select("th:not([scope])")) {
            boolean inHead = th.parents().stream().anyMatch(p -> p.nameIs("thead"));
            th.attr("scope", inHead || th.parent() != null && th.parent().children().stream().allMatch(c -> c.nameIs("th")) ? "col" : "row");
        }
        for (Element link : document.body().select("a[href]")) {
            if (!link.hasAttr("title")) {
                String href = link.attr("href");
                String text = link.text().strip();
                link.attr("title", href.startsWith("#") || text.equals(href) ? text : text + " (" + href + ")");
            }
        }
        for (Element link : document.body().select("a:not([href])")) {
            link.unwrap();
        }
    }

    // ---------------------------------------------------------------- the same bytes for the same input

    /** Dates the document at 00:00 UTC on {@code date}, in both the information dictionary and the XMP, and fixes its ID. */
    private static void fix(PDDocument pdf, LocalDate date, String html) throws IOException {
        Calendar calendar = new GregorianCalendar(TimeZone.getTimeZone(ZoneOffset.UTC), Locale.ROOT);
        calendar.clear();
        calendar.set(date.getYear(), date.getMonthValue() - 1, date.getDayOfMonth(), 0, 0, 0);
        PDDocumentInformation info = pdf.getDocumentInformation();
        info.setCreationDate(calendar);
        info.setModificationDate(calendar);

        PDMetadata metadata = pdf.getDocumentCatalog().getMetadata();
        if (metadata != null) {
            try {
                DomXmpParser parser = new DomXmpParser();
                XMPMetadata xmp = parser.parse(metadata.toByteArray());
                XMPBasicSchema basic = xmp.getXMPBasicSchema();
                if (basic == null) {
                    basic = xmp.createAndAddXMPBasicSchema();
                }
                basic.setCreateDate(calendar);
                basic.setModifyDate(calendar);
                basic.setMetadataDate(calendar);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                new XmpSerializer().serialize(xmp, out, true);
                metadata.importXMPMetadata(out.toByteArray());
            } catch (XmpParsingException | javax.xml.transform.TransformerException e) {
                throw new IOException("could not date the PDF's XMP metadata: " + e.getMessage(), e);
            }
        }

        byte[] id = Arrays.copyOf(sha256(date + "\n" + html), 16);
        COSArray ids = new COSArray();
        ids.add(new COSString(id));
        ids.add(new COSString(id));
        pdf.getDocument().getTrailer().setItem(COSName.ID, ids);
    }

    /** Logs nothing: openhtmltopdf still hands every diagnostic to the consumer of the render on that thread. */
    private static final class SilentLogger implements XRLogger {
        @Override
        public void log(String where, Level level, String msg) {
        }

        @Override
        public void log(String where, Level level, String msg, Throwable th) {
        }

        @Override
        public void setLevel(String logger, Level level) {
        }

        @Override
        public boolean isLogLevelEnabled(Diagnostic diagnostic) {
            return false;
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
