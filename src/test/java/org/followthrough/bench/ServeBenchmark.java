package org.followthrough.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.followthrough.pipeline.BuildRequest;
import org.followthrough.serve.PreviewServer;

/**
 * Measures what an editor waits for with {@code serve}: from saving a changed progress update to
 * the changed page being served, as the browser gets it (told to reload by the page's event stream,
 * then asking for the page again). Not part of the test suite. Run it with
 * {@code java -cp target/classes:target/test-classes:$(cat target/cp.txt) org.followthrough.bench.ServeBenchmark PLANS}
 * for a synthetic archive of that many plans (the first progress update found is changed), or with {@code --content DIR --file PATH --find TEXT} for a
 * content folder of one's own: TEXT, a progress update's text in the file PATH of the content, is changed.
 */
public final class ServeBenchmark {

    private static final Pattern VERSION = Pattern.compile("data-version=\"([^\"]*)\"");
    private static final int SAVES = 12;

    private ServeBenchmark() {
    }

    /** The processor time this process has used: on a shared machine, a measure the other processes change less than the wall clock. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    public static void main(String[] args) throws Exception {
        Path content;
        Path file;
        // Writes the file changed for the n-th save and returns the words that show the change on the page.
        java.util.function.IntFunction<String> save;
        Runnable restore;
        if (args.length > 0 && args[0].equals("--content")) {
            content = Path.of(args[1]);
            file = content.resolve(args[3]);
            String find = args[5];
            String text = Files.readString(file);
            if (!text.contains(find)) {
                throw new IllegalArgumentException(file + " does not contain " + find);
            }
            save = n -> write(file, text.replace(find, find + " Saved " + n + " times."), "Saved " + n + " times.");
            restore = () -> write(file, text, "");
        } else {
            int plans = args.length == 0 ? 1000 : Integer.parseInt(args[0]);
            content = Files.createTempDirectory("followthrough-serve-bench-");
            SyntheticContent.archive(content, plans);
            ProgressEdit edit = ProgressEdit.in(content);
            file = edit.file();
            save = n -> {
                edit.revise(n);
                return "Revision " + n + ".";
            };
            restore = () -> {
                try {
                    edit.restore();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            };
        }
        String plan = content.relativize(file).getName(1).toString();
        // The recommendation's own page shows its actions' progress in full.
        String number = Files.readAllLines(file).stream().filter(line -> line.startsWith("number:")).findFirst()
                .map(line -> line.substring("number:".length()).strip().replace("\"", "").replace("'", ""))
                .orElseThrow(() -> new IllegalArgumentException(file + " gives no number: at its start"));
        List<Long> rebuilds = new ArrayList<>();
        BuildRequest request = new BuildRequest(content, null, null, LocalDate.of(2026, 11, 23), null, Clock.systemUTC());
        try (PreviewServer server = PreviewServer.start(request, 0, (problems, succeeded, millis, first) -> {
            if (!succeeded) {
                throw new IllegalStateException(problems.toString());
            }
            synchronized (rebuilds) {
                rebuilds.add(millis);
            }
        })) {
            HttpClient client = HttpClient.newHttpClient();
            URI page = URI.create(server.address() + "plans/" + plan + "/recommendations/" + number + "/");
            System.out.printf(Locale.ROOT, "%s: first build %d ms; %d saves of %s%n", content, rebuilds.get(0), SAVES, content.relativize(file));
            List<long[]> times = new ArrayList<>();
            for (int n = 0; n <= SAVES; n++) {
                String before = client.send(HttpRequest.newBuilder(page).build(), HttpResponse.BodyHandlers.ofString()).body();
                Matcher version = VERSION.matcher(before);
                version.find();
                URI events = URI.create(server.address().replaceAll("^(http://[^/]+).*", "$1") + "/__followthrough/events?page="
                        + URLEncoder.encode(page.getRawPath(), StandardCharsets.UTF_8) + "&version=" + URLEncoder.encode(version.group(1), StandardCharsets.UTF_8));
                HttpResponse<java.io.InputStream> stream = client.send(HttpRequest.newBuilder(events).build(),
                        HttpResponse.BodyHandlers.ofInputStream());
                long cpu = processCpuNanos();
                long saved = System.nanoTime();
                String marker = save.apply(n);
                try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
                    while (!lines.readLine().equals("event: reload")) {
                        // comments and the retry line
                    }
                }
                long told = System.nanoTime();
                String after = client.send(HttpRequest.newBuilder(page).build(), HttpResponse.BodyHandlers.ofString()).body();
                long served = System.nanoTime();
                if (!after.contains(marker)) {
                    throw new IllegalStateException("the page does not show the change " + marker);
                }
                if (n > 0) { // the first save warms up the JVM
                    times.add(new long[] {(told - saved) / 1_000_000, (served - saved) / 1_000_000, (processCpuNanos() - cpu) / 1_000_000});
                }
            }
            restore.run();
            times.sort(java.util.Comparator.comparingLong(t -> t[1]));
            System.out.printf(Locale.ROOT, "save to reload event: median %d ms; save to changed page served: median %d ms, best %d ms, worst %d ms%n",
                    times.stream().mapToLong(t -> t[0]).sorted().toArray()[times.size() / 2], times.get(times.size() / 2)[1],
                    times.get(0)[1], times.get(times.size() - 1)[1]);
            System.out.printf(Locale.ROOT, "processor time from save to page served (this process, all threads): median %d ms%n",
                    times.stream().mapToLong(t -> t[2]).sorted().toArray()[times.size() / 2]);
            synchronized (rebuilds) {
                System.out.printf(Locale.ROOT, "rebuilds (read what changed, check, assemble): median %d ms%n",
                        rebuilds.subList(2, rebuilds.size()).stream().sorted().toList().get((rebuilds.size() - 2) / 2));
            }
        }
    }

    private static String write(Path file, String text, String marker) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return marker;
    }
}
