package org.followthrough.history;

import java.time.Instant;

/**
 * One commit as a change history shows it.
 *
 * @param id      the commit's abbreviated id
 * @param time    when it was committed
 * @param subject the first line of its message
 * @param author  the author's name (never the e-mail address)
 */
public record Commit(String id, Instant time, String subject, String author) {
}
