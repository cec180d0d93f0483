package org.followthrough.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.followthrough.problem.Location;
import org.followthrough.problem.Problem;
import org.followthrough.render.data.Json;

/**
 * The forms {@code check --format} prints problems in, for the tools that review a change: text for
 * people and editors, workflow annotations for GitHub Actions, and JSON and SARIF 2.1.0 for anything
 * else. Every form names files relative to the folder the command runs in, as a repository's tools do.
 */
enum ProblemFormat {

    /** {@code file:line:column: message — hint}, one a line (printed by {@link Reports}). */
    TEXT,

    /** GitHub Actions workflow commands: each problem appears on its line of the pull request's diff. */
    GITHUB {
        @Override
        void write(List<Problem> problems, PrintWriter out) {
            for (Problem problem : problems) {
                Location at = problem.location();
                StringBuilder line = new StringBuilder(problem.isError() ? "::error " : "::warning ");
                line.append("file=").append(property(relative(at.file())));
                if (at.line() > 0) {
                    line.append(",line=").append(at.line());
                    if (at.column() > 0) {
                        line.append(",col=").append(at.column());
                    }
                }
                line.append(",title=Followthrough::").append(data(text(problem)));
                out.println(line);
            }
        }
    },

    /** One JSON document: the shape is published as check-report.schema.json with the editors' guide. */
    JSON {
        @Override
        void write(List<Problem> problems, PrintWriter out) {
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("tool", "followthrough");
            report.put("version", Main.Version.number());
            report.put("errors", problems.stream().filter(Problem::isError).count());
            report.put("warnings", problems.stream().filter(p -> !p.isError()).count());
            List<Object> list = new ArrayList<>();
            for (Problem problem : problems) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("severity", problem.isError() ? "error" : "warning");
                entry.put("file", relative(problem.location().file()));
                if (problem.location().line() > 0) {
                    entry.put("line", problem.location().line());
                    if (problem.location().column() > 0) {
                        entry.put("column", problem.location().column());
                    }
                }
                entry.put("message", problem.message());
                if (problem.hint() != null) {
                    entry.put("hint", problem.hint());
                }
                list.add(entry);
            }
            report.put("problems", list);
            out.print(Json.write(report));
        }
    },

    /** A SARIF 2.1.0 log with one run, for code-scanning dashboards and editors. */
    SARIF {
        @Override
        void write(List<Problem> problems, PrintWriter out) {
            Map<String, Object> rule = new LinkedHashMap<>();
            rule.put("id", RULE);
            rule.put("name", "ContentProblem");
            rule.put("shortDescription", Map.of("text", "A problem in the content files that check reports"));
            Map<String, Object> driver = new LinkedHashMap<>();
            driver.put("name", "Followthrough");
            driver.put("version", Main.Version.number());
            driver.put("rules", List.of(rule));
            List<Object> results = new ArrayList<>();
            for (Problem problem : problems) {
                Map<String, Object> artifact = new LinkedHashMap<>();
                artifact.put("uri", uri(relative(problem.location().file())));
                artifact.put("uriBaseId", "%SRCROOT%");
                Map<String, Object> physical = new LinkedHashMap<>();
                physical.put("artifactLocation", artifact);
                if (problem.location().line() > 0) {
                    Map<String, Object> region = new LinkedHashMap<>();
                    region.put("startLine", problem.location().line());
                    if (problem.location().column() > 0) {
                        region.put("startColumn", problem.location().column());
                    }
                    physical.put("region", region);
                }
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("ruleId", RULE);
                result.put("level", problem.isError() ? "error" : "warning");
                result.put("message", Map.of("text", text(problem)));
                result.put("locations", List.of(Map.of("physicalLocation", physical)));
                results.add(result);
            }
            Map<String, Object> run = new LinkedHashMap<>();
            run.put("tool", Map.of("driver", driver));
            run.put("results", results);
            Map<String, Object> log = new LinkedHashMap<>();
            log.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
            log.put("version", "2.1.0");
            log.put("runs", List.of(run));
            out.print(Json.write(log));
        }
    };

    private static final String RULE = "content";

    /** Prints the problems in this form; {@link #TEXT} is printed by {@link Reports} itself. */
    void write(List<Problem> problems, PrintWriter out) {
        throw new UnsupportedOperationException("text is printed by Reports");
    }

    /** The name on the command line: {@code github}. */
    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    private static String text(Problem problem) {
        return problem.hint() == null ? problem.message() : problem.message() + " — " + problem.hint();
    }

    /** A path under the working folder, relative to it with forward slashes; anything else as it was given. */
    static String relative(String file) {
        try {
            Path path = Path.of(file);
            Path here = Path.of("").toAbsolutePath();
            if (path.isAbsolute() && path.startsWith(here)) {
                path = here.relativize(path);
            }
            return path.toString().replace('\\', '/');
        } catch (InvalidPathException e) {
            return file;
        }
    }

    private static String uri(String path) {
        try {
            return new URI(null, null, path, null).toASCIIString();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(path, e);
        }
    }

    /** Workflow command data: the runner reads %, CR and LF as escapes. */
    private static String data(String text) {
        return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** Workflow command properties also end at ',' and ':'. */
    private static String property(String text) {
        return data(text).replace(":", "%3A").replace(",", "%2C");
    }
}
