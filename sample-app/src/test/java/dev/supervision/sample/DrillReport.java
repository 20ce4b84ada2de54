package dev.supervision.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The figures of one drill, from the writers' answers and the table's rows, and the assertions every
 * drill makes: nothing acknowledged lost, no note stored twice, no request hung, no status but 201 and
 * 503 from honest writers, and no unkeyed note stored behind a 503 that said {@code not_attempted}.
 *
 * @param drill the drill's name
 * @param attempted HTTP writes sent
 * @param created {@code 201} answers
 * @param notAttempted {@code 503} answers with outcome {@code not_attempted}
 * @param unknown {@code 503} answers with outcome {@code unknown}
 * @param other any other status
 * @param lost notes acknowledged with a {@code 201} but not in the table
 * @param duplicates notes stored more than once (keyed writers retried every 503 with the same key)
 * @param keyedRetriedAndStored keyed notes that met a 503 and were then acknowledged by a retry
 * @param phantoms unkeyed notes stored although their only answer was a 503 {@code unknown}
 * @param falselyNotAttempted unkeyed notes stored although their answer was a 503 {@code not_attempted}
 * @param hung requests with no answer within the call timeout plus a margin
 * @param restarts connector restarts during the drill
 * @param seconds how long the drill's load ran
 */
record DrillReport(String drill, int attempted, int created, int notAttempted, int unknown, int other, int lost,
        int duplicates, int keyedRetriedAndStored, int phantoms, int falselyNotAttempted, int hung, int restarts,
        double seconds) {

    /** Call timeout (2 s) plus a margin: a slower answer is a hang. */
    static final Duration HUNG_AFTER = Duration.ofMillis(3_500);


    /** The figures of {@code attempts} against {@code stored} (text to row count). */
    static DrillReport of(String drill, List<DrillLoad.Attempt> attempts, Map<String, Integer> stored, int restarts,
            Duration ran) {
        Set<String> acknowledged = texts(attempts, a -> a.status() == 201);
        Map<String, List<DrillLoad.Attempt>> unkeyed = attempts.stream().filter(a -> !a.keyed())
                .collect(Collectors.groupingBy(DrillLoad.Attempt::text));
        Set<String> keyedRetried = texts(attempts, a -> a.keyed() && a.status() == 201 && a.retry() > 0);
        return new DrillReport(drill, attempts.size(),
                count(attempts, a -> a.status() == 201),
                count(attempts, a -> a.status() == 503 && "not_attempted".equals(a.outcome())),
                count(attempts, a -> a.status() == 503 && "unknown".equals(a.outcome())),
                count(attempts, a -> a.status() != 201 && a.status() != 503 && a.status() != -1),
                (int) acknowledged.stream().filter(text -> !stored.containsKey(text)).count(),
                (int) stored.values().stream().filter(rows -> rows > 1).count(),
                keyedRetried.size(),
                storedBehind(unkeyed, stored, "unknown"),
                storedBehind(unkeyed, stored, "not_attempted"),
                count(attempts, a -> a.status() == -1 || a.took().compareTo(HUNG_AFTER) > 0),
                restarts, ran.toMillis() / 1000.0);
    }

    /** Prints the table row, appends it to {@code target/drills.md}, and asserts what every drill must hold. */
    DrillReport printAndAssert() {
        new DrillTable("drills.md", HEADER).add(row());
        assertThat(lost).as(drill + ": acknowledged but not stored").isZero();
        assertThat(duplicates).as(drill + ": stored twice").isZero();
        assertThat(hung).as(drill + ": no answer within " + HUNG_AFTER).isZero();
        assertThat(other).as(drill + ": answers other than 201 and 503").isZero();
        assertThat(falselyNotAttempted).as(drill + ": stored behind a 503 not_attempted").isZero();
        assertThat(created).as(drill + ": some writes succeeded").isPositive();
        return this;
    }

    static final String HEADER = "| drill | s | writes | 201 | 503 not attempted | 503 unknown | lost | duplicates"
            + " (keyed retries) | keyed notes stored by a retry | phantoms (unkeyed, 503 unknown, stored) | hung"
            + " | restarts |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|";

    String row() {
        return String.format(java.util.Locale.ROOT, "| %s | %.1f | %,d | %,d | %,d | %,d | %d | %d | %,d | %d | %d | %d |",
                drill, seconds, attempted, created, notAttempted, unknown, lost, duplicates, keyedRetriedAndStored,
                phantoms, hung, restarts);
    }

    private static int storedBehind(Map<String, List<DrillLoad.Attempt>> unkeyed, Map<String, Integer> stored,
            String outcome) {
        return (int) unkeyed.entrySet().stream().filter(note -> stored.containsKey(note.getKey()))
                .filter(note -> note.getValue().stream().allMatch(a -> a.status() == 503 && outcome.equals(a.outcome())))
                .count();
    }

    private static Set<String> texts(List<DrillLoad.Attempt> attempts, java.util.function.Predicate<DrillLoad.Attempt> which) {
        return attempts.stream().filter(which).map(DrillLoad.Attempt::text).collect(Collectors.toSet());
    }

    private static int count(List<DrillLoad.Attempt> attempts, java.util.function.Predicate<DrillLoad.Attempt> which) {
        return (int) attempts.stream().filter(which).count();
    }
}
