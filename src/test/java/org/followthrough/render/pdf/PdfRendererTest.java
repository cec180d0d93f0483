package org.followthrough.render.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.xml.DomXmpParser;
import org.followthrough.pipeline.BuildResult;
import org.followthrough.pipeline.Pipeline;
import org.followthrough.model.Archive;
import org.followthrough.model.Organisation;
import org.followthrough.model.Plan;
import org.followthrough.render.MarkdownRenderer;
import org.followthrough.render.view.ViewFactory;
import org.followthrough.render.view.Views.OrganisationView;
import org.followthrough.render.view.Views.PlanView;
import org.followthrough.render.view.Views.SiteView;
import org.followthrough.support.TestBuilds;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.VeraPDFFoundry;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;
import org.verapdf.pdfa.validation.profiles.Rule;

/**
 * The PDF summaries of the shipped content, as at 23 November 2026: every plan, every organisation that
 * owns actions, and the summary of all plans. Each must pass veraPDF's PDF/UA-1 and PDF/A-2a checks with
 * no failed rule, carry its title and language, embed every font, and come out byte-identical each time.
 * The PDFs are left in target/pdf-summaries/ to look at.
 */
@Isolated("sets the default locale, which every test in the JVM shares")
class PdfRendererTest {

    private static final Path OUT = Path.of("target", "pdf-summaries");

    private static Archive archive;
    private static ViewFactory views;
    private static PdfRenderer renderer;
    private static VeraPDFFoundry foundry;
    /** Name (plan-…, organisation-…, site) → the PDF, in a stable order. */
    private static final Map<String, byte[]> pdfs = new TreeMap<>();
    private static final Map<String, Long> millis = new ConcurrentHashMap<>();
    private static Map<PDFAFlavour, Map<String, List<String>>> validations;

    @BeforeAll
    static void renderEverySummary() throws IOException {
        BuildResult result = Pipeline.check(TestBuilds.request(TestBuilds.SHIPPED_CONTENT, null));
        assertThat(result.succeeded()).as("the shipped content checks: %s", result.problems()).isTrue();
        archive = result.archive();
        views = new ViewFactory(archive, new MarkdownRenderer());
        renderer = new PdfRenderer(TestBuilds.templateEngine(TestBuilds.BUILT_IN_TEMPLATES));
        VeraGreenfieldFoundryProvider.initialise();
        foundry = Foundries.defaultInstance();

        Map<String, Supplier<byte[]>> jobs = jobs();
        Map<String, byte[]> rendered = new ConcurrentHashMap<>();
        long start = System.nanoTime();
        jobs.entrySet().parallelStream().forEach(job -> {
            long t = System.nanoTime();
            rendered.put(job.getKey(), job.getValue().get());
            millis.put(job.getKey(), (System.nanoTime() - t) / 1_000_000);
        });
        long wall = (System.nanoTime() - start) / 1_000_000;
        pdfs.putAll(rendered);
        Files.createDirectories(OUT);
        for (Map.Entry<String, byte[]> pdf : pdfs.entrySet()) {
            Files.write(OUT.resolve(pdf.getKey() + ".pdf"), pdf.getValue());
        }
        System.out.printf("PDF summaries: %d in %d ms (in parallel); each: %s%n", pdfs.size(), wall, new TreeMap<>(millis));
    }

    private static Map<String, Supplier<byte[]>> jobs() {
        SiteView site = views.site();
        List<PlanView> plans = archive.plans().stream().map(views::plan).toList();
        Map<String, Supplier<byte[]>> jobs = new LinkedHashMap<>();
        for (PlanView plan : plans) {
            jobs.put("plan-" + plan.id(), () -> renderer.plan(site, plan));
        }
        for (Organisation organisation : archive.organisations()) {
            OrganisationView view = views.organisation(organisation);
            if (!view.groups().isEmpty()) {
                jobs.put("organisation-" + organisation.id(), () -> renderer.organisation(site, view));
            }
        }
        jobs.put("site", () -> renderer.site(site, archive.plans().stream().map(views::planSummary).toList()));
        return jobs;
    }

    @Test
    void thereIsASummaryOfEveryPlanEveryOrganisationOwningActionsAndTheSite() {
        assertThat(pdfs.keySet()).contains("site", "plan-p-independent-investigation", "organisation-west-midlands-police");
        for (Plan plan : archive.plans()) {
            assertThat(pdfs).containsKey("plan-" + plan.id());
        }
    }

