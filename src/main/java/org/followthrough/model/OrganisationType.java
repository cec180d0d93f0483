package org.followthrough.model;

/** The kinds of body that appear in action plans. */
public enum OrganisationType {
    NHS_TRUST("nhs_trust", "NHS trust"),
    NHS_PROVIDER("nhs_provider", "NHS-funded provider"),
    AMBULANCE_SERVICE("ambulance_service", "Ambulance service"),
    COMMISSIONER("commissioner", "Commissioner"),
    NHS_ENGLAND("nhs_england", "National NHS body"),
    POLICE_FORCE("police_force", "Police force"),
    POLICE_AND_CRIME_COMMISSIONER("police_and_crime_commissioner", "Police and crime commissioner"),
    LOCAL_AUTHORITY("local_authority", "Local authority"),
    PRISON("prison", "Prison"),
    PRISON_HEALTHCARE("prison_healthcare", "Prison healthcare"),
    PROBATION("probation", "Probation service"),
    GOVERNMENT_DEPARTMENT("government_department", "Government department"),
    PARTNERSHIP("partnership", "Partnership or board"),
    INVESTIGATOR("investigator", "Independent investigator"),
    REGULATOR("regulator", "Regulator"),
    VOLUNTARY_SECTOR("voluntary_sector", "Voluntary sector organisation"),
    PRIVATE_COMPANY("private_company", "Private company"),
    OTHER("other", "Other");

    private final String code;
    private final String label;

    OrganisationType(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public static OrganisationType fromCode(String code) {
        for (OrganisationType t : values()) {
            if (t.code.equals(code)) {
                return t;
            }
        }
        throw new IllegalArgumentException(code);
    }
}
