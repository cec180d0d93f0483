package org.followthrough.render.fragment;

import org.followthrough.render.Routes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.followthrough.pipeline.Pipeline;
import org.followthrough.model.Action;
import org.followthrough.model.ActionState;
import org.followthrough.model.Archive;
import org.followthrough.model.Organisation;
import org.followthrough.model.Plan;
import org.followthrough.model.Recommendation;
import org.followthrough.render.MarkdownRenderer;
import org.followthrough.render.view.ViewFactory;
import org.followthrough.support.NetworkGuard;
import org.followthrough.support.NuChecker;
import org.followthrough.support.TestBuilds;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The embeddable fragments of every plan and of every organisation that owns actions in the shipped
 * content: pieces of HTML that can be pasted into another body's page without clashing with it or
 * loading anything, that are valid HTML there, and that show every action with its status in words.
 */
class FragmentRendererTest {

    /** Elements a fragment must not hold: a document's frame, scripts, styles and anything that loads a resource. */
    private static final List<String> FORBIDDEN = List.of("html", "head", "body", "script", "noscript", "style", "link", "meta",
            "base", "img", "picture", "source", "iframe", "frame", "object", "embed", "video", "audio", "track", "svg", "canvas",
            "form", "input", "template");

    private static Archive archive;
    private static ViewFactory views;
    private static FragmentRenderer renderer;
    private static String contentText;
    private static NetworkGuard network;
    private static NuChecker checker;

    /** One fragment to check: what it is, its HTML and the actions it must show. */
    record Case(String name, String html, String idPrefix, List<Owned> actions) {
        @Override
        public String toString() {
            return name;
        }
    }

    record Owned(Plan plan, Recommendation recommendation, Action action) {
    }

    private static List<Case> cases;

    @BeforeAll
    static void setUp() throws Exception {
        network = NetworkGuard.install();
        load();
        checker = new NuChecker();
    }

    /** The shipped content, its views and the renderer, made once (parameter sources may ask before {@code @BeforeAll}). */
    private static synchronized void load() {
        if (archive != null) {
            return;
        }
        Archive checked = Pipeline.check(TestBuilds.request(Path.of("content"), null)).archive();
        assertThat(checked).as("the shipped content checks").isNotNull();
        views = new ViewFactory(checked, new MarkdownRenderer());
        renderer = new FragmentRenderer(TestBuilds.templateEngine(Path.of("templates")));
        contentText = readAll(Path.of("content"));
        archive = checked;
    }

    @AfterAll
    static void removeTheNetworkGuard() {
        if (network != null) {
            network.uninstall();
        }
    }

    @AfterEach
    void nothingTriedTheNetwork() {
        assertThat(network.attempts()).as("connections attempted (a fragment and its checks must need no network)").isEmpty();
    }

    static synchronized Stream<Case> fragments() {
        if (cases == null) {
            load();
            cases = List.copyOf(render());
        }
        return cases.stream();
    }

    private static List<Case> render() {
        List<Case> cases = new ArrayList<>();
        String base = archive.site().baseUrl();
        for (Plan plan : archive.plans()) {
            List<Owned> actions = new ArrayList<>();
            plan.recommendations().forEach(r -> r.actions().forEach(a -> actions.add(new Owned(plan, r, a))));
            cases.add(new Case("plan " + plan.id(), renderer.plan(views.site(), views.plan(plan), base), "ft-plan-" + plan.id(), actions));
        }
        for (Organisation organisation : archive.organisations()) {
            List<Owned> actions = new ArrayList<>();
            for (Plan plan : archive.plans()) {
                plan.recommendations().forEach(r -> r.actions().stream().filter(a -> a.isOwnedBy(organisation.id()))
                        .forEach(a -> actions.add(new Owned(plan, r, a))));
            }
            if (!actions.isEmpty()) {
                cases.add(new Case("organisation " + organisation.id(), renderer.organisation(views.site(), views.organisation(organisation),
                        views.ownedActions(organisation), base), "ft-organisation-" + organisation.id(), actions));
            }
        }
        assertThat(cases).as("fragments of the shipped content").hasSizeGreaterThan(archive.plans().size());
        return cases;
    }

