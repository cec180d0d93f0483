package org.followthrough.importing.plan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A plan drafted from a table, before it is written out as YAML: plain mutable holders, filled row by row. */
final class Draft {

    String title;
    final List<String> summary = new ArrayList<>();
    final List<String> notes = new ArrayList<>();
    final List<Recommendation> recommendations = new ArrayList<>();

    /** The plan's extra columns, by id in order of first use, with their headings as printed. */
    final Map<String, String> columns = new LinkedHashMap<>();

    /** Every word used for each scale, in order of first use, with the code it is written as. */
    final Map<PlanField, Map<String, String>> words = new LinkedHashMap<>();

    static final class Recommendation {
        String number;
        boolean numberAssigned;
        String title;
        String text;
        String issues;
        String priority;
        String oversight;
        final List<String> lead = new ArrayList<>();
        String leadAsPublished;
        final List<String> notes = new ArrayList<>();
        final List<Action> actions = new ArrayList<>();
        /** Each heading or cell the table prints for it, as printed: one printed again on a later row is the same recommendation. */
        final java.util.Set<String> printed = new java.util.HashSet<>();
    }

    static final class Action {
        String ref;
        String description;
        String section;
        final List<Owner> owners = new ArrayList<>();
        String target;
        String monitoring;
        String outcome;
        String success;
        final List<String> evidence = new ArrayList<>();
        String term;
        String status;
        String rag;
        String grade;
        String qualityAssuredBy;
        final List<FollowUp> followUps = new ArrayList<>();
        final List<String> notes = new ArrayList<>();
        /** Text in the plan's extra columns, by column id. */
        final Map<String, String> extra = new LinkedHashMap<>();
        final Map<LocalDate, Progress> dated = new LinkedHashMap<>();
        Progress undated;
    }

    record Owner(String organisation, String role) {
    }

    static final class FollowUp {
        String text;
        String target;
    }

    static final class Progress {
        String text;
        String status;
        String rag;
        String grade;
    }
}
