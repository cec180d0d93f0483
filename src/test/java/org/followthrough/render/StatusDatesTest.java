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

    @Test
    void aStatusPublishedWithThePlanIsNotDatedAtThePlansPublication() {
        // Mr S's plan was published on 1 September 2020 and reports action 10.1 complete without a date.
        String status = page("kmpt-mr-s").getElementById("action-10-1").selectFirst(".action-status").text();
        assertThat(status).contains("Complete").doesNotContain("since");
    }

    @Test
    void aPlanThatDatesNoneOfItsStatusesSaysSoOnceInsteadOfUnderEachStatus() {
        Document eput = page("eput-e203623");
        assertThat(eput.text()).containsOnlyOnce(NO_DATES).doesNotContain("date not published");
        assertThat(eput.select(".action-status").size()).isEqualTo(6);
    }

    @Test
    void aPlanThatDatesSomeStatusesSaysWhichHaveNoDate() {
        Document p = page("p-independent-investigation");
        assertThat(p.text()).doesNotContain(NO_DATES);
        assertThat(p.getElementById("action-3-1").selectFirst(".action-status").text()).contains("date not published");
        assertThat(p.getElementById("action-1-1").selectFirst(".action-status").text()).contains("since 28 November 2018");
    }
}
