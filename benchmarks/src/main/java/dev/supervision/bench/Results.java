package dev.supervision.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Prints one result line: {@code RESULT supervision <workload> key=value ...}. */
final class Results {

    private final String workload;
    private final Map<String, String> values = new LinkedHashMap<>();

    private Results(String workload) {
        this.workload = workload;
    }

    static Results of(String workload) {
        return new Results(workload);
    }

    Results put(String key, double value) {
        values.put(key, value == Math.rint(value) && Math.abs(value) < 1e15
                ? Long.toString((long) value)
                : String.format(java.util.Locale.ROOT, "%.3f", value));
        return this;
    }

    Results put(String key, String value) {
        values.put(key, value);
        return this;
    }

    void print() {
        System.out.println("RESULT supervision " + workload + " " + values.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(" ")));
    }
}
