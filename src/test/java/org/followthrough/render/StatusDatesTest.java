package org.followthrough.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.followthrough.output.MemoryPublisher;
import org.followthrough.support.TestBuilds;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A status published without a date of its own is not dated at the plan's publication: the page
 * says the date is not published, once for a plan that dates none of its statuses.
 */
class StatusDatesTest {

    private static final String NO_DATES = "The plan does not say when its actions reached their statuses";

    private static MemoryPublisher site;

    @BeforeAll
    static void build() {
        site = TestBuilds.buildInMemory(TestBuilds.SHIPPED_CONTENT);
    }

    private static Document page(String plan) {
        return Jsoup.parse(site.text("plans/" + plan + "/index.html"));
    }

    /** An action's status as its own page, its recommendation's, gives it. */
    private static String status(String plan, String recommendation, String anchor) {
        return Jsoup.parse(site.text("plans/" + plan + "/recommendations/" + recommendation + "/index.html"))
                .getElementById(anchor).selectFirst(".action-status").text();
    }

    /** The text of every page of a plan: its own and its recommendations'. */
    private static String everyPageOf(String plan) {
        return site.files().keySet().stream().filter(p -> p.startsWith("plans/" + plan + "/") && p.endsWith(".html")).sorted()
                .map(p -> Jsoup.parse(site.text(p)).text()).collect(java.util.stream.Collectors.joining("\n"));
    }

    @Test
    void aStatusPublishedWithThePlanIsNotDatedAtThePlansPublication() {
        // Mr S's plan was published on 1 September 2020 and reports action 10.1 complete without a date.
        String status = status("kmpt-mr-s", "10", "action-10-1");
        assertThat(status).contains("Complete").doesNotContain("since");
    }

    @Test
    void aPlanThatDatesNoneOfItsStatusesSaysSoOnceInsteadOfUnderEachStatus() {
        Document eput = page("eput-e203623");
        assertThat(eput.text()).containsOnlyOnce(NO_DATES);
        assertThat(eput.select("td[data-label=Status]").size()).isEqualTo(6);
        assertThat(everyPageOf("eput-e203623")).doesNotContain("date not published");
    }

    /** Where a plan dates some statuses, an action's own page says which have no date; the plan's page says how many, once. */
    @Test
    void aPlanThatDatesSomeStatusesSaysWhichHaveNoDate() {
        Document p = page("p-independent-investigation");
        assertThat(p.text()).doesNotContain(NO_DATES).containsOnlyOnce("The plan does not say when 21 of the 25 actions with a status here reached it");
        assertThat(status("p-independent-investigation", "3", "action-3-1")).contains("date not published");
        assertThat(status("p-independent-investigation", "1", "action-1-1")).contains("since 28 November 2018");
    }
}
