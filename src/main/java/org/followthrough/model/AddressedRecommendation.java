package org.followthrough.model;

/** A recommendation the plan addresses with no further action, and why. */
public record AddressedRecommendation(String number, String title, Markdown reason) {
}