    @TestFactory
    Stream<DynamicTest> everySummaryIsPdfUa1WithNoFailedRule() {
        return validations(PDFAFlavour.PDFUA_1);
    }

    @TestFactory
    Stream<DynamicTest> everySummaryIsPdfA2aWithNoFailedRule() {
        assertThat(PdfRenderer.PDF_A).isEqualTo("PDF/A-2a");
        return validations(PDFAFlavour.PDFA_2_A);
    }

    private static Stream<DynamicTest> validations(PDFAFlavour flavour) {
        Map<String, List<String>> failures = validateAll().get(flavour);
        return pdfs.keySet().stream().map(name -> DynamicTest.dynamicTest(name, () ->
                assertThat(failures.get(name)).as("%s: failed rules of %s", name, flavour.getId()).isEmpty()));
    }

    /** Flavour → PDF name → its failed rules; every PDF against both flavours, once, in parallel (veraPDF keeps its state per thread). */
    private static synchronized Map<PDFAFlavour, Map<String, List<String>>> validateAll() {
        if (validations == null) {
            // veraPDF compares XMP value types ("Integer") after a case change in the default locale, so under the
            // Turkish locale these tests run in it wrongly fails PDF/A rule 6.6.2.3.3-8 on valid metadata.
            Locale locale = Locale.getDefault();
            Locale.setDefault(Locale.ROOT);
            try {
                long start = System.nanoTime();
                Map<PDFAFlavour, Map<String, List<String>>> all = new ConcurrentHashMap<>();
                List<PDFAFlavour> flavours = List.of(PDFAFlavour.PDFUA_1, PDFAFlavour.PDFA_2_A);
                flavours.forEach(f -> all.put(f, new ConcurrentHashMap<>()));
                pdfs.entrySet().parallelStream().forEach(pdf -> flavours.forEach(flavour ->
                        all.get(flavour).put(pdf.getKey(), failedRules(pdf.getValue(), flavour))));
                System.out.printf("veraPDF: %d PDFs against %s in %d ms%n", pdfs.size(), flavours,
                        (System.nanoTime() - start) / 1_000_000);
                validations = all;
            } finally {
                Locale.setDefault(locale);
            }
        }
        return validations;
    }

    /** Each failed rule once: its id, clause, description and how many times it failed, with the first message and where. */
    static List<String> failedRules(byte[] pdf, PDFAFlavour flavour) {
        try (PDFAParser parser = foundry.createParser(new ByteArrayInputStream(pdf), flavour);
             PDFAValidator validator = foundry.createValidator(flavour, 20, false, true, false)) {
            ValidationResult result = validator.validate(parser);
            Map<String, List<TestAssertion>> failed = new TreeMap<>();
            for (TestAssertion assertion : result.getTestAssertions()) {
                if (assertion.getStatus() == TestAssertion.Status.FAILED) {
                    var id = assertion.getRuleId();
                    failed.computeIfAbsent(id.getClause() + "-" + id.getTestNumber(), k -> new ArrayList<>()).add(assertion);
                }
            }
            List<String> lines = new ArrayList<>();
            failed.forEach((id, assertions) -> {
                TestAssertion first = assertions.get(0);
                Rule rule = result.getValidationProfile() == null ? null : result.getValidationProfile().getRuleByRuleId(first.getRuleId());
                lines.add(first.getRuleId().getSpecification().getId() + " rule " + id + " (clause " + first.getRuleId().getClause()
                        + ", failed " + assertions.size() + "×): " + (rule != null ? rule.getDescription().replaceAll("\\s+", " ") : first.getMessage())
                        + " — e.g. " + first.getErrorMessage() + " at " + first.getLocation().getContext());
            });
            if (lines.isEmpty() && !result.isCompliant()) {
                lines.add("veraPDF says the document is not compliant, with no failed rule listed");
            }
            return lines;
        } catch (Exception e) {
            return List.of("veraPDF could not validate it: " + e);
        }
    }

