package org.followthrough.importing.plan;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a column of an action-plan table holds, as the format names it; each knows the headings
 * plans print for it. They are tried in this order, so that "Safety action owner" is an owner
 * and "Outcome/Progress" is progress, before the broader words match.
 */
public enum PlanField {
    FOLLOW_UP("follow_up", "follow[- ]?up"),
    OVERSIGHT("oversight", "oversight|overseen"),
    QUALITY_ASSURED_BY("quality_assured_by", "quality assur"),
    SUCCESS_MEASURE("success_measure", "success|how will .*measured"),
    PROGRESS("progress", "progress|update|comments|actions? taken|position"),
    DESIRED_OUTCOME("desired_outcome", "outcome"),
    EVIDENCE("evidence", "evidence"),
    MONITORING("monitoring", "monitor|measurement|assurance"),
    RAG("rag", "\\brag\\b|red.{0,3}amber|r/a/g"),
    GRADE("grade", "grade|grading|rating"),
    STATUS("status", "status"),
    TARGET("target", "target|by when|deadline|due|timescale|completion|\\bdate\\b|\\bwhen\\b"),
    OWNER("owner", "owner|lead|responsib|accountable|\\bwho\\b|agency"),
    PRIORITY("priority", "priority"),
    TERM("term", "\\bterm\\b"),
    ISSUES_IDENTIFIED("issues_identified", "issues?\\b|finding|concern"),
    ACTION("action", "action|smart|what will|description|task"),
    /** The number of the recommendation an action answers, in a column of its own ("Rec No."): before the recommendation's text. */
    RECOMMENDATION_NUMBER("recommendation_number", "^rec(?:ommendation)?s?\\.?\\s*(?:no\\.?|number|num\\.?|#|ref\\.?)$"),
    RECOMMENDATION("recommendation", "recommendation"),
    REF("ref", "^(ref|ref\\.|reference|no|no\\.|number|#|id|item)$|^ref\\b|reference"),
    /** The target of the follow-up action: a second "by when" after a follow-up column. */
    FOLLOW_UP_TARGET("follow_up_target", null),
    /** A column with no field of its own: kept, labelled with its heading, in each action's note. */
    KEEP("keep", null);

    private final String code;
    private final Pattern heading;

    PlanField(String code, String heading) {
        this.code = code;
        this.heading = heading == null ? null : Pattern.compile(heading, Pattern.CASE_INSENSITIVE);
    }

    /** The name used in --columns and in the mapping import prints. */
    public String code() {
        return code;
    }

    /** The field a heading names, if any. */
    static Optional<PlanField> forHeading(String heading) {
        String text = heading.replaceAll("\\s+", " ").strip();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        return Arrays.stream(values()).filter(f -> f.heading != null && f.heading.matcher(text).find()).findFirst();
    }

    public static Optional<PlanField> forCode(String code) {
        String wanted = code.strip().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        return Arrays.stream(values()).filter(f -> f.code.equals(wanted)).findFirst();
    }

    /** Fields whose text is Markdown, so that more of it can follow as another paragraph. */
    boolean isMarkdown() {
        return switch (this) {
            case ACTION, RECOMMENDATION, ISSUES_IDENTIFIED, MONITORING, DESIRED_OUTCOME, SUCCESS_MEASURE, PROGRESS, FOLLOW_UP, KEEP -> true;
            default -> false;
        };
    }
}
