package org.followthrough.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.followthrough.model.Archive;
import org.followthrough.model.Organisation;
import org.followthrough.support.TestArchives;
import org.junit.jupiter.api.Test;

/**
 * Values a build asks for hundreds of thousands of times are worked out once and kept: a date's words, the site's host,
 * the organisations by id. Kept or not, each is what working it out afresh gives, whatever was asked before it.
 */
class WorkedOutOnceTest {

    @Test
    void aDayIsWrittenAsItsWordsAndItsIsoFormWhetherKeptOrNot() {
        DateTimeFormatter words = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.UK);
        // inside the century kept, at its edges, and outside it
        List<LocalDate> days = List.of(LocalDate.of(2024, 2, 29), LocalDate.of(1990, 1, 1), LocalDate.of(1989, 12, 31),
                LocalDate.of(2089, 12, 31), LocalDate.of(2090, 1, 1), LocalDate.of(1850, 6, 3), LocalDate.of(12_025, 5, 3));
        for (int round = 0; round < 2; round++) {
            for (LocalDate day : days) {
                assertThat(Dates.format(day)).isEqualTo(words.format(day));
                assertThat(Dates.iso(day)).isEqualTo(day.toString());
            }
        }
        assertThat(Dates.format(LocalDate.of(2025, 5, 3))).isEqualTo("3 May 2025");
        assertThat(Dates.format((LocalDate) null)).isNull();
        assertThat(Dates.iso((LocalDate) null)).isNull();
    }

    @Test
    void eachSiteHasItsOwnHostAndPathWhicheverWasAskedBefore() {
        var site = TestArchives.small().site();
        var atRoot = site.withBaseUrl("https://trust.example/");
        var inFolder = site.withBaseUrl("https://council.example.gov.uk/learning/action-plans/");
        for (int round = 0; round < 2; round++) {
            assertThat(Routes.host(atRoot)).isEqualTo("trust.example");
            assertThat(Routes.basePath(atRoot)).isEmpty();
            assertThat(Routes.host(inFolder)).isEqualTo("council.example.gov.uk");
            assertThat(Routes.basePath(inFolder)).isEqualTo("learning/action-plans/");
        }
    }

    @Test
    void eachArchiveFindsItsOwnOrganisationsWhicheverWasAskedBefore() {
        Archive all = TestArchives.small();
        Organisation first = all.organisations().get(0);
        Archive fewer = new Archive(all.site(), all.asOf(), List.of(first), all.plans());
        for (int round = 0; round < 2; round++) {
            assertThat(all.organisationsById()).isEqualTo(all.organisations().stream()
                    .collect(Collectors.toMap(Organisation::id, o -> o)));
            assertThat(fewer.organisationsById()).containsOnlyKeys(first.id());
        }
        assertThat(all.organisations()).hasSizeGreaterThan(1);
    }
}
