package org.followthrough.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.followthrough.problem.Problems;
import org.followthrough.source.Node;
import org.followthrough.source.SourceFile;
import org.followthrough.source.YamlReader;
import org.junit.jupiter.api.Test;

/** New progress entries go in as lines at the end of the action's list, in the file's own layout; nothing else moves. */
class ProgressInserterTest {

    private static String insert(String yaml, String ref) throws ProgressInserter.CannotInsert {
        Node root = YamlReader.read(new SourceFile("r.yaml", "r.yaml", yaml), new Problems()).orElseThrow();
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("date", new YamlWriter.Plain("2026-03-31"));
        entry.put("status", "done");
        entry.put("text", new YamlWriter.Block("Audited."));
        return ProgressInserter.insert(yaml, ProgressInserter.action(root, ref).orElseThrow(), List.of(entry));
    }

    @Test
    void appendsAfterTheLastEntryBeforeTheNextActionKeepingCommentsAndBlankLines() throws Exception {
        String yaml = """
                number: "1"
                actions:
                  - ref: "1.1"   # the first
                    progress:
                      - date: 2024-01-01
                        text: |
                          Begun.

                          Still going.
                    # next quarter's update below

                  - ref: "1.2"
                    owners: []
                """;
        assertThat(insert(yaml, "1.1")).isEqualTo("""
                number: "1"
                actions:
                  - ref: "1.1"   # the first
                    progress:
                      - date: 2024-01-01
                        text: |
                          Begun.

                          Still going.
                      - date: 2026-03-31
                        status: done
                        text: |
                          Audited.
                    # next quarter's update below

                  - ref: "1.2"
                    owners: []
                """);
    }

    @Test
    void followsAListWrittenAtItsKeysIndentation() throws Exception {
        String yaml = "actions:\n- ref: \"1.1\"\n  progress:\n  - date: 2024-01-01\n    text: Begun.\n  note: kept\n";
        assertThat(insert(yaml, "1.1")).isEqualTo(
                "actions:\n- ref: \"1.1\"\n  progress:\n  - date: 2024-01-01\n    text: Begun.\n  - date: 2026-03-31\n    status: done\n"
                        + "    text: |\n      Audited.\n  note: kept\n");
    }

    @Test
    void addsAProgressListToAnActionWithoutOneInTheFilesStyle() throws Exception {
        String yaml = "actions:\n    -   ref: \"1.1\"\n        owners:\n        - organisation: x\n";
        assertThat(insert(yaml, "1.1")).isEqualTo("actions:\n    -   ref: \"1.1\"\n        owners:\n        - organisation: x\n"
                + "        progress:\n        - date: 2026-03-31\n          status: done\n          text: |\n            Audited.\n");
    }

    @Test
    void keepsWindowsLineEndsAndAMissingFinalLineEnd() throws Exception {
        String yaml = "actions:\r\n  - ref: \"1.1\"\r\n    progress: []";
        assertThat(insert(yaml, "1.1")).isEqualTo("actions:\r\n  - ref: \"1.1\"\r\n    progress:\r\n      - date: 2026-03-31\r\n"
                + "        status: done\r\n        text: |\r\n          Audited.");
    }

    @Test
    void refusesAProgressListWrittenOnOneLine() {
        String yaml = "actions:\n  - ref: \"1.1\"\n    progress: [{date: 2024-01-01, text: Begun.}]\n";
        assertThatThrownBy(() -> insert(yaml, "1.1")).isInstanceOf(ProgressInserter.CannotInsert.class)
                .hasMessageContaining("write it as a block list");
    }
}