    /** Every element the cleaned Markdown may hold, in the shapes editors write, with tables over pages and a character the font lacks. */
    private static final String EVERY_ELEMENT = """
            <!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>Every element</title>
            <meta name="author" content="Followthrough"><meta name="subject" content="Every element the Markdown allows">
            <style>%s</style></head><body>
            <div class="running-footer">Every element · a footer long enough to wrap onto a second line of the footer, as plan titles do</div>
            <div class="running-page-number">Page {page} of {pages}</div>
            <bookmarks><bookmark name="Lists" href="#lists"><bookmark name="Tables" href="#tables"></bookmark></bookmark></bookmarks>
            <p class="caption">Caption</p><h1>Every element</h1>
            <p><strong>Strong</strong>, <b>bold</b>, <em>emphasis</em>, <i>italic</i>, <s>struck</s>, <del>deleted</del>, <ins>inserted</ins>,
            <mark>marked</mark>, <abbr title="National Health Service">NHS</abbr>, H<sub>2</sub>O, 10<sup>th</sup>, <code>code</code>,<br>
            a break, <a href="https://example.org/a/very/long/address/that/goes/on/and/on/and/on/and/on/and/on/and/on/and/on/and/on/and/on" rel="external">an outside link</a>,
            <a href="#tables">a link inside</a>, <a href="mailto:someone@example.org">mail</a> and 中文 the font lacks.</p>
            <h2 id="lists">Lists</h2>
            <ul><li>One<ul><li>Nested <em>one</em></li><li><p>Nested paragraph</p><ol start="3"><li>Three</li><li>Four</li></ol></li></ul></li><li>Two</li></ul>
            <ol><li><p>First</p></li><li>Second</li></ol>
            <blockquote><p>Quoted text, long enough to wrap across more than one line of the quotation so that its border runs beside both.</p></blockquote>
            <pre>preformatted
              text    with   spaces</pre>
            <dl><dt>Term</dt><dd>Definition</dd></dl>
            <hr>
            <h3>Level three</h3><h4>Level four</h4><h5>Level five</h5><h6>Level six</h6>
            <h2 id="tables">Tables</h2>
            <table><thead><tr><th>Left</th><th>Right</th><th>Empty</th></tr></thead>
            <tbody><tr><td>a cell with <strong>some</strong> text</td><td><p>para</p><ul><li>item</li></ul></td><td></td></tr></tbody></table>
            <table><tr><th rowspan="2">Two rows</th><td colspan="2">Two columns</td></tr><tr><td>a</td><td>b</td></tr>
            <tr><td>short row</td></tr></table>
            <table class="actions"><caption>Long table</caption>
            <colgroup><col class="ref"><col class="owner"><col class="target"><col class="status"><col class="flags"></colgroup>
            <thead><tr><th scope="col">Action</th><th scope="col">Owner</th><th scope="col">Target</th><th scope="col">Status</th><th scope="col">Flags</th></tr></thead>
            <tbody>%s</tbody></table>
            <p>The end.</p>
            </body></html>""";

    @TestFactory
    Stream<DynamicTest> aDocumentOfEveryElementTheMarkdownAllowsPassesBothValidations() throws IOException {
        String rows = "<tr><th scope=\"row\"><a href=\"#lists\" title=\"Lists\">1.1</a></th><td>NHS England</td><td>March 2027</td>"
                + "<td>In progress, <span class=\"note\">since a date not published</span></td><td><span class=\"flag\">Overdue</span></td></tr>";
        String html = String.format(java.util.Locale.ROOT, EVERY_ELEMENT, Files.readString(TestBuilds.BUILT_IN_TEMPLATES.resolve("pdf/pdf.css")),
                rows.repeat(90));
        byte[] pdf = renderer.pdf(html, TestBuilds.AS_OF);
        Files.write(OUT.resolve("every-element.pdf"), pdf);
        assertThat(text(pdf)).contains("中文", "Nested paragraph", "The end.");
        return Stream.of(PDFAFlavour.PDFUA_1, PDFAFlavour.PDFA_2_A).map(flavour -> DynamicTest.dynamicTest(flavour.getId(), () -> {
            Locale locale = Locale.getDefault();
            Locale.setDefault(Locale.ROOT);
            try {
                assertThat(failedRules(pdf, flavour)).as("failed rules of %s", flavour.getId()).isEmpty();
            } finally {
                Locale.setDefault(locale);
            }
        }));
    }

    @Test
    void theValidationWouldCatchAnUntaggedPdf() throws IOException {
        byte[] untagged;
        try (PDDocument pdf = new PDDocument(); java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
            pdf.addPage(new PDPage());
            pdf.save(out);
            untagged = out.toByteArray();
        }
        Locale locale = Locale.getDefault();
        Locale.setDefault(Locale.ROOT);
        try {
            assertThat(failedRules(untagged, PDFAFlavour.PDFUA_1)).isNotEmpty();
            assertThat(failedRules(untagged, PDFAFlavour.PDFA_2_A)).isNotEmpty();
        } finally {
            Locale.setDefault(locale);
        }
    }

