package org.followthrough.render.pdf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.followthrough.model.Lifecycle;
import org.followthrough.render.TemplateEngine;
import org.followthrough.render.pdf.typeset.FontSource;
import org.followthrough.render.pdf.typeset.Typesetter;
import org.followthrough.render.view.Views;
import org.followthrough.render.view.Views.ActionView;
import org.followthrough.render.view.Views.OrganisationView;
import org.followthrough.render.view.Views.PlanSummary;
import org.followthrough.render.view.Views.PlanView;
import org.followthrough.render.view.Views.RecommendationView;
import org.followthrough.render.view.Views.SiteView;
import org.followthrough.render.view.Views.TallyItem;
import org.followthrough.render.view.Views.TallyView;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The downloadable PDF summaries: a plan, an organisation's actions, and all plans at a glance.
 * Each is a tagged, accessible PDF (PDF/UA-1, and PDF/A-2a for archiving) with every font embedded,
 * a title shown in the viewer's title bar, and the site's language.
 *
 * <p>Documents are written as Freemarker templates in {@code templates/pdf/} (a site may override them
 * like any other template), then parsed with jsoup, tidied for the tagged structure (heading levels,
 * table header scopes, link descriptions) and typeset on A4 by {@link Typesetter}, which reads the
 * templates' stylesheet ({@code pdf.css}) for the subset of CSS it understands.
 *
 * <p>The output depends only on the input: the creation and modification dates are the as-of date at
 * 00:00 UTC and the document ID is a digest of the document, so the same plan gives the same bytes.
 *
 * <p>Create one per build and share it: calls may run in parallel, each on its own document; the
 * fonts are parsed once per process.
 */
public final class PdfRenderer {

    /** The PDF/A level the summaries claim, alongside PDF/UA-1: part 2, level A (tagged, with Unicode text). */
    public static final String PDF_A = "PDF/A-2a";

    static final String PRODUCER = "Followthrough (Apache PDFBox)";

    private final TemplateEngine engine;
    private final FontSource fonts;
    /** Made when the first PDF is typeset: a build whose PDFs all come from their sources kept before never loads it. */
    private Typesetter typesetter;
    private final Set<String> missingCharacters = ConcurrentHashMap.newKeySet();

    /** Uses DejaVu Sans from the {@value PdfFonts#ENVIRONMENT_VARIABLE} folder when it is set, else the copies inside Followthrough. */
    public PdfRenderer(TemplateEngine engine) {
        this(engine, PdfFonts.locate());
    }

    public PdfRenderer(TemplateEngine engine, PdfFonts fonts) {
        this(engine, fontSource(fonts));
    }

    public PdfRenderer(TemplateEngine engine, FontSource fonts) {
        this.engine = engine;
        this.fonts = fonts;
    }

    /**
     * Whether the font the summaries are typeset in (as a build finds it) draws a character; one it lacks shows as a
     * replacement mark. The font is read on the first call; where it cannot be read, every character is taken as drawn
     * (the build says why).
     */
    public static boolean draws(int codePoint) {
        return Drawable.PREDICATE.test(codePoint);
    }

    private static final class Drawable {
        static final java.util.function.IntPredicate PREDICATE = load();

        private static java.util.function.IntPredicate load() {
            try {
                return Typesetter.draws(fontSource(PdfFonts.locate()));
            } catch (RuntimeException unreadable) {
                return codePoint -> true;
            }
        }
    }

    /** The four font files as the typesetter's font source, read when it first needs them. */
    public static FontSource fontSource(PdfFonts fonts) {
        return new FontSource() {
            @Override
            public byte[] read(Face face) {
                return fonts.bytes(PdfFonts.Face.valueOf(face.name()));
            }

            @Override
            public String key() {
                return fonts.origin();
            }
        };
    }

    /**
     * What a PDF is typeset from: its HTML, made from the PDF templates, and its date. With the fonts and the
     * tool, they decide every byte of it, so a PDF whose source is as it was need not be typeset again
     * (making the HTML is cheap; typesetting it is not). {@link #fingerprint()} is the digest its document ID is
     * taken from.
     */
    public static final class Source {
        private final String html;
        private final LocalDate date;
        private final byte[] digest;

        Source(String html, LocalDate date) {
            this.html = html;
            this.date = date;
            this.digest = digest(date, html);
        }

