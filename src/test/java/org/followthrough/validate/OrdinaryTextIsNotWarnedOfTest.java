package org.followthrough.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.followthrough.pipeline.BuildRequest;
import org.followthrough.pipeline.Pipeline;
import org.followthrough.support.Folders;
import org.followthrough.support.TestBuilds;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The warnings of a closing quote no quote opens, of a field swallowed by a text and of a list entry swallowed by one
 * look at the lines as written; prose that only looks like any of them, as a text wraps or lists things, is not told.
 */
class OrdinaryTextIsNotWarnedOfTest {

    @TempDir
    Path temp;

    @ParameterizedTest
    @ValueSource(strings = {
            // quote marks that open on one line of a value and close on the next
            "    description: The \"Transfer and\n      Discharge policy\" is reviewed.\n",
            "    description: The \"Transfer and\n      Discharge policy\"\n",
            // a wrapped line of a text that begins with a field's name, in the middle of a sentence
            "    description: |\n      Minutes are kept, and the\n      monitoring: the audit is repeated yearly.\n",
            "    description: >\n      Minutes are kept, and the\n      monitoring: the audit is repeated yearly.\n",
            // a field below a folded text, in its own column
            "    description: >\n      Minutes are kept.\n    monitoring: the audit is repeated yearly.\n",
            // a Markdown list whose items begin with a field's name, introduced by a colon: no entry of the list
            "    description: |\n      Each team records:\n      - status: of every action agreed\n      - owners: by name\n"})
    void wrappedTextIsNotTold(String description) throws IOException {
        Path content = TestBuilds.copy(TestBuilds.fixture("small"), temp.resolve("content"));
        Folders.replace(content.resolve("plans/sample-review/recommendations/01.yaml"), "    description: Minute every MDT meeting.\n",
                description);

        var result = Pipeline.check(new BuildRequest(content, null, null, TestBuilds.AS_OF, null, TestBuilds.CLOCK));

        assertThat(result.succeeded()).as("%s", result.problems()).isTrue();
        assertThat(result.problems()).isEmpty();
    }
}