    private static Element parse(String html) {
        return Jsoup.parseBodyFragment(html).body();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fragments")
    void isAFragmentWithNoFrameScriptStyleOrAnythingThatLoads(Case fragment) {
        assertThat(fragment.html()).as("no document frame").doesNotContainPattern("(?i)<\\s*/?\\s*(html|head|body|!doctype)\\b");
        Element body = parse(fragment.html());
        List<Element> inside = body.getAllElements().stream().filter(e -> e != body).toList();
        assertThat(inside).extracting(Element::tagName).as("elements of the fragment").doesNotContainAnyElementsOf(FORBIDDEN);
        assertThat(body.select("[style]")).as("style attributes").isEmpty();
        assertThat(body.select("[src], [srcset], [poster], [data], [background]")).as("attributes that load a resource").isEmpty();
        assertThat(body.getAllElements().stream().flatMap(e -> e.attributes().asList().stream())
                .filter(a -> a.getKey().toLowerCase(Locale.ROOT).startsWith("on")).toList()).as("event handler attributes").isEmpty();
        assertThat(body.children()).as("one top element").hasSize(1);
        assertThat(body.child(0).tagName()).isEqualTo("section");
        assertThat(body.child(0).id()).isEqualTo(fragment.idPrefix());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fragments")
    void everyClassAndIdStartsWithFtAndIdsAreUnique(Case fragment) {
        Element body = parse(fragment.html());
        List<String> classes = body.select("[class]").stream().flatMap(e -> e.classNames().stream()).toList();
        assertThat(classes).isNotEmpty().allSatisfy(c -> assertThat(c).startsWith("ft-"));
        List<String> ids = body.select("[id]").stream().map(Element::id).toList();
        assertThat(ids).isNotEmpty().doesNotHaveDuplicates()
                .allSatisfy(id -> assertThat(id).as("every id carries the fragment's own prefix").startsWith(fragment.idPrefix()));
        for (Element labelled : body.select("[aria-labelledby]")) {
            assertThat(ids).as("aria-labelledby points inside the fragment").contains(labelled.attr("aria-labelledby"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fragments")
    void everyLinkIsAbsoluteOnTheSiteOrAnOutsideLinkFromTheContent(Case fragment) {
        String base = archive.site().baseUrl();
        List<Element> links = parse(fragment.html()).select("[href]");
        assertThat(links).isNotEmpty();
        for (Element link : links) {
            String href = link.attr("href");
            assertThat(java.net.URI.create(href).isAbsolute()).as("absolute: " + href).isTrue();
            if (!href.startsWith(base)) {
                assertThat(contentText).as("an outside link written in the content: " + href).contains(href);
            }
        }
        assertThat(links).extracting(l -> l.attr("href")).contains(base + (fragment.name().startsWith("plan ")
                ? "plans/" + fragment.name().substring("plan ".length()) + "/"
                : "organisations/" + fragment.name().substring("organisation ".length()) + "/"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fragments")
    void headingsStartAtH2BelowTheHostPagesH1(Case fragment) {
        Element body = parse(fragment.html());
        assertThat(body.select("h1")).isEmpty();
        List<Element> headings = body.select("h1, h2, h3, h4, h5, h6");
        assertThat(headings.get(0).tagName()).isEqualTo("h2");
        assertThat(body.select("h2")).as("one h2: the fragment's title").hasSize(1);
        assertThat(body.select(".ft-action > h4")).hasSize(fragment.actions().size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fragments")
    void isValidHtmlInsideAMinimalDocument(Case fragment) {
        List<NuChecker.Message> errors = checker.check(fragment.name(), NuChecker.inMinimalDocument(fragment.html())).stream()
                .filter(NuChecker.Message::isError).toList();
        if (!errors.isEmpty()) {
            fail("The Nu Html Checker found " + errors.size() + " error(s) in the fragment of " + fragment.name() + ":\n  "
                    + String.join("\n  ", errors.stream().map(m -> m.format(fragment.name())).toList()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fragments")
    void showsEveryActionWithItsStatusInWordsAndItsFlagsExplained(Case fragment) {
        Element body = parse(fragment.html());
        String base = archive.site().baseUrl();
        List<Element> articles = body.select("article.ft-action");
        assertThat(articles).hasSize(fragment.actions().size());
        Set<String> seen = new HashSet<>();
        for (Owned owned : fragment.actions()) {
            String anchor = Routes.anchor("action", owned.action().ref());
            String url = base + Routes.action(owned.plan().id(), owned.recommendation().number(), owned.action().ref());
            Element article = articles.stream().filter(a -> a.select("h4 a").attr("href").equals(url)).findFirst().orElse(null);
            assertThat(article).as("action " + owned.action().ref() + " of " + owned.plan().id()).isNotNull();
            assertThat(seen.add(url)).isTrue();
            assertThat(article.id()).startsWith(fragment.idPrefix()).endsWith("-" + anchor);
            String text = article.text();
            ActionState state = owned.action().state();
            assertThat(article.select(".ft-tag").first().text()).as("status in words: the common stage first").isEqualTo(state.lifecycle().label());
            if (state.status() != null && !state.status().label().equalsIgnoreCase(state.lifecycle().label())) {
                assertThat(text).as("the plan's own word second").contains("as published: “" + state.status().label() + "”");
            }
            assertThat(text).contains("Action " + owned.action().ref()).contains("Latest progress");
            // Where the fragment shows the recommendation, what it gives for all its actions is said there once.
            Element recommendation = article.parent().hasClass("ft-recommendation") ? article.parent() : null;
            String ownersText = owned.action().inherited().owners() && recommendation != null
                    ? recommendation.select("> dl").text() : text;
            String targetText = owned.action().inherited().target() && recommendation != null
                    ? recommendation.select("> dl").text() : text;
            assertThat(ownersText).contains("Owner");
            assertThat(targetText).contains("Target");
            if (state.statusSince() != null) {
                assertThat(article.select("time[datetime=" + state.statusSince() + "]")).as("since when").isNotEmpty();
            }
            assertThat(text.contains("Overdue: its target date has passed")).as("overdue flag explained").isEqualTo(state.overdue());
            assertThat(text.contains("Target date passed; no status published: whether it is done is not known"))
                    .as("a passed target without a status is not called overdue").isEqualTo(state.targetPassedWithoutStatus());
            assertThat(text.contains("Not updated recently: it is not complete")).as("stale flag explained").isEqualTo(state.stale());
            for (var owner : owned.action().owners()) {
                assertThat(ownersText).contains(archive.organisationsById().get(owner.organisationId()).name());
            }
            if (owned.action().target() != null) {
                assertThat(targetText).contains(owned.action().target().asPublished() != null ? owned.action().target().asPublished()
                        : org.followthrough.render.Dates.format(owned.action().target().date()));
            }
        }
    }

    @Test
    void aPlansFragmentSaysWhatItIsAsAtWhenAndLinksToTheFullPlan() {
        Plan plan = archive.plans().stream().filter(p -> p.reference() != null).findFirst().orElseThrow();
        Element body = parse(renderer.plan(views.site(), views.plan(plan), archive.site().baseUrl()));
        assertThat(body.selectFirst("h2").text()).isEqualTo(plan.title());
        assertThat(body.text()).contains(plan.reference()).contains("Statuses as at 23 November 2026")
                .contains(plan.tally().total() + " actions, by status:");
        Element more = body.select("a").stream().filter(a -> a.text().equals("Full plan and downloads")).findFirst().orElseThrow();
        assertThat(more.attr("href")).isEqualTo(archive.site().baseUrl() + "plans/" + plan.id() + "/");
    }

    @Test
    void linksStartFromTheRootAddressGivenWithOrWithoutItsTrailingSlash() {
        Plan plan = archive.plans().get(0);
        for (String root : List.of("https://trust.example/learning/action-plans/", "https://trust.example/learning/action-plans")) {
            Element body = parse(renderer.plan(views.site(), views.plan(plan), root));
            for (Element link : body.select("[href]")) {
                String href = link.attr("href");
                if (!contentText.contains(href)) {
                    assertThat(href).startsWith("https://trust.example/learning/action-plans/").doesNotContain("action-plans//");
                }
            }
        }
    }

    @Test
    void aBodysOwnTemplateReplacesTheBuiltInOneAndKeepsTheSharedParts(@TempDir Path templates) throws IOException {
        Files.createDirectories(templates.resolve("fragments"));
        Files.writeString(templates.resolve("fragments/plan.ftlh"), "<#import \"components.ftlh\" as ft>"
                + "<section class=\"ft-own\"><h2>Our plan: ${plan.title}</h2><@ft.asAt/></section>");
        Plan plan = archive.plans().get(0);
        String html = new FragmentRenderer(TestBuilds.templateEngine(templates)).plan(views.site(), views.plan(plan), archive.site().baseUrl());
        assertThat(html).contains("Our plan: ").contains("Statuses as at <time datetime=\"2026-11-23\">23 November 2026</time>.");
        String organisation = new FragmentRenderer(TestBuilds.templateEngine(templates)).organisation(views.site(),
                views.organisation(archive.organisations().get(0)), views.ownedActions(archive.organisations().get(0)), archive.site().baseUrl());
        assertThat(organisation).as("the built-in organisation fragment is still used").contains("class=\"ft-fragment ft-organisation\"");
    }

    @Test
    void aRelativeRootAddressIsRefused() {
        Plan plan = archive.plans().get(0);
        for (String root : List.of("../", "/action-plans/", "ftp://x.example/", "")) {
            assertThatThrownBy(() -> renderer.plan(views.site(), views.plan(plan), root)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void anOrganisationsFragmentNeedsEveryActionItOwns() {
        Organisation owner = archive.organisations().stream()
                .filter(o -> archive.plans().stream().anyMatch(p -> p.actions().anyMatch(a -> a.isOwnedBy(o.id())))).findFirst().orElseThrow();
        assertThatThrownBy(() -> renderer.organisation(views.site(), views.organisation(owner),
                new org.followthrough.render.view.Views.ActionIndex(java.util.Map.of(), java.util.Map.of()), archive.site().baseUrl()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(owner.id());
    }

    @Test
    void theOptionalStylesheetHasOnlyFtSelectorsAndLoadsNothing() throws IOException {
        String css = Files.readString(Path.of("templates", FragmentRenderer.STYLESHEET));
        String plain = css.replaceAll("(?s)/\\*.*?\\*/", "");
        assertThat(plain.toLowerCase(Locale.ROOT)).doesNotContain("url(").doesNotContain("@import").doesNotContain("@font-face")
                .doesNotContain("expression(");
        List<String> selectors = selectors(plain);
        assertThat(selectors).isNotEmpty();
        assertThat(selectors).allSatisfy(s -> assertThat(s).matches("\\.ft-[A-Za-z0-9_-]+([\\s>+~:.\\[].*)?"));
    }

    /** Every selector of every rule, inside at-rule blocks too; at-rule preludes themselves are not selectors. */
    private static List<String> selectors(String css) {
        List<String> selectors = new ArrayList<>();
        StringBuilder prelude = new StringBuilder();
        int depth = 0;
        List<Boolean> blocks = new ArrayList<>(); // true where the open block is an at-rule's, holding rules
        for (char c : css.toCharArray()) {
            if (c == '{') {
                String head = prelude.toString().strip();
                boolean inDeclarations = !blocks.isEmpty() && !blocks.get(blocks.size() - 1);
                if (!inDeclarations) {
                    if (head.startsWith("@")) {
                        blocks.add(true);
                    } else {
                        for (String s : head.split(",")) {
                            selectors.add(s.strip());
                        }
                        blocks.add(false);
                    }
                } else {
                    blocks.add(false);
                }
                prelude.setLength(0);
                depth++;
            } else if (c == '}') {
                blocks.remove(blocks.size() - 1);
                prelude.setLength(0);
                depth--;
            } else if (c == ';' && (blocks.isEmpty() || blocks.get(blocks.size() - 1))) {
                prelude.setLength(0);
            } else {
                prelude.append(c);
            }
        }
        assertThat(depth).as("balanced braces").isZero();
        return selectors;
    }

    private static String readAll(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            StringBuilder all = new StringBuilder();
            for (Path file : files.filter(Files::isRegularFile).filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".md"))
                    .sorted().toList()) {
                all.append(Files.readString(file)).append('\n');
            }
            return all.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
