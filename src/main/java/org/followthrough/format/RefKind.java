package org.followthrough.format;

/** What an id in the content refers to. */
public enum RefKind {
    ORGANISATION("organisation"),
    STATUS("status"),
    GRADE("grade"),
    RAG("RAG rating"),
    TERM("term"),
    PRIORITY("priority"),
    COLUMN("extra column"),
    THEME("theme");

    private final String noun;

    RefKind(String noun) {
        this.noun = noun;
    }

    public String noun() {
        return noun;
    }
}
