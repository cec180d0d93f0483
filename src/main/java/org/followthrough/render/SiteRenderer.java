package org.followthrough.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.followthrough.format.ContentFormat;
import org.followthrough.format.SchemaWriter;
import org.followthrough.model.Archive;
import org.followthrough.model.Plan;
import org.followthrough.render.view.ViewFactory;
import org.followthrough.render.view.Views;

/**
 * Knows every file of the public site and renders each one once. Pages are rendered in parallel;
 * each goes to the publisher as soon as it is ready, so memory does not grow with the archive.
 */
public final class SiteRenderer {

    /** Static files shipped with the templates; a site's own templates/ folder may replace any of them. */
    static final List<String> ASSETS = List.of("assets/followthrough.css");

    private final Archive archive;
    private final TemplateEngine engine;
    private final ViewFactory views;
    private final Path templateOverrides;

    public SiteRenderer(Archive archive, TemplateEngine engine, MarkdownRenderer markdown, Path templateOverrides) {
        this.archive = archive;
        this.engine = engine;
        this.views = new ViewFactory(archive, markdown);
        this.templateOverrides = templateOverrides;
    }

    /** One file of the output: its path and how to make it. */
    public record Output(String path, Supplier<byte[]> content) {
    }

    public List<Output> outputs() {
        List<Output> outputs = new ArrayList<>();
        outputs.add(page("index.html", "home.ftlh", "Action plans", List.of(), model -> {
            model.put("plans", archive.plans().stream().map(views::plan).toList());
        }));
        for (Plan plan : archive.plans()) {
            String path = ViewFactory.planPath(plan.id()) + "index.html";
            outputs.add(page(path, "plan.ftlh", plan.title(),
                    List.of(new Views.Crumb("Action plans", "")), model -> model.put("plan", views.plan(plan))));
        }
        for (ContentFormat.FileKind kind : ContentFormat.FILE_KINDS) {
            outputs.add(new Output("schema/" + kind.schemaFileName(), () -> utf8(SchemaWriter.schema(kind))));
        }
        for (String asset : ASSETS) {
            outputs.add(new Output(asset, () -> asset(asset)));
        }
        return outputs;
    }

    private Output page(String path, String template, String title, List<Views.Crumb> crumbs,
                        java.util.function.Consumer<Map<String, Object>> fill) {
        return new Output(path, () -> {
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("site", views.site());
            model.put("page", views.page(path.endsWith("index.html") ? path.substring(0, path.length() - "index.html".length()) : path, title, crumbs));
            fill.accept(model);
            return utf8(engine.render(template, model));
        });
    }

    private byte[] asset(String name) {
        try {
            if (templateOverrides != null) {
                Path own = templateOverrides.resolve(name);
                if (Files.isRegularFile(own)) {
                    return Files.readAllBytes(own);
                }
            }
            try (InputStream in = SiteRenderer.class.getResourceAsStream(TemplateEngine.BUILT_IN + "/" + name)) {
                if (in == null) {
                    throw new IllegalStateException("built-in asset missing: " + name);
                }
                return in.readAllBytes();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