        /** A digest of the HTML and the date, in hex. */
        public String fingerprint() {
            return java.util.HexFormat.of().formatHex(digest);
        }
    }

    /** A plan: its details, counts, the status of every action, then each recommendation with its actions' latest progress. */
    public byte[] plan(SiteView site, PlanView plan) {
        return typeset(planSource(site, plan));
    }

    /** What {@link #plan} typesets. */
    public Source planSource(SiteView site, PlanView plan) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("site", site);
        model.put("plan", plan);
        return source("pdf/plan.ftlh", model, site);
    }

    /**
     * The actions an organisation owns, grouped by plan, each with its status and a link to it on its
     * plan's page: the progress text is in each plan's own summary, so no action is typeset twice.
     */
    public byte[] organisation(SiteView site, OrganisationView organisation) {
        return typeset(organisationSource(site, organisation));
    }

    /** What {@link #organisation} typesets. */
    public Source organisationSource(SiteView site, OrganisationView organisation) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("site", site);
        model.put("organisation", organisation);
        return source("pdf/organisation.ftlh", model, site);
    }

    /** Every plan at a glance: a table of the plans with their counts, each linked to its page; no action is typeset again. */
    public byte[] site(SiteView site, List<PlanSummary> plans) {
        return typeset(siteSource(site, plans));
    }

    /** What {@link #site} typesets. */
    public Source siteSource(SiteView site, List<PlanSummary> plans) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("site", site);
        model.put("plans", plans);
        model.put("total", total(plans));
        return source("pdf/site.ftlh", model, site);
    }

    /** The counts of all plans together, statuses in the order the plans' counts give them. */
    static TallyView total(List<PlanSummary> plans) {
        Map<String, TallyItem> items = new LinkedHashMap<>();
        int total = 0;
        int done = 0;
        int overdue = 0;
        int passed = 0;
        int stale = 0;
        for (Lifecycle lifecycle : Lifecycle.values()) {
            int count = 0;
            for (PlanSummary plan : plans) {
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
        for (PlanSummary plan : plans) {
            total += plan.tally().total();
            done += plan.tally().done();
            overdue += plan.tally().overdue();
            passed += plan.tally().targetPassed();
            stale += plan.tally().stale();
        }
        return new TallyView(total, done, overdue, passed, stale, List.copyOf(items.values()));
    }

    private Source source(String template, Map<String, Object> model, SiteView site) {
        return new Source(engine.render(template, model), LocalDate.parse(site.asOfIso()));
    }

    /** Typesets an HTML document as a PDF dated {@code date}; exposed for tests. */
    byte[] pdf(String html, LocalDate date) {
        return typeset(new Source(html, date));
    }

    /** The PDF of a source. */
    public byte[] typeset(Source source) {
        Document document = Jsoup.parse(source.html);
        tidy(document);
        byte[] id = Arrays.copyOf(source.digest, 16);
        Typesetter.Result result = typesetter().typeset(document, new Typesetter.Settings(source.date, id, PRODUCER));
        for (int c : result.missingCharacters()) {
            missingCharacters.add(describe(c) + " in “" + document.title() + "”");
        }
        return result.pdf();
    }

    private synchronized Typesetter typesetter() {
        if (typesetter == null) {
            typesetter = new Typesetter(fonts);
        }
        return typesetter;
    }

    /**
     * The characters the PDFs so far needed and the font lacks, one line each ("U+4E2D 中 in “title”"):
     * each is drawn as a replacement mark (�), and its text is kept in the PDF for copying and screen readers.
     */
    public SortedSet<String> missingCharacters() {
        return new TreeSet<>(missingCharacters);
    }

    private static String describe(int codePoint) {
        return String.format(Locale.ROOT, "U+%04X %s", codePoint, new String(Character.toChars(codePoint)));
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

    /**
     * SHA-512/256 of the date and the HTML, as the site's fingerprints are: as strong as SHA-256 and half as quick again
     * under the quick compiler alone, and a cold build digests the HTML of every PDF (at 1,000 plans, a tenth of the time
     * PDFs took went on SHA-256).
     */
    private static byte[] digest(LocalDate date, String html) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-512/256");
            digest.update((date + "\n").getBytes(StandardCharsets.UTF_8));
            digest.update(html.getBytes(StandardCharsets.UTF_8));
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
