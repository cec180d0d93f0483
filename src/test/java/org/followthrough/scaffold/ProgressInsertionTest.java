package org.followthrough.scaffold;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.followthrough.problem.Problems;
import org.followthrough.source.Node;
import org.followthrough.source.SourceFile;
import org.followthrough.source.YamlReader;
import org.junit.jupiter.api.Test;

/** The progress entry goes in as lines at the loader's positions; everything else stays byte for byte. */
class ProgressInsertionTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    private static final String ENTRY = "- date: 2026-11-23\n  text: Audited.\n";

    private static ProgressInsertion.Inserted insert(String yaml, String ref) {
        SourceFile file = new SourceFile("plans/p/recommendations/01.yaml", "content/plans/p/recommendations/01.yaml", yaml);
        Node root = YamlReader.read(file, new Problems()).orElseThrow();
        Node.Mapping action = ProgressInsertion.actions(root).stream().filter(a -> ProgressInsertion.ref(a).equals(ref)).findFirst().orElseThrow();
        return ProgressInsertion.insert(file, action, ENTRY, TODAY);
    }

    @Test
    void addsAfterTheLastEntryOfAnActionFollowedByAnother() {
        String yaml = """
                number: "1"   # as published
                actions:
                  - ref: "1.1"
                    owners: [{organisation: a}]
                    progress:
                      - date: 2026-01-01
                        text: |
                          Started.

                    # the second action
                  - ref: "1.2"
                    owners: [{organisation: a}]
                """;

        var inserted = insert(yaml, "1.1");

        assertThat(inserted.problem()).isNull();
        assertThat(inserted.text()).isEqualTo(yaml.replace("          Started.\n", """
                          Started.
                      - date: 2026-11-23
                        text: Audited.
                """));
        assertThat(inserted.line()).isEqualTo(9);
    }

    /**
     * An entry dated before entries already there goes in before the first of them, with the comment above that entry
     * left with it; a line starting '#' inside the text of the entry before is text, not a comment, and stays where it is.
     */
    @Test
    void addsAnEarlierEntryBeforeTheFirstEntryDatedAfterIt() {
        String yaml = """
                actions:
                  - ref: "1.1"
                    progress:
                      - date: 2026-01-01
                        text: |
                          Started.
                          # Not a comment
                      # the audit
                      - date: 2026-12-01
                        text: Audited again.
                """;

        var inserted = insert(yaml, "1.1");

        assertThat(inserted.problem()).isNull();
        assertThat(inserted.text()).isEqualTo(yaml.replace("      # the audit\n", """
                      - date: 2026-11-23
                        text: Audited.
                      # the audit
                """));
        assertThat(inserted.line()).isEqualTo(8);
    }

    @Test
    void addsAnEntryOfADateAlreadyThereAfterIt() {
        String yaml = """
                actions:
                  - ref: "1.1"
                    progress:
                      - date: 2026-11-23
                        text: Met.
                """;

        var inserted = insert(yaml, "1.1");

        assertThat(inserted.text()).isEqualTo(yaml + "      - date: 2026-11-23\n        text: Audited.\n");
    }

    @Test
    void startsAProgressListForAnActionThatHasNone() {
        String yaml = """
                number: "1"
                actions:
                  - ref: "1.1"
                    owners:
                      - organisation: a
                note: kept
                """;

        var inserted = insert(yaml, "1.1");

        assertThat(inserted.text()).isEqualTo("""
                number: "1"
                actions:
                  - ref: "1.1"
                    owners:
                      - organisation: a
                    progress:
                      - date: 2026-11-23
                        text: Audited.
                note: kept
                """);
    }

    /** 'progress: []', which check accepts as no update yet, once made the command say the list was not a list. */
    @Test
    void startsTheListOfAnActionWrittenWithAnEmptyOne() {
        String yaml = """
                actions:
                  - ref: "1.1"
                    progress: [ ]   # none published yet
                    note: kept
                """;

        var inserted = insert(yaml, "1.1");

        assertThat(inserted.problem()).isNull();
        assertThat(inserted.text()).isEqualTo("""
                actions:
                  - ref: "1.1"
                    progress: # none published yet
                      - date: 2026-11-23
                        text: Audited.
                    note: kept
                """);
        assertThat(inserted.line()).isEqualTo(4);
    }

    @Test
    void startsTheListOfAnActionWrittenWithAnEmptyOneOverTwoLines() {
        String yaml = "actions:\n  - ref: \"1.1\"\n    progress: [\n    ]\n    note: kept\n";

        var inserted = insert(yaml, "1.1");

        assertThat(inserted.problem()).isNull();
        assertThat(inserted.text()).isEqualTo("actions:\n  - ref: \"1.1\"\n    progress:\n      - date: 2026-11-23\n        text: Audited.\n"
                + "\n    note: kept\n");
    }

    @Test
    void keepsWindowsLineEndingsAndAFileWithoutAFinalLineBreak() {
        String yaml = "number: \"1\"\r\nactions:\r\n  - ref: \"1.1\"\r\n    owners: [{organisation: a}]\r\n    progress:\r\n      - date: 2026-01-01";

        var inserted = insert(yaml, "1.1");

        assertThat(inserted.text()).isEqualTo(yaml + "\r\n      - date: 2026-11-23\r\n        text: Audited.\r\n");
    }

    @Test
    void refusesRatherThanBreakAnActionWrittenOnOneLine() {
        var inserted = insert("number: \"1\"\nactions:\n  - {ref: \"1.1\", owners: [{organisation: a}]}\n", "1.1");

        assertThat(inserted.text()).isNull();
        assertThat(inserted.problem().format()).contains("could not be added without disturbing the file's layout");
    }

    @Test
    void refusesAProgressListWrittenInBrackets() {
        var inserted = insert("number: \"1\"\nactions:\n  - ref: \"1.1\"\n    owners: [{organisation: a}]\n    progress: [{date: 2026-01-01}]\n", "1.1");

        assertThat(inserted.text()).isNull();
        assertThat(inserted.problem().format()).contains(":5:").contains("written between [ and ]");
    }
}
