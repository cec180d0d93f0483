package org.followthrough.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.followthrough.pipeline.BuildResult;
import org.followthrough.pipeline.Pipeline;
import org.followthrough.support.Folders;
import org.followthrough.support.TestBuilds;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A content file of hostile lines (within the size limit) is checked in time in proportion to it: the checks that look
 * for a field pasted into a text, or for a file named in a progress text that holds a date, look at such a line once,
 * not again from each of its letters. Looked through again from each, these took many minutes; the guard is many times
 * what they take now.
 */
class LongLinesTest {

    @TempDir
    Path temp;

    private BuildResult checkWithFirstUpdateText(String text) throws IOException {
        Path content = TestBuilds.copy(TestBuilds.fixture("small"), temp.resolve("content"));
        Folders.replace(content.resolve("plans/sample-review/recommendations/01.yaml"), "        text: A template has been drafted.", text);
        return Assertions.assertTimeoutPreemptively(Duration.ofSeconds(60), () -> Pipeline.check(TestBuilds.request(content, null)));
    }

    @Test
    void aLongLineOfLettersUnderWhatReadsAsAListEntryInATextIsLookedAtOnce() throws IOException {
        BuildResult checked = checkWithFirstUpdateText("        text: |\n          A template has been drafted.\n\n          - status: x\n"
                + "            " + "a".repeat(400_000) + "\n");

        assertThat(checked.problems()).isNotNull();
    }

    /**
     * A follow-up's text with tens of thousands of blank lines in it (within the size limit) is published: the CSV's
     * line for it, which joins its paragraphs, made the build stop with a stack overflow after check had passed.
     */
    @Test
    void aFollowUpWithTensOfThousandsOfBlankLinesIsPublished() throws IOException {
        Path content = TestBuilds.copy(TestBuilds.SHIPPED_CONTENT, temp.resolve("content"));
        Path file = content.resolve("plans/p-independent-investigation/recommendations/01.yaml");
        String before = java.nio.file.Files.readString(file);
        String paragraph = "          In this way the Trust is able";
        assertThat(before).contains(paragraph);
        java.nio.file.Files.writeString(file, before.replace(paragraph, "\n".repeat(60_000) + paragraph));

        BuildResult checked = Pipeline.check(TestBuilds.request(content, null));
        BuildResult built = Pipeline.build(TestBuilds.request(content, temp.resolve("site")).withPdfs(false));

        assertThat(checked.succeeded()).as(checked.problems().toString()).isTrue();
        assertThat(built.succeeded()).as(built.problems().toString()).isTrue();
        assertThat(temp.resolve("site/plans/p-independent-investigation/actions.csv")).content()
                .contains("sub-optimal practice").contains("In this way the Trust is able");
    }

    @Test
    void aLongLineOfFileReferencesInAProgressTextWithADateIsLookedAtOnce() throws IOException {
        BuildResult checked = checkWithFirstUpdateText("        text: \"On 01/02/2020 " + "{file:x".repeat(100_000) + "\"");

        assertThat(checked.problems()).isNotNull();
    }

    /**
     * An organisation's website of as many characters as a field may hold is checked: matching it as a web address took a
     * level of Java's stack for each character, and ran the check out of stack (an internal error) on the thread it ran on.
     */
    @Test
    void aWebAddressAsLongAsAFieldMayBeIsChecked() throws Exception {
        Path content = TestBuilds.copy(TestBuilds.fixture("small"), temp.resolve("content"));
        String website = "https://sample.example.nhs.uk/" + "a".repeat(org.followthrough.format.Limits.MAX_TEXT_LENGTH - 30);
        Folders.replace(content.resolve("organisations/sample-trust.yaml"), "website: https://sample.example.nhs.uk/", "website: " + website);
        java.util.concurrent.atomic.AtomicReference<Object> checked = new java.util.concurrent.atomic.AtomicReference<>();
        Thread thread = new Thread(null, () -> {
            try {
                checked.set(Pipeline.check(TestBuilds.request(content, null)));
            } catch (StackOverflowError e) {
                checked.set(e);
            }
        }, "check", 512 * 1024);
        thread.start();
        thread.join();

        assertThat(checked.get()).isInstanceOf(BuildResult.class);
        BuildResult result = (BuildResult) checked.get();
        assertThat(result.succeeded()).as(result.problems().toString()).isTrue();
    }
}
