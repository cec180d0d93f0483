package org.followthrough.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A mistake in a site's own template is told at its line and column however often the template is
 * rendered: a preview keeps its engine from one rebuild to the next, and every page that uses a broken
 * template is rendered with the same one.
 */
class TemplateEngineTest {

    @Test
    void aTemplateThatDoesNotParseIsToldAtItsLineEveryTimeItIsRendered() {
        TemplateEngine engine = new TemplateEngine(Map.of("recommendation.ftlh",
                "<p>first line</p>\n<p>second</p>\n<#if>\n".getBytes(StandardCharsets.UTF_8)));

        for (int time = 1; time <= 2; time++) {
            TemplateEngine.TemplateProblem problem = catchThrowableOfType(() -> engine.render("recommendation.ftlh", Map.of()),
                    TemplateEngine.TemplateProblem.class);

            assertThat(problem).as("rendering number %d", time).isNotNull();
            assertThat(problem.template()).isEqualTo("recommendation.ftlh");
            assertThat(problem.line()).as("rendering number %d", time).isEqualTo(3);
            assertThat(problem.column()).isPositive();
            assertThat(problem.getMessage()).doesNotContain("cannot read the template");
        }
    }

    /** The same view, in a class that is not public: Freemarker's own bean model reads it. */
    public record HiddenView(String title, java.util.List<String> items, HiddenView inner) {
        public boolean isShort() {
            return title.length() < 10;
        }
    }

    /**
     * A site's own template reads the views as Freemarker reads records: a component with or without brackets, a method
     * of its own, a missing value for the defaults, the built-ins of a hash. A view the engine reads directly gives what
     * Freemarker's own bean model gives, and finding that it has content does not make its text.
     */
    @Test
    void aViewReadsAsFreemarkerReadsARecord() throws Exception {
        TemplateEngine engine = new TemplateEngine(Map.of("page.ftlh", ("${v.title}|${v.title()}|${v.items?size}|${v.isShort()?c}|"
                + "${(v.inner.title)!'none'}|${v.inner???c}|${v?is_hash_ex?c}|${v?size}|${v?keys?size}|${v['title']}|"
                + "<#if v?has_content>full</#if>").getBytes(StandardCharsets.UTF_8)));

        String direct = engine.render("page.ftlh", Map.of("v", new SampleView("Plan <P>", java.util.List.of("a", "b"), null)));
        String bean = engine.render("page.ftlh", Map.of("v", new HiddenView("Plan <P>", java.util.List.of("a", "b"), null)));

        assertThat(direct).isEqualTo(bean).startsWith("Plan &lt;P&gt;|Plan &lt;P&gt;|2|true|none|false|true|").endsWith("|Plan &lt;P&gt;|full");
        assertThat(new ViewWrapper(TemplateEngine.VERSION).wrap(new SampleView("t", java.util.List.of(), null)))
                .as("read directly, not through the bean model").isInstanceOf(ViewWrapper.RecordModel.class);
        assertThat(new ViewWrapper(TemplateEngine.VERSION).wrap(new HiddenView("t", java.util.List.of(), null)))
                .isNotInstanceOf(ViewWrapper.RecordModel.class);
    }
}
