package dev.supervision.bench;

/** Heap readings for memory workloads: used heap after repeated full collections. */
final class Heap {

    private Heap() {
    }

    /** Used heap, in bytes, after three {@code System.gc()} calls. */
    static long usedAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
            try {
                Thread.sleep(100); // let the collector and reference processing settle
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
