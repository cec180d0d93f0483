package org.followthrough.importing.table;

/** A file that cannot be read as the kind its name says, with what to do about it. */
public final class UnreadableFileException extends Exception {

    private final String hint;

    public UnreadableFileException(String message, String hint) {
        super(message);
        this.hint = hint;
    }

    public String hint() {
        return hint;
    }
}
