package org.followthrough.render.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.followthrough.model.Archive;
import org.followthrough.model.Organisation;
import org.followthrough.model.Plan;
import org.followthrough.render.MarkdownRenderer;
import org.followthrough.support.TestArchives;
import org.followthrough.support.TestArchives.Scope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The JSON Feeds of progress: what JSON Feed 1.1 requires, the very entries of the Atom feed of the same scope, the same bytes every time. */
class JsonFeedRendererTest {

    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final String FEED = "https://plans.example/progress.json";
    private static final String ATOM_SELF = "https://plans.example/progress.xml";
    private static final String PAGE = "https://plans.example/page/";
    /** RFC 3339 date-time: full date, T, full time, and a Z or numeric offset. */
    private static final String RFC_3339 = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})";

    private static final MarkdownRenderer MARKDOWN = new MarkdownRenderer();
    private static final JsonFeedRenderer JSON = new JsonFeedRenderer(MARKDOWN);
    private static final AtomRenderer ATOM_RENDERER = new AtomRenderer(MARKDOWN);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    static Stream<Scope> scopes() {
        return TestArchives.scopes();
    }

    static String json(JsonFeedRenderer renderer, Scope scope) {
        if (scope.isPlan()) {
            return renderer.plan(scope.archive(), scope.plan(), FEED, PAGE);
        }
        if (scope.isOrganisation()) {
            return renderer.organisation(scope.archive(), scope.organisation(), FEED, PAGE);
        }
        return renderer.site(scope.archive(), FEED, PAGE);
    }

    static String atom(Scope scope) {
        if (scope.isPlan()) {
            return ATOM_RENDERER.plan(scope.archive(), scope.plan(), ATOM_SELF, PAGE);
        }
        if (scope.isOrganisation()) {
            return ATOM_RENDERER.organisation(scope.archive(), scope.organisation(), ATOM_SELF, PAGE);
        }
        return ATOM_RENDERER.site(scope.archive(), ATOM_SELF, PAGE);
    }

    private static Element atomFeed(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))).getDocumentElement();
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e && ATOM.equals(e.getNamespaceURI()) && e.getLocalName().equals(name)) {
                found.add(e);
            }
        }
        return found;
    }

    private static String only(Element parent, String name) {
        List<Element> found = children(parent, name);
        assertThat(found).as("one " + name).hasSize(1);
        return found.get(0).getTextContent();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        assertThat(value).as(field).isNotNull();
        assertThat(value.isTextual()).as(field + " is a string").isTrue();
        return value.asText();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scopes")
    void everyFeedIsJsonFeed11WithWhatItRequires(Scope scope) throws Exception {
        JsonNode feed = MAPPER.readTree(json(JSON, scope));
        assertThat(text(feed, "version")).isEqualTo("https://jsonfeed.org/version/1.1");
        assertThat(text(feed, "title")).isNotBlank();
        assertThat(text(feed, "home_page_url")).isEqualTo(PAGE);
        assertThat(text(feed, "feed_url")).isEqualTo(FEED);
        assertThat(text(feed, "language")).isEqualTo(scope.archive().site().language());
        assertThat(feed.get("authors").isArray()).isTrue();
        assertThat(text(feed.get("authors").get(0), "name")).isNotBlank();
        assertThat(feed.get("items").isArray()).isTrue();
        List<String> ids = new ArrayList<>();
        for (JsonNode item : feed.get("items")) {
            ids.add(text(item, "id"));
            assertThat(text(item, "url")).startsWith(scope.archive().site().baseUrl() + "plans/");
            assertThat(text(item, "date_published")).matches(RFC_3339);
            OffsetDateTime.parse(text(item, "date_published"));
            assertThat(text(item, "content_html")).startsWith("<p>");
            assertThat(text(item, "title")).startsWith("Action ");
            assertThat(item.get("authors").size()).as("the owners, as authors").isPositive();
            assertThat(item.get("tags").size()).isEqualTo(1);
            item.fieldNames().forEachRemaining(name -> assertThat(name).as("a field JSON Feed 1.1 defines, or an extension")
                    .matches("id|url|title|content_html|date_published|authors|tags|_[a-z].*"));
        }
        assertThat(ids).doesNotHaveDuplicates();
        feed.fieldNames().forEachRemaining(name -> assertThat(name).as("a top-level field JSON Feed 1.1 defines")
                .isIn("version", "title", "home_page_url", "feed_url", "description", "authors", "language", "items"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scopes")
    void itemsAreTheAtomEntriesOfTheSameScopeInTheSameOrder(Scope scope) throws Exception {
        JsonNode feed = MAPPER.readTree(json(JSON, scope));
        Element atom = atomFeed(atom(scope));
        assertThat(text(feed, "title")).isEqualTo(only(atom, "title"));
        assertThat(text(feed, "description")).isEqualTo(only(atom, "subtitle"));
        List<Element> entries = children(atom, "entry");
        assertThat(feed.get("items").size()).isEqualTo(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            JsonNode item = feed.get("items").get(i);
            Element entry = entries.get(i);
            assertThat(text(item, "id")).isEqualTo(only(entry, "id"));
            assertThat(text(item, "title")).isEqualTo(only(entry, "title"));
            assertThat(text(item, "date_published")).isEqualTo(only(entry, "updated"));
            assertThat(text(item, "content_html")).isEqualTo(only(entry, "content"));
            assertThat(text(item, "url")).isEqualTo(children(entry, "link").get(0).getAttribute("href"));
            assertThat(text(item.get("tags"), 0)).isEqualTo(children(entry, "category").get(0).getAttribute("label"));
            assertThat(text(item.get("_followthrough"), "status")).isEqualTo(children(entry, "category").get(0).getAttribute("term"));
            List<String> authors = new ArrayList<>();
            item.get("authors").forEach(a -> authors.add(a.get("name").asText()));
            assertThat(authors).isEqualTo(children(entry, "author").stream().map(a -> only(a, "name")).toList());
        }
    }

    private static String text(JsonNode array, int index) {
        return array.get(index).asText();
    }

    @Test
    void anItemNamesItsPlanActionAndStatusForThoseWhoRenderTheirOwn() throws Exception {
        Archive archive = TestArchives.small();
        JsonNode feed = MAPPER.readTree(JSON.plan(archive, archive.plans().get(0), FEED, PAGE));
        JsonNode first = feed.get("items").get(0);
        assertThat(text(first, "id")).isEqualTo("tag:plans.example,2024-07-01:plans/sample-review/actions/1.1/progress/1");
        assertThat(text(first, "title")).isEqualTo("Action 1.1: Open → Done");
        assertThat(text(first, "date_published")).isEqualTo("2024-07-01T00:00:00Z");
        assertThat(text(first, "url")).isEqualTo("https://plans.example/plans/sample-review/recommendations/1/#action-1-1");
        JsonNode extension = first.get("_followthrough");
        assertThat(text(extension, "plan")).isEqualTo("sample-review");
        assertThat(text(extension, "action")).isEqualTo("1.1");
        assertThat(text(extension, "status")).isEqualTo("completed");
        assertThat(text(extension, "about")).startsWith(archive.site().baseUrl());
    }

    @Test
    void aFeedWithNoDatedUpdatesHasNoItems() throws Exception {
        Archive archive = TestArchives.small();
        Organisation police = archive.organisation("sample-police").orElseThrow();
        JsonNode feed = MAPPER.readTree(JSON.organisation(archive, police, FEED, PAGE));
        assertThat(feed.get("items").isArray()).isTrue();
        assertThat(feed.get("items")).isEmpty();
    }

    @Test
    void twoRendersAreByteIdentical() throws Exception {
        Archive archive = TestArchives.shipped();
        assertThat(JSON.site(archive, FEED, PAGE)).isEqualTo(new JsonFeedRenderer().site(archive, FEED, PAGE));
        for (Plan plan : archive.plans()) {
            assertThat(JSON.plan(archive, plan, FEED, PAGE)).isEqualTo(new JsonFeedRenderer().plan(archive, plan, FEED, PAGE));
        }
        for (Organisation organisation : archive.organisations()) {
            assertThat(JSON.organisation(archive, organisation, FEED, PAGE))
                    .isEqualTo(new JsonFeedRenderer().organisation(archive, organisation, FEED, PAGE));
        }
        String site = JSON.site(archive, FEED, PAGE);
        // the version comes first, as the specification asks; written compactly, on one line
        assertThat(MAPPER.readTree(site).fieldNames().next()).isEqualTo("version");
        assertThat(MAPPER.readTree(site).get("version").asText()).isEqualTo("https://jsonfeed.org/version/1.1");
        assertThat(site).endsWith("}\n");
        assertThat(site.strip()).doesNotContain("\n");
    }
}
