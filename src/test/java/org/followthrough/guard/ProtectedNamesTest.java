package org.followthrough.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How protected names are found: without case or accents, across line breaks, markup and escapes,
 * as whole words only, and in one pass however long the list; and how they are kept out of messages.
 */
class ProtectedNamesTest {

    private static final Path LIST = Path.of("names.txt");

    private static ProtectedNames names(String list) throws ProtectedNames.Unreadable {
        return ProtectedNames.parse(LIST, list);
    }

    private static List<Integer> lines(List<ProtectedNames.Hit> hits) {
        return hits.stream().map(ProtectedNames.Hit::line).toList();
    }

    @Test
    void findsANameWhateverItsCaseAndAccents() throws Exception {
        ProtectedNames names = names("José Álvarez\n");

        assertThat(lines(names.find("Mr JOSE ALVAREZ was seen"))).containsExactly(1);
        assertThat(lines(names.find("josé álvarez"))).containsExactly(1);
        // decomposed accents (e + combining acute) are the same letters
        assertThat(lines(names.find("Jose\u0301 A\u0301lvarez"))).containsExactly(1);
    }

    @Test
    void findsLettersThatHaveNoAccentToStripByTheirBaseLetter() throws Exception {
        ProtectedNames names = names("Søren Strauß\nŁukasz\n");

        assertThat(lines(names.find("Soren Strauss"))).containsExactly(1);
        assertThat(lines(names.find("LUKASZ"))).containsExactly(2);
    }

    @Test
    void findsANameAcrossLineBreaksRunsOfSpaceAndPunctuation() throws Exception {
        ProtectedNames names = names("Anne-Marie O'Brien\n");

        assertThat(names.find("Anne-Marie\n      O’Brien")).hasSize(1);
        assertThat(names.find("anne marie obrien")).hasSize(1);
        assertThat(names.find("Anne\u00ADMarie O\u200BBrien")).as("soft hyphens and zero-width spaces hide nothing").hasSize(1);
    }

    @Test
    void findsWholeWordsOnly() throws Exception {
        ProtectedNames names = names("Ann\n");

        assertThat(names.find("the annual report, a planner, Annabel")).isEmpty();
        assertThat(names.find("Ann's brother")).hasSize(1);
        assertThat(names.find("Jo Ann")).hasSize(1);
        assertThat(names.find("ANN")).hasSize(1);
    }

    @Test
    void findsANameSplitByMarkupOrWrittenWithEntities() throws Exception {
        ProtectedNames names = names("José Álvarez\n");

        assertThat(names.find("<p>Jo<b>sé</b>\n<em>Álvarez</em></p>")).hasSize(1);
        assertThat(names.find("<td>Jos&eacute;</td><td>&#193;lvarez</td>")).hasSize(1);
        assertThat(names.find("<img alt=\"Jos&#xE9; Alvarez\" src=x.png>")).as("attribute values are read").hasSize(1);
        assertThat(names.find("<content type=\"html\">&lt;p&gt;Jo&lt;b&gt;se&lt;/b&gt; Alvarez&lt;/p&gt;</content>"))
                .as("markup escaped in a feed").hasSize(1);
        assertThat(names.find("<!-- Jose Alvarez -->")).as("a comment is published too").hasSize(1);
        assertThat(names.find("Jo<!-- a note -->se Alva<!---->rez")).as("as a page leaves out a comment that splits it").hasSize(1);
    }

    @Test
    void findsANameWrittenWithTheEscapesOfItsKindOfFile() throws Exception {
        ProtectedNames names = names("José Álvarez\n");

        assertThat(names.find("{\"title\": \"Jos\\u00e9\\nAlvarez\"}", PublishedText.Kind.JSON)).hasSize(1);
        assertThat(names.find("{\"html\": \"<p>Jose<\\/p>\\n<p>Alvarez</p>\"}", PublishedText.Kind.JSON)).hasSize(1);
        assertThat(names.find("DESCRIPTION:Owner: Jos\r\n é\\nAlvarez\r\n", PublishedText.Kind.ICALENDAR))
                .as("a folded calendar line").hasSize(1);
        assertThat(names.find("title: \"Jos\\xe9 \\u00c1lvarez\"\n", PublishedText.Kind.YAML)).hasSize(1);
    }

