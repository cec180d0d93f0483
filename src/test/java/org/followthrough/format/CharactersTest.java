package org.followthrough.format;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which characters cannot be published, and where the first of them is: its line, and its column in characters as an editor counts them. */
class CharactersTest {

    @Test
    void findsTheFirstRefusedCharacterAtItsLineAndColumn() {
        assertThat(Characters.first("Line one\r\n\tLine \u00e9\ud83d\ude00 two\u0001 end", Characters.CONTROL))
                .hasValue(new Characters.Found(2, 13, 0x01));
        assertThat(Characters.first("a\u0085b", Characters.CONTROL)).hasValue(new Characters.Found(1, 2, 0x85));
        assertThat(Characters.first("x\n\n\u007f", Characters.CONTROL)).hasValue(new Characters.Found(3, 1, 0x7f));
        assertThat(Characters.first("ab\ufffe", Characters.CONTROL)).hasValue(new Characters.Found(1, 3, 0xfffe));
        assertThat(Characters.first("Name\u202eeman", Characters.BIDI_CONTROL)).hasValue(new Characters.Found(1, 5, 0x202e));
        assertThat(Characters.first("Trust\u200b", Characters.ZERO_WIDTH)).hasValue(new Characters.Found(1, 6, 0x200b));
    }

    @Test
    void aSurrogatePairIsACharacterButAHalfAloneIsRefused() {
        assertThat(Characters.first("emoji \ud83d\ude00 and text\nover lines, tabs\tand returns\r\n", Characters.CONTROL)).isEmpty();
        assertThat(Characters.first("\ud83d\ude00 half \ud83d alone", Characters.CONTROL)).hasValue(new Characters.Found(1, 8, 0xd83d));
        assertThat(Characters.first("low \ude00", Characters.CONTROL)).hasValue(new Characters.Found(1, 5, 0xde00));
    }
}
