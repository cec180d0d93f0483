package org.followthrough.source;

import static org.assertj.core.api.Assertions.assertThat;

import org.followthrough.problem.Location;
import org.followthrough.problem.Problems;
import org.junit.jupiter.api.Test;

class YamlReaderTest {

    private static Node.Mapping read(String display, String yaml) {
        Problems problems = new Problems();
        Node root = YamlReader.read(new SourceFile("plans/p/recommendations/01.yaml", display, yaml), problems).orElseThrow();
        assertThat(problems.sorted()).isEmpty();
        return (Node.Mapping) root;
    }

    @Test
    void everyValueAndKeyIsPlacedByItsFileLineAndColumn() {
        Node.Mapping root = read("content/plans/p/recommendations/01.yaml", """
                number: 1
                actions:
                  - ref: 1.1
                    owners: [trust, council]
                """);
        Node.Mapping.Entry actions = root.entry("actions").orElseThrow();
        assertThat(actions.keyLocation()).isEqualTo(new Location("content/plans/p/recommendations/01.yaml", 2, 1));
        Node.Mapping action = (Node.Mapping) ((Node.Sequence) actions.value()).items().get(0);
        assertThat(action.location()).isEqualTo(new Location("content/plans/p/recommendations/01.yaml", 3, 5));
        Node.Mapping.Entry owners = action.entry("owners").orElseThrow();
        assertThat(owners.keyLocation()).isEqualTo(new Location("content/plans/p/recommendations/01.yaml", 4, 5));
        Node council = ((Node.Sequence) owners.value()).items().get(1);
        assertThat(council.location()).isEqualTo(new Location("content/plans/p/recommendations/01.yaml", 4, 21));
        assertThat(((Node.Scalar) root.entry("number").orElseThrow().value()).location())
                .isEqualTo(new Location("content/plans/p/recommendations/01.yaml", 1, 9));
    }

    @Test
    void aFieldNameWrittenAgainAndAgainIsHeldAsOneString() {
        Node.Mapping first = read("one.yaml", "number: 1\ntitle: A\n");
        Node.Mapping second = read("two.yaml", "title: B\nnumber: 2\n");
        assertThat(second.entries().get(1).key()).isEqualTo("number").isSameAs(first.entries().get(0).key());
        assertThat(second.entries().get(0).key()).isEqualTo("title").isSameAs(first.entries().get(1).key());
    }

    @Test
    void aKeyThatNamesNoFieldIsKeptAsWritten() {
        Node.Mapping read = read("one.yaml", "numbr: 1\nEtitle: A\n");
        assertThat(read.entries()).extracting(Node.Mapping.Entry::key).containsExactly("numbr", "Etitle");
    }
}
