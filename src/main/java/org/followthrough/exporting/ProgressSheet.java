package org.followthrough.exporting;

import java.util.List;

/**
 * The layout of the progress workbook that {@code export progress} writes and {@code import progress}
 * reads back. Import finds columns by their headings, so an organisation may reorder or hide them.
 */
public final class ProgressSheet {

    private ProgressSheet() {
    }

    public static final String SHEET = "Progress";
    /**
     * The workbook's custom property naming the organisation it was exported for (by id), where it was exported for one:
     * import refuses a row for an action that organisation does not own.
     */
    public static final String ORGANISATION_PROPERTY = "Followthrough organisation";
    public static final String STATUSES_SHEET = "Statuses";
    public static final String READ_ME_SHEET = "How to fill in";

    public static final String PLAN = "Plan";
    public static final String PLAN_TITLE = "Plan title";
    public static final String REF = "Ref";
    public static final String RECOMMENDATION = "Recommendation";
    public static final String ACTION = "Action";
    public static final String OWNERS = "Owners";
    public static final String TARGET = "Target";
    public static final String CURRENT_STATUS = "Current status";
    public static final String LAST_UPDATE = "Last update";
    public static final String NEW_DATE = "New update: date";
    public static final String NEW_STATUS = "New update: status";
    public static final String NEW_TEXT = "New update: what has happened";
    public static final String NEW_EVIDENCE = "New update: evidence";
    public static final String NEW_REPORTED_BY = "New update: reported by";

    /** Every column, in the order export writes them. */
    public static final List<String> COLUMNS = List.of(PLAN, PLAN_TITLE, REF, RECOMMENDATION, ACTION, OWNERS, TARGET,
            CURRENT_STATUS, LAST_UPDATE, NEW_DATE, NEW_STATUS, NEW_TEXT, NEW_EVIDENCE, NEW_REPORTED_BY);

    /** The columns an organisation fills in. */
    public static final List<String> NEW_UPDATE = List.of(NEW_DATE, NEW_STATUS, NEW_TEXT, NEW_EVIDENCE, NEW_REPORTED_BY);

    /** The columns import needs to find the action and read the update. */
    public static final List<String> REQUIRED = List.of(PLAN, REF, NEW_DATE, NEW_STATUS, NEW_TEXT);
}
