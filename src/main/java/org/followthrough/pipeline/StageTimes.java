package org.followthrough.pipeline;

/**
 * With {@code -Dfollowthrough.timings=true} (as {@link OutputStage}'s time per kind of output), the time since Java started at
 * which a build reaches each of its stages, and the processor time the process has spent by then (every thread's, the compiler's
 * and the collector's too), printed to standard error as it reaches it: for finding where a build's time goes, not for users.
 * Without it, nothing is worked out or printed.
 */
final class StageTimes {

    private static final boolean ON = Boolean.getBoolean("followthrough.timings");

    private StageTimes() {
    }

    /** Says that the build has just finished {@code stage}. */
    static void reached(String stage) {
        if (ON) {
            System.err.printf(java.util.Locale.ROOT, "%6d ms  %6s ms of processor time  %s%n",
                    System.currentTimeMillis() - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime(),
                    processorMillis(), stage);
        }
    }

    /** The processor time of the whole process so far, where the runtime tells it ("?" where not). */
    private static String processorMillis() {
        long nanos = java.lang.management.ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
        return nanos >= 0 ? String.valueOf(nanos / 1_000_000) : "?";
    }
}
