package org.followthrough.render.data;

import static org.assertj.core.api.Assertions.assertThat;

import org.followthrough.model.Markdown;
import org.junit.jupiter.api.Test;

/** A Markdown text as the data downloads publish it: its source, meaning what the pages show. */
class ActionRecordTest {

    /**
     * The trailing line break a YAML block leaves, and blank lines first, go; the first line's indent stays, as Markdown reads
     * four spaces as code: without them, "    <script>…", shown on the pages as code, would be HTML to another site.
     */
    @Test
    void aTextKeepsTheIndentOfItsFirstLine() {
        assertThat(ActionRecord.text(new Markdown("    <script>alert(1)</script>\nThen words.\n"))).isEqualTo("    <script>alert(1)</script>\nThen words.");
        assertThat(ActionRecord.text(new Markdown("\n  \nA paragraph.\n\n"))).isEqualTo("A paragraph.");
        assertThat(ActionRecord.text(new Markdown("- a list\n"))).isEqualTo("- a list");
        assertThat(ActionRecord.text(null)).isNull();
    }
}
