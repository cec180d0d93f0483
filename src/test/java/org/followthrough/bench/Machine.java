package org.followthrough.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** What the benchmark ran on, as /proc and the runtimes tell it: a report's numbers mean little without it. */
final class Machine {

    private Machine() {
    }

    /** "2 cores (AMD EPYC), 23.5 GiB memory", from /proc/cpuinfo and /proc/meminfo. */
    static String hardware() {
        long cores = Runtime.getRuntime().availableProcessors();
        String cpu = "CPU model unknown";
        String memory = "memory unknown";
        try {
            List<String> cpuinfo = Files.readAllLines(Path.of("/proc/cpuinfo"), StandardCharsets.UTF_8);
            cores = cpuinfo.stream().filter(line -> line.startsWith("processor")).count();
            cpu = cpuinfo.stream().filter(line -> line.startsWith("model name")).findFirst()
                    .map(line -> line.substring(line.indexOf(':') + 1).trim()).orElse(cpu);
            memory = Files.readAllLines(Path.of("/proc/meminfo"), StandardCharsets.UTF_8).stream()
                    .filter(line -> line.startsWith("MemTotal:")).findFirst()
                    .map(line -> String.format(Locale.ROOT, "%.1f GiB memory", Long.parseLong(line.replaceAll("\\D", "")) / 1048576.0))
                    .orElse(memory);
        } catch (IOException e) {
            // not Linux: the JVM's count of processors stands
        }
        return String.format(Locale.ROOT, "%d cores (%s), %s", cores, cpu, memory);
    }

    /** The Java that runs the builds: the one running this benchmark. */
    static Path java() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    static String javaVersion() {
        return System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version");
    }

    /** "hugo v0.111.3+extended", or null when the command cannot be run. */
    static String hugoVersion(String hugo) {
        try {
            Process process = new ProcessBuilder(hugo, "version").redirectErrorStream(true).start();
            String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (process.waitFor() != 0 || text.isEmpty()) {
                return null;
            }
            String[] words = text.split("\\s+");
            return words.length > 1 ? words[0] + " " + words[1] : words[0];
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** The one-minute load average, which says how busy the machine was with other work. */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg"), StandardCharsets.US_ASCII).split(" ")[0];
        } catch (IOException e) {
            return "unknown";
        }
    }
}
