package org.followthrough.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A preview started by the launchers, whose heap is kept tight for a build's short run, runs with the
 * Java runtime's own heap ratios; ratios someone gave on purpose are left alone. Changes this JVM's
 * ratios for the test, and puts them back.
 */
class LongRunHeapTest {

    private final HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
    private String min;
    private String max;

    @BeforeEach
    void remember() {
        min = vm.getVMOption("MinHeapFreeRatio").getValue();
        max = vm.getVMOption("MaxHeapFreeRatio").getValue();
    }

    @AfterEach
    void restore() {
        ratios(min, max);
    }

    /** Sets both ratios, in an order that keeps the lower one at most the higher whatever they were. */
    private void ratios(String lower, String upper) {
        vm.setVMOption("MinHeapFreeRatio", "0");
        vm.setVMOption("MaxHeapFreeRatio", upper);
        vm.setVMOption("MinHeapFreeRatio", lower);
    }

    private String ratios() {
        return vm.getVMOption("MinHeapFreeRatio").getValue() + "/" + vm.getVMOption("MaxHeapFreeRatio").getValue();
    }

    @Test
    void theLaunchersTightHeapIsRelaxedForAPreview() {
        ratios("10", "30");

        LongRunHeap.relax();

        assertThat(ratios()).isEqualTo("40/70");
    }

    @Test
    void ratiosGivenOnPurposeAreLeftAlone() {
        ratios("20", "50");

        LongRunHeap.relax();

        assertThat(ratios()).isEqualTo("20/50");
    }
}
