package org.followthrough.format;

import java.util.regex.Pattern;

/**
 * A pattern a field's text must match, written twice over the same language: as the JSON schemas publish it
 * (ECMA-262, which editors' validators read, with no possessive repeats) and as it is matched here. The
 * second repeats its groups possessively where that takes nothing back, as Java runs such a repeat as a
 * loop: a repeated group otherwise takes a level of Java's stack for each time round, and a web address
 * or an id as long as a field may be ran a build out of stack. {@code FieldPatternsTest} holds the two
 * forms to the same answers.
 */
public record TextPattern(String published, Pattern matched) {

    /** A pattern with no repeated group, published as it is matched. */
    public static TextPattern of(String regex) {
        return new TextPattern(regex, Pattern.compile(regex));
    }

    public boolean matches(CharSequence text) {
        return matched.matcher(text).matches();
    }
}
