package org.followthrough.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command as a child process, as a user would from a shell, and reports what the operating
 * system accounted to it: wall time, CPU time (user + system) and peak resident memory.
 *
 * <p>With GNU time installed ({@code /usr/bin/time}, Debian package {@code time}) the command runs
 * under {@code /usr/bin/time -f '%e %U %S %M'}, which reads the kernel's resource usage of the
 * child when it ends. Without it, wall time comes from the clock, CPU time from the growth of this
 * process's {@code cutime + cstime} in {@code /proc/self/stat} (the time of children it has waited
 * for), and peak memory from the child's {@code VmHWM} in {@code /proc/PID/status}, read every 10
 * ms while it runs, so a peak in its last milliseconds can be missed.
 */
final class ProcessMeter {

    private static final Path GNU_TIME = Path.of("/usr/bin/time");

    /** What one run of a command cost. */
    record Usage(double wallSeconds, double userSeconds, double systemSeconds, long peakKib) {

        double cpuSeconds() {
            return userSeconds + systemSeconds;
        }
    }

    /** One finished run: its cost, exit code, and where its output went. */
    record Run(Usage usage, int exitCode, Path stdout, Path stderr) {

        String output() throws IOException {
            return Files.readString(stdout, StandardCharsets.UTF_8);
        }
    }

    private final boolean gnuTime;
    private final Path logs;
    private int runs;

    private ProcessMeter(boolean gnuTime, Path logs) {
        this.gnuTime = gnuTime;
        this.logs = logs;
    }

    /** GNU time when it is installed and wanted, else /proc; each run's output goes to a file in {@code logs}. */
    static ProcessMeter create(boolean gnuTimeWanted, Path logs) throws IOException {
        Files.createDirectories(logs);
        return new ProcessMeter(gnuTimeWanted && Files.isExecutable(GNU_TIME), logs);
    }

    /** How the numbers were taken, for the report. */
    String method() {
        return gnuTime
                ? "GNU time (`/usr/bin/time -f '%e %U %S %M'`: the kernel's accounting of the child, JVM start included)"
                : "/proc (no GNU time: wall from the clock, CPU from this process's cutime + cstime, "
                        + "peak RSS from the child's VmHWM read every 10 ms)";
    }

    Run run(List<String> command, Path workingFolder) throws IOException, InterruptedException {
        int n = ++runs;
        Path stdout = logs.resolve(n + ".out");
        Path stderr = logs.resolve(n + ".err");
        Path times = logs.resolve(n + ".time");
        List<String> full = new ArrayList<>();
        if (gnuTime) {
            full.addAll(List.of(GNU_TIME.toString(), "-f", "%e %U %S %M", "-o", times.toString()));
        }
        full.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(full).directory(workingFolder.toFile())
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        if (gnuTime) {
            int code = builder.start().waitFor();
            return new Run(parseGnuTime(times), code, stdout, stderr);
        }
        long ticksBefore = childTicks();
        long started = System.nanoTime();
        Process process = builder.start();
        long peak = 0;
        while (!process.waitFor(10, TimeUnit.MILLISECONDS)) {
            peak = Math.max(peak, highWaterMark(process.pid()));
        }
        double wall = (System.nanoTime() - started) / 1e9;
        double cpu = (childTicks() - ticksBefore) / (double) Ticks.PER_SECOND;
        // /proc/self/stat does not split the children's time the way GNU time does: all of it counts as user time here
        return new Run(new Usage(wall, cpu, 0, peak), process.exitValue(), stdout, stderr);
    }

    /** The last line GNU time wrote (a failed command's line comes after "Command exited with non-zero status N"). */
    private static Usage parseGnuTime(Path times) throws IOException {
        List<String> lines = Files.readAllLines(times, StandardCharsets.UTF_8).stream().filter(line -> !line.isBlank()).toList();
        String[] fields = lines.get(lines.size() - 1).trim().split("\\s+");
        return new Usage(Double.parseDouble(fields[0]), Double.parseDouble(fields[1]), Double.parseDouble(fields[2]),
                Long.parseLong(fields[3]));
    }

    /** cutime + cstime of this process: the CPU time of the children it has waited for, in clock ticks. */
    private static long childTicks() throws IOException {
        String stat = Files.readString(Path.of("/proc/self/stat"), StandardCharsets.US_ASCII);
        // fields after the command name in parentheses, which may itself hold spaces; cutime and cstime are fields 16 and 17
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
    }

    private static long highWaterMark(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"), StandardCharsets.US_ASCII)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException e) {
            // the child ended between waitFor and the read
        }
        return 0;
    }

    /** The kernel's clock ticks per second (USER_HZ), which /proc times are counted in. */
    private static final class Ticks {
        static final long PER_SECOND = read();

        private static long read() {
            try {
                Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
                String value = new String(getconf.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
                return getconf.waitFor() == 0 ? Long.parseLong(value) : 100;
            } catch (IOException | NumberFormatException e) {
                return 100; // USER_HZ on every Linux architecture in common use
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 100;
            }
        }
    }
}
