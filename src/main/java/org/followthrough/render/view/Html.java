package org.followthrough.render.view;

import freemarker.core.HTMLOutputFormat;
import freemarker.core.TemplateHTMLOutputModel;
import freemarker.template.TemplateModelException;

/** Wraps already-safe HTML (cleaned Markdown) so that templates print it without escaping it again. */
public final class Html {

    private Html() {
    }

    public static TemplateHTMLOutputModel of(String safeHtml) {
        if (safeHtml == null) {
            return null;
        }
        try {
            return HTMLOutputFormat.INSTANCE.fromMarkup(safeHtml);
        } catch (TemplateModelException e) {
            throw new IllegalStateException(e);
        }
    }
}
