package org.followthrough.problem;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Collects problems from every stage, from any thread; reports them sorted by location. */
public final class Problems {

    private final List<Problem> list = Collections.synchronizedList(new ArrayList<>());
    /** Whether an error was added: asked once for every file a build keeps, from every thread, so kept rather than counted. */
    private volatile boolean errors;

    public void add(Problem problem) {
        list.add(problem);
        if (problem.isError()) {
            errors = true;
        }
    }

    public void error(Location location, String message) {
        add(Problem.error(location, message));
    }

    public void error(Location location, String message, String hint) {
        add(Problem.error(location, message, hint));
    }

    public void warning(Location location, String message, String hint) {
        add(Problem.warning(location, message, hint));
    }

    public boolean hasErrors() {
        return errors;
    }

    public List<Problem> sorted() {
        synchronized (list) {
            return list.stream().distinct().sorted(Problem.BY_LOCATION).toList();
        }
    }
}
