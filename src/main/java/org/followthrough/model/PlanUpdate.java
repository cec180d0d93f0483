package org.followthrough.model;

import java.time.LocalDate;

/** A published update of a plan. */
public record PlanUpdate(LocalDate date, String title, Markdown note) {
}
