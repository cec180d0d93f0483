package org.followthrough.render;

import java.util.List;

/** A view as the templates receive them (a public record), for {@link TemplateEngineTest}. */
public record SampleView(String title, List<String> items, SampleView inner) {
    public boolean isShort() {
        return title.length() < 10;
    }

    @Override
    public String toString() {
        return "Sample " + title;
    }
}
