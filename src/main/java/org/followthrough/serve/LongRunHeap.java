package org.followthrough.serve;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;

/**
 * The heap a preview runs in. The launchers keep the heap close to what is live (at most 30% free
 * after a collection, grown when less than 10% is), which suits a build's short run; a preview runs
 * for hours and rebuilds on every save, and in a heap that tight a full collection lands in the
 * middle of a rebuild now and then, and the page shows late (at 1,000 plans, 550–600 ms instead of
 * about 200 ms). The Java runtime's own defaults (40% and 70%) are put back, but only where the
 * ratios are the launchers': ratios given on purpose are left as they are.
 */
final class LongRunHeap {

    private LongRunHeap() {
    }

    static void relax() {
        try {
            HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            if (vm.getVMOption("MinHeapFreeRatio").getValue().equals("10") && vm.getVMOption("MaxHeapFreeRatio").getValue().equals("30")) {
                vm.setVMOption("MaxHeapFreeRatio", "70");
                vm.setVMOption("MinHeapFreeRatio", "40");
            }
        } catch (RuntimeException e) {
            // another runtime, without these options: the heap is left as it is
        }
    }
}
