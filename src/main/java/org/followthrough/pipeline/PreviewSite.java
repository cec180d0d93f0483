package org.followthrough.pipeline;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.followthrough.cache.MemoryCache;
import org.followthrough.model.Archive;
import org.followthrough.problem.Location;
import org.followthrough.problem.Problem;
import org.followthrough.render.Output;
import org.followthrough.render.RenderContext;
import org.followthrough.render.SiteRenderer;
import org.followthrough.render.TemplateEngine;
import org.followthrough.render.pdf.PdfFonts;

/**
 * One version of the previewed site: its files decided a unit at a time (a plan, an organisation,
 * the site's own pages) when one of the unit's files is first asked for, each file made when it is
 * asked for and kept by its cache key. A page is made with the sizes of its downloads (made first, as a build
 * makes them first), except the PDF's: a PDF takes seconds, so it is made only when it is itself
 * asked for, and pages link to it without a size. Thread-safe: the files of one unit (a plan, an
 * organisation, the site) are made one at a time, sharing what the unit's {@link RenderContext} holds.
 */
public final class PreviewSite {

    /** How many units' contexts (a plan's view, say) are kept between requests. */
    private static final int CONTEXTS_KEPT = 32;

    /** A file of the site as asked for. */
    public sealed interface File permits File.Made, File.Missing, File.Failed {
        /** The file's bytes and what kind of file it is. */
        record Made(byte[] bytes, Output.Kind kind) implements File {
        }

        /** There is no such file in the site. */
        record Missing() implements File {
        }

        /** The file could not be made: a template mistake, or no fonts for a PDF. */
        record Failed(Problem problem) implements File {
        }
    }

    private final Archive archive;
    private final SiteRenderer renderer;
    /** The outputs of each unit decided so far, by path. */
    private final Map<String, Map<String, Output>> units = new java.util.concurrent.ConcurrentHashMap<>();
    private final MemoryCache made;
    private final UnaryOperator<String> templateLocation;
    private final RenderContext.Parts parts;
    private final Map<String, RenderContext> contexts = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, RenderContext> eldest) {
            return size() > CONTEXTS_KEPT;
        }
    };

    PreviewSite(Archive archive, SiteRenderer renderer, MemoryCache made, UnaryOperator<String> templateLocation) {
        this.archive = archive;
        this.renderer = renderer;
        this.made = made;
        this.templateLocation = templateLocation;
        // Parts of outputs are kept with the files made, by their own keys: a site-wide file is joined again from them.
        this.parts = new RenderContext.Parts() {
            @Override
            public Optional<byte[]> find(String key) {
                return made.find(key).map(MemoryCache.Kept::bytes);
            }

            @Override
            public void keep(String key, byte[] bytes) {
                made.put(key, bytes);
            }
        };
    }

    /** The archive this version shows, with the preview's own address as its base URL. */
    public Archive archive() {
        return archive;
    }

    /** The address the site is served at, ending in "/". */
    public String baseUrl() {
        return archive.site().baseUrl();
    }

    /** The path the site is served under, from the server's root: "/" or "/learning/action-plans/". */
    public String basePath() {
        return URI.create(baseUrl()).getRawPath();
    }

    /** Whether the site has a file at this path (from the site's root, "plans/x/index.html"). */
    public boolean has(String path) {
        return output(path).isPresent();
    }

    /**
     * A fingerprint of what the file at this path is made from, or empty when the site has no such
     * file: when it differs between two versions, the file differs.
     */
    public Optional<String> version(String path) {
        return output(path).map(Output::key);
    }

    /**
     * A fingerprint of the site's stylesheets and scripts, which a page shows by what they are: a page open in the browser
     * is reloaded when one changes (a stylesheet of the site's own templates edited), though the page itself did not.
     */
    public String assetsVersion() {
        return renderer.assetsVersion();
    }

    /** The file at this path, made now unless it was made before from the same things. */
    public File file(String path) {
        Output output = output(path).orElse(null);
        if (output == null) {
            return new File.Missing();
        }
        try {
            byte[] bytes = make(output).bytes();
            return bytes == null ? new File.Missing() : new File.Made(bytes, output.kind());
        } catch (TemplateEngine.TemplateProblem e) {
            return new File.Failed(Problem.error(new Location(templateLocation.apply(e.template()), e.line(), e.column()),
                    "template error while making " + path + ": " + e.getMessage(), "fix the template; the page reloads when it is saved"));
        } catch (PdfFonts.MissingFontsException e) {
            return new File.Failed(Problem.error(Location.of(path), e.getMessage(), null));
        }
    }

    private MemoryCache.Kept make(Output output) {
        String key = OutputStage.cacheKey(output, this::size);
        Optional<MemoryCache.Kept> kept = made.find(key);
        if (kept.isPresent()) {
            return kept.get();
        }
        RenderContext context = context(output.unit());
        synchronized (context) {
            // Another request may have made it while this one waited for the unit.
            Optional<MemoryCache.Kept> meanwhile = made.find(key);
            if (meanwhile.isPresent()) {
                return meanwhile.get();
            }
            byte[] bytes = output.recipe().make(context);
            made.put(key, bytes);
            return new MemoryCache.Kept(bytes);
        }
    }

    /** The output at a path, its unit decided when one of its outputs is first asked for: deciding the whole site takes long. */
    private Optional<Output> output(String path) {
        Map<String, Output> unit = units.computeIfAbsent(SiteRenderer.unitOf(path), name -> {
            Map<String, Output> byPath = new LinkedHashMap<>();
            renderer.outputsOf(name).forEach(output -> byPath.put(output.path(), output));
            return byPath;
        });
        return Optional.ofNullable(unit.get(path));
    }

    /** The size a page shows for a download: made now if need be, but never a PDF's. */
    private Optional<Integer> size(String path) {
        Output download = output(path).orElse(null);
        if (download == null || download.kind() == Output.Kind.PDF) {
            return Optional.empty();
        }
        String key = OutputStage.cacheKey(download, this::size);
        int size = made.size(key).orElseGet(() -> make(download).size());
        return size < 0 ? Optional.empty() : Optional.of(size);
    }

    private RenderContext context(String unit) {
        synchronized (contexts) {
            return contexts.computeIfAbsent(unit, u -> RenderContext.onRequest(this::size, parts));
        }
    }
}
