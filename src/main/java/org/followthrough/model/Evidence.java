package org.followthrough.model;

/** An item of evidence for an action: what it is, and where it is published or held. */
public record Evidence(String text, String link, String location) {
}