    @Test
    void everySummaryHasItsTitleShownLanguageAuthorAndEmbeddedFonts() throws IOException {
        for (Map.Entry<String, byte[]> entry : pdfs.entrySet()) {
            try (PDDocument pdf = Loader.loadPDF(entry.getValue())) {
                String name = entry.getKey();
                String title = pdf.getDocumentInformation().getTitle();
                assertThat(title).as(name + " /Title").isNotBlank();
                assertThat(pdf.getDocumentCatalog().getViewerPreferences().displayDocTitle()).as(name + " DisplayDocTitle").isTrue();
                assertThat(pdf.getDocumentCatalog().getLanguage()).as(name + " /Lang").isEqualTo("en-GB");
                assertThat(pdf.getDocumentInformation().getAuthor()).as(name + " /Author").isEqualTo(archive.site().publisher());
                assertThat(pdf.getDocumentInformation().getSubject()).as(name + " /Subject").isNotBlank();
                assertThat(pdf.getDocumentInformation().getCreationDate().toInstant()).as(name + " created")
                        .isEqualTo(TestBuilds.AS_OF.atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
                XMPMetadata xmp = new DomXmpParser().parse(pdf.getDocumentCatalog().getMetadata().toByteArray());
                assertThat(xmp.getDublinCoreSchema().getTitle()).as(name + " dc:title").isEqualTo(title);
                assertThat(xmp.getXMPBasicSchema().getCreateDate().toInstant()).as(name + " xmp:CreateDate")
                        .isEqualTo(TestBuilds.AS_OF.atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
                assertThat(pdf.getDocumentCatalog().getMarkInfo().isMarked()).as(name + " tagged").isTrue();
                assertThat(pdf.getDocumentCatalog().getDocumentOutline()).as(name + " bookmarks").isNotNull();
                assertThat(pdf.getDocumentCatalog().getDocumentOutline().hasChildren()).as(name + " bookmarks").isTrue();
                assertThat(pdf.getNumberOfPages()).as(name + " pages").isPositive();
                for (PDPage page : pdf.getPages()) {
                    assertThat(page.getMediaBox().getWidth()).as("A4 width in points").isCloseTo(595.3f, org.assertj.core.data.Offset.offset(1f));
                    PDResources resources = page.getResources();
                    for (COSName fontName : resources.getFontNames()) {
                        PDFont font = resources.getFont(fontName);
                        assertThat(font.isEmbedded()).as(name + ": font " + font.getName() + " embedded").isTrue();
                        assertThat(font.getName()).as(name + ": font").contains("DejaVuSans");
                    }
                }
            } catch (Exception e) {
                throw new AssertionError(entry.getKey() + ": " + e, e);
            }
        }
    }

    @Test
    void tablesHaveHeaderCellsWithAScopeAndHeadingsStartAtH1() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(pdfs.get("plan-p-independent-investigation"))) {
            List<PDStructureElement> elements = new ArrayList<>();
            collect(pdf.getDocumentCatalog().getStructureTreeRoot(), elements);
            List<String> types = elements.stream().map(PDStructureElement::getStructureType).toList();
            assertThat(types).contains("Table", "TH", "TD", "TR", "H1", "H2", "H3", "H4", "L", "LI", "P");
            assertThat(types.stream().filter(t -> t.matches("H\\d")).findFirst()).hasValue("H1");
            for (PDStructureElement th : elements.stream().filter(e -> e.getStructureType().equals("TH")).toList()) {
                var attributes = th.getCOSObject().getCOSDictionary(COSName.A);
                assertThat(attributes).as("TH attributes").isNotNull();
                assertThat(attributes.getNameAsString("Scope")).as("TH scope").isIn("Row", "Column");
            }
        }
    }

    private static void collect(PDStructureNode node, List<PDStructureElement> into) {
        for (Object kid : node.getKids()) {
            if (kid instanceof PDStructureElement element) {
                into.add(element);
                collect(element, into);
            }
        }
    }

