package org.followthrough.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.followthrough.pipeline.BuildResult;
import org.followthrough.pipeline.Pipeline;
import org.followthrough.model.Archive;
import org.followthrough.model.Plan;
import org.followthrough.support.TestBuilds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgressEditTest {

    @TempDir
    Path folder;

    @Test
    void changesTheTextOfExactlyOneProgressUpdateAndKeepsTheContentValid() throws Exception {
        SyntheticContent.archive(folder, 3);
        List<String> before = progressTexts(check(folder));

        ProgressEdit.in(folder).revise(1);
        List<String> once = progressTexts(check(folder));
        ProgressEdit.in(folder).revise(2);
        List<String> twice = progressTexts(check(folder));

        assertThat(changed(before, once)).singleElement().satisfies(text -> assertThat(text).endsWith("Revision 1."));
        assertThat(changed(once, twice)).singleElement().satisfies(text -> assertThat(text).endsWith("Revision 2."));
    }

    @Test
    void editsTheShippedPlansWhoseProgressIsWrittenInOtherStyles() throws Exception {
        Path content = TestBuilds.copy(TestBuilds.SHIPPED_CONTENT, folder.resolve("content"));
        List<String> before = progressTexts(check(content));

        ProgressEdit.in(content).revise(7);

        assertThat(changed(before, progressTexts(check(content)))).singleElement()
                .satisfies(text -> assertThat(text).endsWith("Revision 7."));
    }

    private static Archive check(Path content) {
        BuildResult check = Pipeline.check(TestBuilds.request(content, null));
        assertThat(check.problems()).isEmpty();
        return check.archive();
    }

    private static List<String> progressTexts(Archive archive) {
        return archive.plans().stream().flatMap(Plan::actions).flatMap(action -> action.progress().stream())
                .map(update -> update.text() == null ? "" : update.text().source().strip()).toList();
    }

    private static List<String> changed(List<String> before, List<String> after) {
        assertThat(after).hasSameSizeAs(before);
        return java.util.stream.IntStream.range(0, before.size()).filter(i -> !before.get(i).equals(after.get(i)))
                .mapToObj(after::get).toList();
    }
}
