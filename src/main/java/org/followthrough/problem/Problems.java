package org.followthrough.problem;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Collects problems from every stage, from any thread; reports them sorted by location. */
public final class Problems {

    private final List<Problem> list = Collections.synchronizedList(new ArrayList<>());

    public void add(Problem problem) {
        list.add(problem);
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
        synchronized (list) {
            return list.stream().anyMatch(Problem::isError);
        }
    }

    public List<Problem> sorted() {
        synchronized (list) {
            return list.stream().distinct().sorted(Problem.BY_LOCATION).toList();
        }
    }
}
