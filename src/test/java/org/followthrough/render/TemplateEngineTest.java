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
}