    @Test
    void findsANameInAWebAddressWrittenWithPercentEscapes() throws Exception {
        ProtectedNames names = names("José Álvarez\n");

        assertThat(names.find("<a href=\"https://example.org/Jose%20Alvarez%20plan.pdf\">plan</a>")).as("a space as %20").hasSize(1);
        assertThat(names.find("<a href=\"https://example.org/Jos%C3%A9%20%C3%81lvarez.pdf\">plan</a>")).as("accents as UTF-8 escapes")
                .hasSize(1);
        assertThat(names.find("{\"url\": \"https://example.org/jose%2dalvarez\"}", PublishedText.Kind.JSON)).as("in the data").hasSize(1);
        assertThat(names.find("https://example.org/Jos%e9%20Alvarez")).as("an escape that is no UTF-8, read as Latin-1").hasSize(1);
        assertThat(names.find("https://example.org/Jose%2GAlvarez")).as("'%2G' is no escape: 'Jose' and 'GAlvarez'").isEmpty();
    }

    @Test
    void saysWhereEachOccurrenceStartsAndEnds() throws Exception {
        ProtectedNames names = names("# names from the 2021 report\n\nJose Alvarez\nSmith\n");
        String text = "Smith met JOSE\nALVAREZ and Mrs Smith.";

        List<ProtectedNames.Hit> hits = names.find(text);

        assertThat(hits).containsExactly(new ProtectedNames.Hit(4, 0, 5), new ProtectedNames.Hit(3, 10, 22),
                new ProtectedNames.Hit(4, 31, 36));
        assertThat(ProtectedNames.locate("f.md", text, 10).toString()).isEqualTo("f.md:1:11");
        assertThat(ProtectedNames.locate("f.md", text, 31).toString()).isEqualTo("f.md:2:17");
    }

    @Test
    void redactsEveryNameInAMessageLeavingOnlyItsNumber() throws Exception {
        ProtectedNames names = names("John\nJohn Smith\n");

        assertThat(names.redact("plans/john-smith/plan.yaml: 'JOHN SMITH' and John"))
                .isEqualTo("plans/[protected name #2]/plan.yaml: '[protected name #2]' and [protected name #1]");
        assertThat(names.redact("nothing here")).isEqualTo("nothing here");
    }

    @Test
    void findsEveryNameOfALongListInOnePass() throws Exception {
        StringBuilder list = new StringBuilder();
        StringBuilder text = new StringBuilder();
        List<Integer> expected = new ArrayList<>();
        for (int i = 1; i <= 2000; i++) {
            String name = "Person" + Integer.toString(i, 26).replace('0', 'z') + " Surname" + i;
            list.append(name).append('\n');
            if (i % 97 == 0) {
                text.append("Seen: ").append(name.toUpperCase(java.util.Locale.ROOT)).append(".\n");
                expected.add(i);
            }
        }

        assertThat(lines(names(list.toString()).find(text.toString()))).containsExactlyElementsOf(expected);
    }

    @Test
    void aLineWithNoLetterIsRefusedByItsNumberWithoutQuotingIt() {
        assertThatThrownBy(() -> names("Jose\n  ---  \n"))
                .isInstanceOf(ProtectedNames.Unreadable.class)
                .hasMessage("names.txt:2: protected name #2 has no letters or digits, so it would match nothing;"
                        + " remove the line or write the name on it");
    }

    @Test
    void anEmptyListFindsNothing() throws Exception {
        assertThat(names("# nothing yet\n\n").isEmpty()).isTrue();
        assertThat(names("").find("anything")).isEmpty();
    }
}
