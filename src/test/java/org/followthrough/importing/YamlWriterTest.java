package org.followthrough.importing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What import writes reads back as what it meant to write, whatever the table's cell held. */
class YamlWriterTest {

    /** A target as a plan words it, on one line ({as_published: …}): commas, brackets and braces are its own, not YAML's. */
    @ParameterizedTest
    @ValueSource(strings = {"In progress, to be completed by end September 2017", "Q3 [provisional]", "{see note}",
            "Apr-14", "Completed: May 2017", "31 March 2019", "No"})
    void aTargetOnOneLineReadsBackAsWritten(String asPublished) throws Exception {
        Map<String, Object> target = new LinkedHashMap<>();
        target.put("as_published", asPublished);
        target.put("date", new YamlWriter.Plain("2017-09"));
        Map<String, Object> action = new LinkedHashMap<>();
        action.put("ref", "1.1");
        action.put("target", new YamlWriter.Flow(target));

        String yaml = String.join("\n", new YamlWriter(2).mapping(action, 0)) + "\n";

        Map<?, ?> read = new ObjectMapper(new YAMLFactory()).readValue(yaml, Map.class);
        assertThat(read.get("target")).as(yaml).isEqualTo(Map.of("as_published", asPublished, "date", "2017-09"));
        assertThat(yaml.lines().toList()).as("one line for the target").hasSize(List.of("ref", "target").size());
    }
}
