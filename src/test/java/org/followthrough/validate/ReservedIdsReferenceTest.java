package org.followthrough.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The editors' reference names every id an organisation cannot take, as check refuses them. */
class ReservedIdsReferenceTest {

    @Test
    void theReferenceNamesEveryFolderAnOrganisationsIdCannotBe() throws IOException {
        String reference = Files.readString(Path.of("src/site/markdown/format.md"), StandardCharsets.UTF_8);
        int start = reference.indexOf("An organisation's id cannot be the name of one of the site's own folders");
        assertThat(start).isNotNegative();
        String sentence = reference.substring(start, reference.indexOf("\n\n", start));
        for (String id : ContentValidator.RESERVED_IDS) {
            assertThat(sentence).as(id).contains("`" + id + "`");
        }
    }
}