    @Test
    void headingsNeverSkipALevelTableHeadersGetAScopeAndLinksADescription() {
        org.jsoup.nodes.Document html = org.jsoup.Jsoup.parse("<h1>Plan</h1><h2>Recommendation</h2><div><h5>From Markdown</h5><h6>Deeper</h6></div>"
                + "<h3>Action</h3><table><thead><tr><th>A</th></tr></thead><tbody><tr><th>1</th><td>x</td></tr></tbody></table>"
                + "<p><a href=\"https://example.org/\">the report</a> <a href=\"#action-1\">Action 1</a> <a>no link</a></p>"
                + "<bookmarks><bookmark name=\"Plan\" href=\"#plan\"></bookmark></bookmarks>");
        PdfRenderer.tidy(html);
        assertThat(html.body().select("h1, h2, h3, h4, h5, h6").eachText()).containsExactly("Plan", "Recommendation", "From Markdown", "Deeper", "Action");
        assertThat(html.body().select("h1, h2, h3, h4, h5, h6").stream().map(org.jsoup.nodes.Element::tagName).toList())
                .containsExactly("h1", "h2", "h3", "h4", "h3");
        assertThat(html.select("thead th").attr("scope")).isEqualTo("col");
        assertThat(html.select("tbody th").attr("scope")).isEqualTo("row");
        assertThat(html.select("a[href^=https]").attr("title")).isEqualTo("the report (https://example.org/)");
        assertThat(html.select("a[href$=action-1]").attr("title")).isEqualTo("Action 1");
        assertThat(html.select("a:not([href])")).isEmpty();
        assertThat(html.head().select("bookmarks bookmark")).hasSize(1);
    }

    @Test
    void thePlanSummarySaysWhatTheBriefAsks() throws IOException {
        String text = text(pdfs.get("plan-p-independent-investigation"));
        assertThat(text).contains("Statuses as at 23 November 2026", "Independent investigation", "Progress at a glance",
                "Status of every action", "Recommendation 1", "Action 1.1", "Latest progress, 14 June 2017", "Target",
                "Organisations involved");
        Plan p = archive.plans().stream().filter(pl -> pl.id().equals("p-independent-investigation")).findFirst().orElseThrow();
        p.actions().forEach(a -> assertThat(text).contains("Action " + a.ref()));
    }

    /**
     * What the plan's page says to warn a reader, the PDF says too: the follow-ups past their dates, the recommendations
     * missing from the run of numbers, a target completion that has passed; and each recommendation's findings.
     */
    @Test
    void thePlanSummaryKeepsThePagesWarningsAndTheIssuesIdentified() throws IOException {
        String p = text(pdfs.get("plan-p-independent-investigation")).replaceAll("\\s+", " ");
        assertThat(p).contains("34 follow-up actions past their dates without being reported done, not counted above",
                "Recommendations 4 and 5 are not in the plan as published here.");
        String eput = text(pdfs.get("plan-eput-e203623")).replaceAll("\\s+", " ");
        assertThat(eput).contains("Target completion passed. The plan was to be complete by 30 January 2026; 1 of its actions is still open, though it is not"
                        + " overdue against a target of its own.",
                "Issues identified: The community mental health team’s multidisciplinary team meeting notes did not routinely record");
    }

    /**
     * What the plan says of each action beyond its status, owner and target, its page shows and so does the summary: its
     * term, how it is monitored, its desired outcome and measure of success, and the plan's note; and each
     * recommendation's priority. The shipped plans give each of these somewhere (EPUT its terms, BDHR its outcomes).
     */
    @Test
    void thePlanSummaryGivesEachActionsTermMonitoringOutcomeMeasureAndNote() throws IOException {
        int seen = 0;
        for (Plan plan : archive.plans()) {
            String pdf = text(pdfs.get("plan-" + plan.id())).replaceAll("\\s+", " ");
            for (var r : plan.recommendations()) {
                if (r.priority() != null) {
                    assertThat(pdf).as(plan.id() + " " + r.number()).contains("Priority: " + r.priority().label());
                    seen++;
                }
                for (var a : r.actions()) {
                    Map<String, String> fields = new java.util.LinkedHashMap<>();
                    if (a.term() != null) {
                        fields.put("Term", a.term().label());
                    }
                    fields.put("Monitoring", views.plainText(a.monitoring()));
                    fields.put("Desired outcome", views.plainText(a.desiredOutcome()));
                    fields.put("How success is measured", views.plainText(a.successMeasure()));
                    fields.put("Note", views.plainText(a.note()));
                    fields.forEach((label, value) -> {
                        if (!value.isBlank()) {
                            String start = String.join(" ", java.util.Arrays.stream(value.strip().split("\\s+")).limit(5).toList());
                            assertThat(pdf).as("%s action %s: %s", plan.id(), a.ref(), label).contains(label + " " + start);
                        }
                    });
                    seen += (int) fields.values().stream().filter(v -> !v.isBlank()).count();
                }
            }
        }
        assertThat(seen).as("the shipped plans give such details").isGreaterThan(20);
    }

