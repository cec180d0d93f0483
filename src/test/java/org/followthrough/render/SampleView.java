package org.followthrough.render;

import java.util.List;

/** A view as the templates receive them (a public record), for {@link TemplateEngineTest}. */
public record SampleView(String title, List<String> items, SampleView inner) {
    public boolean isShort() {
        return title.length() < 10;
    }

    /** A view's text is never wanted on a page, and a large one's is dear to make: this one cannot be made. */
    @Override
    public String toString() {
        throw new AssertionError("a template made the view's text");
    }
}
