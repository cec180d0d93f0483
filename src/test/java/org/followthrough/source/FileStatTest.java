package org.followthrough.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.followthrough.problem.Problems;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file's stat vouches for its bytes only if the file had settled before it was read: one changed
 * just before (or while) it was read could change again within the same tick of the file system's
 * clock, keeping its size and times, so a later build must read and fingerprint it again.
 */
class FileStatTest {

    @TempDir
    Path content;

    @Test
    void aFileChangedJustBeforeItIsReadIsNotVouchedForByItsStat() throws Exception {
        Files.writeString(content.resolve("site.yaml"), "title: Test\n");

        ContentFiles files = ContentFiles.read(content, new Problems());

        assertThat(files.stat("site.yaml")).hasValueSatisfying(stat -> assertThat(stat.size()).isEqualTo(12));
        assertThat(files.settledStat("site.yaml")).isEmpty();
    }

    @Test
    void aFileThatChangedLongBeforeItIsReadIsVouchedForUntilItChanges() {
        FileStat stat = new FileStat(12, 1_000_000_000L, 1_000_000_000L, "1:2");

        assertThat(stat.settledBefore(1_000_000_000L + FileStat.SETTLE_NANOS + 1)).isTrue();
        assertThat(stat.settledBefore(1_000_000_000L + FileStat.SETTLE_NANOS)).isFalse();
        assertThat(new FileStat(12, 1_000_000_000L, 9_000_000_000L, "1:2").settledBefore(1_000_000_000L + FileStat.SETTLE_NANOS + 1))
                .as("changed since, as an inode's change time says even when the modification time was set back").isFalse();
    }
}