    /** As on the pages: only the one action of a recommendation can be the recommendation itself. */
    @Test
    void anActionOfSeveralWithoutItsOwnTextIsNotCalledTheRecommendation() throws IOException {
        String text = text(pdfs.get("plan-p-independent-investigation"));
        String seven = text.substring(text.indexOf("Action 7.1 Status"), text.indexOf("Recommendation 8"));
        assertThat(seven).contains("Action 7.2 Status").doesNotContain("the recommendation is the action");
        assertThat(seven.split("The plan gives this action no description of its own", -1)).hasSize(3);
        assertThat(text).as("a recommendation's only action still is").contains("the recommendation is the action");
    }

    /** An action whose last dated update changed only its status does not seem to contradict its latest progress, of an earlier date. */
    @Test
    void aLastUpdateWithoutProgressTextSaysWhatItWas() throws IOException {
        String text = text(pdfs.get("plan-p-independent-investigation"));
        String six = text.substring(text.indexOf("Action 6.1 Status"), text.indexOf("Recommendation 7"));
        assertThat(six).contains("Last dated update 28 November 2018 (of its status or grade, without a progress text)")
                .contains("Latest progress, 14 June 2017");
    }

    @Test
    void theOrganisationSummaryListsItsActionsByPlanWithoutTypesettingTheirProgressAgain() throws IOException {
        String text = text(pdfs.get("organisation-west-midlands-police"));
        assertThat(text).contains("Actions owned by West Midlands Police", "Statuses as at 23 November 2026").doesNotContain("Latest progress");
        OrganisationView police = views.organisation(archive.organisation("west-midlands-police").orElseThrow());
        police.groups().forEach(g -> {
            assertThat(text).contains(g.plan().title().substring(0, 20));
            g.rows().forEach(r -> assertThat(text).contains(r.ref()));
        });
    }

    /**
     * The organisation's summary says what each action it owns is, not only its number, owner, target and status: a
     * column gives the first words of each, as the tables of actions on the site do.
     */
    @Test
    void theOrganisationSummarySaysWhatEachActionIs() throws IOException {
        for (String id : List.of("west-midlands-police", "bsmhft")) {
            String text = text(pdfs.get("organisation-" + id)).replaceAll("\\s+", " ");
            assertThat(text).as(id).contains("Action What it is Owner Target Status Flags");
            OrganisationView organisation = views.organisation(archive.organisation(id).orElseThrow());
            organisation.groups().forEach(g -> g.rows().forEach(r -> {
                String[] words = r.summary().split(" ");
                assertThat(text).as("%s: action %s", id, r.ref()).contains(r.ref() + " " + String.join(" ", java.util.Arrays.copyOf(words, Math.min(6, words.length))));
            }));
        }
    }

    /**
     * An action an organisation shares with many others is listed in its summary under its own name with the others counted,
     * which the action's page online names: action 19.1 of P, owned by ten organisations, had made a column of their names a
     * page long. Four owners, or fewer, are still all named.
     */
    @Test
    void theOrganisationSummaryNamesItselfAndCountsTheOthersOfAnActionSharedByMany() throws IOException {
        String text = text(pdfs.get("organisation-crown-prosecution-service"));
        long owners = archive.plans().stream().filter(p -> p.id().equals("p-independent-investigation")).findFirst().orElseThrow()
                .actions().filter(a -> a.ref().equals("19.1")).findFirst().orElseThrow()
                .owners().stream().map(o -> o.organisationId()).distinct().count();
        assertThat(text).contains("Crown Prosecution Service and " + (owners - 1) + " other organisations").doesNotContain("HMP Hewell;");
        assertThat(text(pdfs.get("plan-p-independent-investigation"))).as("the plan's own summary names them all")
                .contains("HMP Hewell; HMP Birmingham;");
    }

    /**
     * An oversight body's printed summary lists what it oversees, leads and commissioned, with how each stands, as its page
     * does: NHS England's lists recommendation 7 of P with one of its two actions overdue, and the plan it commissioned.
     */
    @Test
    void theOrganisationSummaryListsWhatItLeadsOverseesAndCommissionedWithHowEachStands() throws IOException {
        String text = text(pdfs.get("organisation-nhs-england"));
        assertThat(text).contains("Recommendations it leads", "Recommendations it oversees", "Plans it commissioned");
        String overseen = text.substring(text.indexOf("Recommendations it oversees"));
        assertThat(overseen).contains("Recommendation 7: Healthcare staff at both HMP Hewell")
                .containsPattern("Recommendation 7: [^•]*\\(2 actions: 1 in progress, 1 completed; 1 overdue\\)");
        assertThat(text(pdfs.get("organisation-eput"))).as("a body that oversees nothing").doesNotContain("Recommendations it oversees");
    }

