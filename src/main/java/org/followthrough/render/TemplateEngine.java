package org.followthrough.render;

import freemarker.cache.ByteArrayTemplateLoader;
import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.ParseException;
import freemarker.template.Configuration;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.Version;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

/**
 * Freemarker, configured once: HTML auto-escaping for {@code .ftlh}, UK locale and UTC fixed so
 * output never depends on the machine, and templates looked up first in the site's own
 * {@code templates/} folder and then among the built-in ones, so a body can override file by file.
 */
public final class TemplateEngine {

    static final Version VERSION = new Version(2, 3, 34);
    static final String BUILT_IN = "/followthrough/templates";

    private final Configuration configuration;
    private final java.util.Map<String, String> fingerprints = new java.util.concurrent.ConcurrentHashMap<>();

    private final Map<String, byte[]> overrides;

    /**
     * @param overrides the site's own templates and assets by relative path, read at load time: the
     *                  engine never reads the disk for them, so nothing outside that folder can be rendered
     */
    public TemplateEngine(Map<String, byte[]> overrides) {
        this.overrides = Map.copyOf(overrides);
        configuration = new Configuration(VERSION);
        List<TemplateLoader> loaders = new ArrayList<>();
        if (!overrides.isEmpty()) {
            ByteArrayTemplateLoader own = new ByteArrayTemplateLoader();
            overrides.forEach(own::putTemplate);
            loaders.add(own);
        }
        loaders.add(new ClassTemplateLoader(TemplateEngine.class, BUILT_IN));
        configuration.setTemplateLoader(new MultiTemplateLoader(loaders.toArray(TemplateLoader[]::new)));
        configuration.setObjectWrapper(new ViewWrapper(VERSION));
        configuration.setDefaultEncoding("UTF-8");
        configuration.setOutputEncoding("UTF-8");
        configuration.setLocale(Locale.UK);
        configuration.setTimeZone(TimeZone.getTimeZone("UTC"));
        configuration.setNumberFormat("computer");
        configuration.setBooleanFormat("c");
        configuration.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        configuration.setLogTemplateExceptions(false);
        configuration.setWrapUncheckedExceptions(true);
        configuration.setFallbackOnNullLoopVariable(false);
        // A template may not make Java objects of its own (?new of freemarker.template.utility.Execute runs commands, say), nor
        // reach past the values it is given (?api is off by default): a template reads only what the build hands it.
        configuration.setNewBuiltinClassResolver(freemarker.core.TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        configuration.setAPIBuiltinEnabled(false);
    }

    /**
     * A fingerprint of the site's own templates under a folder ("pdf/", "fragments/"), or of those
     * outside every sub-folder (""), which the pages use: outputs made from them are made again when
     * one of them changes. The built-in templates are part of the tool, whose own fingerprint every
     * output carries; so is a file of the site's that is byte for byte the built-in one of its name, which
     * makes what the built-in one does, and is left out. Otherwise a build run where a {@code templates}
     * folder holds unedited copies (the tool's own source folder, whose templates are the built-in ones,
     * or a site that copied them) would make every page again, and the next build without it too.
     */
    public String fingerprint(String folder) {
        return fingerprints.computeIfAbsent(folder, this::fingerprintOf);
    }

    private String fingerprintOf(String folder) {
        java.util.List<Object> parts = new java.util.ArrayList<>();
        new java.util.TreeMap<>(overrides).forEach((name, bytes) -> {
            boolean inFolder = folder.isEmpty() ? !name.contains("/") : name.startsWith(folder);
            if (inFolder && !java.util.Arrays.equals(bytes, builtIn(name))) {
                parts.add(name);
                parts.add(bytes);
            }
        });
        return Fingerprint.of(parts);
    }

    /** A static file shipped with the templates (a stylesheet, a script): the site's own if it has one, else the built-in one. */
    public byte[] asset(String name) {
        byte[] own = overrides.get(name);
        if (own != null) {
            return own;
        }
        try (InputStream in = TemplateEngine.class.getResourceAsStream(BUILT_IN + "/" + name)) {
            if (in == null) {
                throw new IllegalStateException("built-in asset missing: " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The site's own templates that are not byte for byte the built-in ones (a folder copied from the tool
     * and edited in one file has that one file), by name.
     */
    public static java.util.SortedSet<String> changedTemplates(Map<String, byte[]> overrides) {
        java.util.SortedSet<String> changed = new java.util.TreeSet<>();
        overrides.forEach((name, bytes) -> {
            if (name.endsWith(".ftlh") && !java.util.Arrays.equals(bytes, builtIn(name))) {
                changed.add(name);
            }
        });
        return changed;
    }

    private static byte[] builtIn(String name) {
        try (InputStream in = TemplateEngine.class.getResourceAsStream(BUILT_IN + "/" + name)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * The syntax mistakes of the site's own templates that replace built-in ones, each parsed on its own (a mistake in one included by others is told
     * once, at itself): what can be told before any page is made. A mistake only some content brings out is met when the
     * page is made.
     */
    public List<TemplateProblem> syntaxProblems() {
        List<TemplateProblem> problems = new ArrayList<>();
        // only those that replace a built-in template, which a build uses: another file in the folder is only warned of
        new java.util.TreeSet<>(changedTemplates(overrides)).stream().filter(name -> builtIn(name) != null).forEach(name -> {
            try {
                configuration.getTemplate(name);
            } catch (ParseException e) {
                problems.add(parseProblem(e));
            } catch (IOException e) {
                problems.add(e.getCause() instanceof ParseException parse ? parseProblem(parse)
                        : new TemplateProblem(name, 0, 0, "cannot read the template: " + e.getMessage()));
            }
        });
        return problems;
    }

    /** Whether a template or asset of this name is the site's own rather than built in. */
    public boolean isOverridden(String name) {
        return overrides.containsKey(name);
    }

    /** Renders a template to text; a template mistake becomes a {@link TemplateProblem} naming its file and line. */
    public String render(String templateName, Map<String, Object> model) {
        StringWriter out = new StringWriter();
        process(templateName, model, out);
        return out.toString();
    }

    /** Renders a template to its UTF-8 bytes, as a page is published, without holding it as text first. */
    public byte[] renderUtf8(String templateName, Map<String, Object> model) {
        Utf8Writer out = new Utf8Writer();
        process(templateName, model, out);
        return out.toByteArray();
    }

    private void process(String templateName, Map<String, Object> model, java.io.Writer out) {
        try {
            configuration.getTemplate(templateName).process(model, out);
        } catch (ParseException e) {
            throw parseProblem(e);
        } catch (TemplateException e) {
            String name = e.getTemplateSourceName() != null ? e.getTemplateSourceName() : templateName;
            int line = e.getLineNumber() != null ? e.getLineNumber() : 0;
            int column = e.getColumnNumber() != null ? e.getColumnNumber() : 0;
            String message = String.join(" ", e.getMessageWithoutStackTop().lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("----") && !l.startsWith("Tip:")).limit(2).toList());
            throw new TemplateProblem(name, line, column, message);
        } catch (StackOverflowError e) {
            throw new TemplateProblem(templateName, 0, 0, "the template never finishes: a macro, function or include calls itself without end");
        } catch (IOException e) {
            // A template that failed to parse for an earlier page fails again, from Freemarker's cache, with that failure as its cause.
            if (e.getCause() instanceof ParseException parse) {
                throw parseProblem(parse);
            }
            throw new TemplateProblem(templateName, 0, 0, "cannot read the template: " + e.getMessage());
        }
    }

    private static TemplateProblem parseProblem(ParseException e) {
        // Freemarker follows some mistakes with every pattern it could have read there, dozens of lines: the first part says what is wrong.
        String message = e.getEditorMessage();
        int patterns = message.indexOf("Was expecting");
        if (patterns > 0) {
            message = message.substring(0, patterns).strip();
        }
        return new TemplateProblem(e.getTemplateName(), e.getLineNumber(), e.getColumnNumber(), String.join(" ", message.lines().map(String::strip)
                .filter(l -> !l.isEmpty()).toList()));
    }

    /** A mistake in a template, reported like a content problem. */
    public static final class TemplateProblem extends RuntimeException {
        private final String template;
        private final int line;
        private final int column;

        public TemplateProblem(String template, int line, int column, String message) {
            super(message, null, false, false);
            this.template = template;
            this.line = line;
            this.column = column;
        }

        public String template() {
            return template;
        }

        public int line() {
            return line;
        }

        public int column() {
            return column;
        }
    }
}
