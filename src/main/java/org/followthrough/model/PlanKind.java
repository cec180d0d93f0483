package org.followthrough.model;

/** The kinds of review that lead to an action plan. */
public enum PlanKind {
    PATIENT_SAFETY_INCIDENT_INVESTIGATION("patient_safety_incident_investigation", "Patient safety incident investigation"),
    SERIOUS_INCIDENT_INVESTIGATION("serious_incident_investigation", "Serious incident investigation"),
    INDEPENDENT_INVESTIGATION("independent_investigation", "Independent investigation"),
    QUALITY_ASSURANCE_REVIEW("quality_assurance_review", "Quality assurance review"),
    DOMESTIC_HOMICIDE_REVIEW("domestic_homicide_review", "Domestic homicide review"),
    SAFEGUARDING_ADULTS_REVIEW("safeguarding_adults_review", "Safeguarding adults review"),
    CHILD_SAFEGUARDING_PRACTICE_REVIEW("child_safeguarding_practice_review", "Child safeguarding practice review"),
    DEATH_IN_CUSTODY_INVESTIGATION("death_in_custody_investigation", "Death in custody investigation"),
    MENTAL_HEALTH_HOMICIDE_REVIEW("mental_health_homicide_review", "Mental health homicide review"),
    OTHER("other", "Other review"),
    /** The document does not say what kind of review it answers. */
    NOT_STATED("not_stated", "Review (kind not stated)");

    private final String code;
    private final String label;

    PlanKind(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public static PlanKind fromCode(String code) {
        for (PlanKind k : values()) {
            if (k.code.equals(code)) {
                return k;
            }
        }
        throw new IllegalArgumentException(code);
    }
}