    /** An organisation's summary says of each plan what is late beyond its actions' own targets, as the plan's summary does. */
    @Test
    void theOrganisationSummarySaysWhereAPlansTargetCompletionHasPassedAndFollowUpsAreLate() throws IOException {
        assertThat(text(pdfs.get("organisation-eput"))).contains("Target completion passed. The plan was to be complete by 30 January 2026;"
                + " 1 of the actions EPUT owns in it is still open");
        assertThat(text(pdfs.get("organisation-nhs-england"))).containsPattern("\\d+ follow-up actions to these actions past their dates"
                + " without being reported done");
        assertThat(text(pdfs.get("organisation-kmpt"))).doesNotContain("Target completion passed", "follow-up actions to these");
    }

    /**
     * Where a plan dates none of its statuses, an organisation's summary says so above that plan's actions, as the plan's
     * own summary does: "Completed" alone would leave the reader to wonder since when (EPUT's six actions).
     */
    @Test
    void theOrganisationSummarySaysWhereAPlanDatesNoneOfItsStatuses() throws IOException {
        String text = text(pdfs.get("organisation-eput")).replaceAll("\\s+", " ");
        assertThat(text).contains("The plan does not say when 6 of these actions reached their statuses: it publishes no dates for them.");
        assertThat(text(pdfs.get("organisation-west-midlands-police"))).doesNotContain("publishes no dates for them");
    }

    @Test
    void theSiteSummaryListsEveryPlanWithoutProgressText() throws IOException {
        String text = text(pdfs.get("site"));
        assertThat(text).contains("All plans at a glance").doesNotContain("Latest progress");
        archive.plans().forEach(p -> assertThat(text).contains(p.reference() != null ? p.reference() : p.title().substring(0, 20)));
    }

    /** A printed summary says where its page is, so that a reader handed the paper can find the full history. */
    @Test
    void everySummaryPrintsTheAddressOfItsPage() throws IOException {
        String base = archive.site().baseUrl();
        assertThat(text(pdfs.get("plan-p-independent-investigation"))).contains("Online, with the full history of every action: "
                + base + "plans/p-independent-investigation/");
        assertThat(text(pdfs.get("site"))).contains("Online, with the full history of every action: " + base);
        String organisation = pdfs.keySet().stream().filter(k -> k.startsWith("organisation-")).findFirst().orElseThrow();
        assertThat(text(pdfs.get(organisation))).contains(base + "organisations/" + organisation.substring("organisation-".length()) + "/");
    }

    /** The site's summary counts, for each plan, the actions past their target with no status published beside the overdue ones. */
    @Test
    void theSiteSummaryCountsActionsPastTargetWithNoStatus() throws IOException {
        String text = text(pdfs.get("site"));
        assertThat(text).contains("Target", "passed, no", "status");
        Plan bdhr = archive.plans().stream().filter(pl -> pl.id().equals("bdhr-2011-12-03")).findFirst().orElseThrow();
        assertThat(bdhr.actions().filter(a -> a.state().targetPassedWithoutStatus()).count()).isEqualTo(10);
        // the domestic homicide review's row: 13 actions, none complete, 3 overdue, 10 past target with no status, 13 not updated
        assertThat(text).contains("13 0 3 10 13");
    }

    /** A plan whose target completion has passed with actions open is flagged in the site's summary, as on the home page. */
    @Test
    void theSiteSummaryFlagsAPlanPastItsTargetCompletion() throws IOException {
        String text = text(pdfs.get("site")).replaceAll("\\s+", " ");
        // the EPUT plan was to be complete by 30 January 2026, and one of its actions is still open
        assertThat(text).contains("Target completion passed (30 January 2026); 1 still open");
    }

    @Test
    void aSiteMayReplaceThePdfTemplatesLikeAnyOther(@TempDir Path templates) throws IOException {
        Files.createDirectories(templates.resolve("pdf"));
        Files.writeString(templates.resolve("pdf/plan.ftlh"), "<#import \"layout.ftlh\" as pdf>"
                + "<@pdf.document title=plan.title subject=\"ours\" footer=\"ours\"><h1>Our own summary of ${plan.title}</h1></@pdf.document>");
        PdfRenderer own = new PdfRenderer(TestBuilds.templateEngine(templates));
        Plan plan = archive.plans().get(0);
        assertThat(text(own.plan(views.site(), views.plan(plan)))).contains("Our own summary of " + plan.title().substring(0, 10));
        assertThat(text(own.site(views.site(), List.of()))).as("other documents keep the built-in templates").contains("All plans at a glance");
    }

