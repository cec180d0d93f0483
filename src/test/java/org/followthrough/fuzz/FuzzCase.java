package org.followthrough.fuzz;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** A case of the fuzz test: mutations of the small test site, in order, and whether its build makes the PDFs. */
record FuzzCase(List<Mutation> mutations, boolean pdfs) {

    Content content() {
        Content content = Mutations.BASE_CONTENT;
        for (Mutation mutation : mutations) {
            content = mutation.apply(content);
        }
        return content;
    }

    /** Checks and builds the case (see {@link CaseRun}), failing if it breaks any demand; returns whether the check accepted it. */
    boolean verify() {
        return CaseRun.verify(content(), pdfs, toString());
    }

    @Override
    public String toString() {
        return IntStream.range(0, mutations.size()).mapToObj(i -> "\n  " + (i + 1) + ". " + mutations.get(i))
                .collect(Collectors.joining("", "the small site, built " + (pdfs ? "with" : "without") + " PDFs, after:", ""));
    }
}
