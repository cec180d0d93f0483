package org.followthrough.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Text written as UTF-8 bytes is the same bytes {@link String#getBytes} gives, however it was written. */
class Utf8TextTest {

    /** ASCII, accents, a BOM, a curly quote, an emoji (a surrogate pair) and a lone surrogate. */
    private static final String MIXED = "\uFEFFAction 1.1, \"Caf\u00e9\" \u2013 done \u201cso\u201d \uD83D\uDE00 \uD800 end\r\n";

    @Test
    void writesTheBytesGetBytesGives() {
        Utf8Text text = new Utf8Text().append(MIXED).append(',').append('\u00e9').append("abc", 1, 3);

        assertThat(text.bytes()).isEqualTo((MIXED + ",\u00e9bc").getBytes(StandardCharsets.UTF_8));
        assertThat(text.toString()).isEqualTo(new String((MIXED + ",\u00e9bc").getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
    }

    @Test
    void aTextLongerThanManyChunksIsWholeAndInOrder() {
        StringBuilder expected = new StringBuilder();
        Utf8Text text = new Utf8Text();
        for (int i = 0; i < 20_000; i++) {
            String row = i + MIXED;
            expected.append(row).append(';');
            text.append(row).append(';');
        }

        assertThat(text.bytes()).isEqualTo(expected.toString().getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void partsAppendedAsBytesLongOrShortComeOutInOrderAmongTheTextAroundThem() {
        StringBuilder expected = new StringBuilder("header\r\n");
        Utf8Text text = new Utf8Text().append("header\r\n");
        for (int length : new int[] {10, 40_000, 0, 70_000, 16_384, 3, 200_000}) {
            String part = (MIXED + length).repeat(length / MIXED.length() + 1).substring(0, length);
            byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
            expected.append(part);
            text.append(bytes);
            if (length % 2 == 0) {
                expected.append(';');
                text.append(';');
            }
        }
        expected.append("end");
        text.append("end");

        assertThat(text.bytes()).isEqualTo(expected.toString().getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void writingGoesOnAfterTheBytesWereTaken() {
        Utf8Text text = new Utf8Text().append("first ");
        byte[] first = text.bytes();
        assertThat(text.bytes()).as("asked again, the same array").isSameAs(first);

        text.append("second");

        assertThat(text.toString()).isEqualTo("first second");
        assertThat(new Utf8Text().bytes()).isEmpty();
    }

    @Test
    void findsPlainTextInTheBytes() {
        Utf8Text calendar = new Utf8Text().append("BEGIN:VCALENDAR\r\n\u00e9BEGIN:VEVENT\r\n");

        assertThat(calendar.contains("BEGIN:VEVENT")).isTrue();
        assertThat(calendar.contains("END:VEVENT")).isFalse();
        assertThat(new Utf8Text().append("BEGIN:VEVEN").contains("BEGIN:VEVENT")).isFalse();
    }
}