    @Test
    void anOrganisationOwningNoActionsGetsAShortSummarySayingSo() throws IOException {
        Organisation none = archive.organisations().stream().filter(o -> views.organisation(o).groups().isEmpty()).findFirst().orElseThrow();
        List<PlanView> plans = archive.plans().stream().map(views::plan).toList();
        assertThat(text(renderer.organisation(views.site(), views.organisation(none)))).contains("owns no actions");
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    @Test
    void theSameInputGivesTheSameBytesWhateverTheLocaleAndTimeZone() {
        Plan plan = archive.plans().stream().filter(p -> p.id().equals("p-independent-investigation")).findFirst().orElseThrow();
        Locale locale = Locale.getDefault();
        TimeZone zone = TimeZone.getDefault();
        byte[] again;
        byte[] elsewhere;
        try {
            again = renderer.plan(views.site(), views.plan(plan));
            Locale.setDefault(Locale.forLanguageTag("ar-EG"));
            TimeZone.setDefault(TimeZone.getTimeZone("America/Los_Angeles"));
            elsewhere = new PdfRenderer(TestBuilds.templateEngine(TestBuilds.BUILT_IN_TEMPLATES)).plan(views.site(), views.plan(plan));
        } finally {
            Locale.setDefault(locale);
            TimeZone.setDefault(zone);
        }
        assertThat(again).isEqualTo(pdfs.get("plan-p-independent-investigation"));
        assertThat(elsewhere).isEqualTo(pdfs.get("plan-p-independent-investigation"));
    }

    @Test
    void aFontFolderLackingAFaceSaysInOneLineWhichFilesAreMissingAndHowToFixIt(@TempDir Path tmp) throws IOException {
        Path partial = Files.createDirectories(tmp.resolve("partial"));
        copyBundled(PdfFonts.Face.REGULAR, partial);

        assertThatThrownBy(() -> PdfFonts.in(partial))
                .isInstanceOf(PdfFonts.MissingFontsException.class)
                .hasMessage("the folder " + partial.toAbsolutePath()
                        + " does not hold DejaVuSans-Bold.ttf, DejaVuSans-Oblique.ttf, DejaVuSans-BoldOblique.ttf")
                .satisfies(e -> assertThat(((PdfFonts.MissingFontsException) e).hint())
                        .contains("DejaVuSans.ttf").contains("unset FOLLOWTHROUGH_FONTS to use the fonts inside Followthrough"));
    }

    @Test
    void usesTheFontsInsideFollowthroughUnlessTheSiteNamesAFolderOfItsOwn(@TempDir Path tmp) throws IOException {
        assertThat(PdfFonts.locate((String) null)).isSameAs(PdfFonts.bundled());
        assertThat(PdfFonts.locate("  ")).isSameAs(PdfFonts.bundled());
        Path own = Files.createDirectories(tmp.resolve("own"));
        for (PdfFonts.Face face : PdfFonts.Face.values()) {
            copyBundled(face, own);
        }
        PdfFonts fonts = PdfFonts.locate(own.toString());
        assertThat(fonts.origin()).isEqualTo(own.toAbsolutePath().toString());
        assertThat(text(new PdfRenderer(TestBuilds.templateEngine(TestBuilds.BUILT_IN_TEMPLATES), fonts).site(views.site(), List.of())))
                .contains("All plans at a glance");
    }

    @Test
    void theFontsTravelWithTheirLicence() throws IOException {
        try (var licence = PdfFonts.class.getResourceAsStream(PdfFonts.BUNDLED + "LICENSE")) {
            assertThat(licence).as("the licence beside the bundled fonts").isNotNull();
            assertThat(new String(licence.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                    .contains("Bitstream Vera Fonts Copyright", "Arev Fonts Copyright", "DejaVu changes are in public domain");
        }
    }

    private static void copyBundled(PdfFonts.Face face, Path folder) throws IOException {
        try (var in = PdfFonts.class.getResourceAsStream(PdfFonts.BUNDLED + face.file())) {
            Files.copy(in, folder.resolve(face.file()));
        }
    }
}
