package org.followthrough.model;

/**
 * A theme from the site's controlled list, under which recommendations and actions of any plan can be
 * found together (risk assessment, information sharing between agencies…). Themes are the site's
 * editorial judgement, not part of the plans as published.
 */
public record Theme(String id, String label, Markdown description) {
}
