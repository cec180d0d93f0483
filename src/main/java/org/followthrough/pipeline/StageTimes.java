package org.followthrough.pipeline;

/**
 * With {@code -Dfollowthrough.timings=true} (as {@link OutputStage}'s time per kind of output), the time since the process
 * started at which a build reaches each of its stages, printed to standard error as it reaches it: for finding where a
 * build's time goes, not for users. Without it, nothing is worked out or printed.
 */
final class StageTimes {

    private static final boolean ON = Boolean.getBoolean("followthrough.timings");

    private StageTimes() {
    }

    /** Says that the build has just finished {@code stage}. */
    static void reached(String stage) {
        if (ON) {
            System.err.printf(java.util.Locale.ROOT, "%6d ms  %s%n", System.currentTimeMillis() - Started.MILLIS, stage);
        }
    }

    /** When the process started (the launcher's shell, which Java replaces), worked out only when the times are asked for. */
    private static final class Started {
        static final long MILLIS = ProcessHandle.current().info().startInstant().map(java.time.Instant::toEpochMilli)
                .orElseGet(System::currentTimeMillis);
    }
}
