package org.followthrough.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A page written through {@link Utf8Writer} is the bytes {@link String#getBytes} gives its text, however the template wrote it. */
class Utf8WriterTest {

    /** ASCII, accents, a BOM, a curly quote, an emoji (a surrogate pair), a lone high and a lone low surrogate. */
    private static final String MIXED = "\uFEFFAction 1.1, \"Caf\u00e9\" \u2013 done \u201cso\u201d \uD83D\uDE00 \uD800 \uDC00x end\r\n";

    @Test
    void writesTheBytesGetBytesGivesWhateverTheWrite() {
        Utf8Writer out = new Utf8Writer();
        out.write(MIXED);
        out.write(MIXED.toCharArray(), 2, 10);
        out.write('\u00e9');
        out.write(0x1F600 >> 10); // not a character: only its low 16 bits are written, as Writer says
        out.append("abc");
        out.write(MIXED, 5, 20);

        String expected = MIXED + MIXED.substring(2, 12) + "\u00e9" + (char) (0x1F600 >> 10) + "abc" + MIXED.substring(5, 25);
        assertThat(out.toByteArray()).isEqualTo(expected.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aPairSplitBetweenTwoWritesIsOneCharacterAndAHalfLeftAtTheEndIsAQuestionMark() {
        Utf8Writer out = new Utf8Writer();
        out.write("smile \uD83D");
        out.write("\uDE00 and a half \uD83D");

        assertThat(new String(out.toByteArray(), StandardCharsets.UTF_8)).isEqualTo("smile \uD83D\uDE00 and a half ?");
    }

    @Test
    void aLongPageOfRandomCharactersWrittenInRandomPiecesIsWhole() {
        Random random = new Random(5);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 300_000; i++) {
            text.append(MIXED.charAt(random.nextInt(MIXED.length())));
        }
        String page = text.toString();
        Utf8Writer out = new Utf8Writer();
        for (int at = 0; at < page.length(); ) {
            int n = Math.min(page.length() - at, random.nextInt(3000));
            if (random.nextBoolean()) {
                out.write(page, at, n);
            } else {
                out.write(page.toCharArray(), at, n);
            }
            at += n;
        }

        assertThat(out.toByteArray()).isEqualTo(page.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aTemplateRenderedToBytesIsItsTextRenderedToAStringAndItsMistakesAreToldTheSame() {
        TemplateEngine engine = new TemplateEngine(Map.of("page.ftlh", "<p>${text} \u2013 ${text?length}</p>\n".getBytes(StandardCharsets.UTF_8),
                "broken.ftlh", "<p>fine</p>\n${missing}\n".getBytes(StandardCharsets.UTF_8)));
        Map<String, Object> model = Map.of("text", MIXED);

        assertThat(engine.renderUtf8("page.ftlh", model)).isEqualTo(engine.render("page.ftlh", model).getBytes(StandardCharsets.UTF_8));
        TemplateEngine.TemplateProblem problem = catchThrowableOfType(() -> engine.renderUtf8("broken.ftlh", model),
                TemplateEngine.TemplateProblem.class);
        assertThat(problem).isNotNull();
        assertThat(problem.template()).isEqualTo("broken.ftlh");
        assertThat(problem.line()).isEqualTo(2);
    }
}
