package dev.supervision.sample;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One mail drill on several instances: writers post notes to every instance ({@link DrillLoad}, keyed and
 * unkeyed), a fault strikes mid-run, the writers of instances it killed stop (their clients would move to
 * another instance), the others write on; then the drill waits until every stored note was mailed, and a
 * lease more for a late second mail, and reports ({@link MailReport}).
 *
 * @param name the drill's name
 * @param instances the instances (all started)
 * @param lease the mailers' lease, as configured on the instances
 */
record MailDrill(String name, SampleInstances instances, Duration lease) {

    /** What strikes the instances mid-run; {@link #NONE} for a run without a fault. */
    @FunctionalInterface
    interface Fault {
        void strike() throws Exception;
    }

    /** No fault. */
    static final Fault NONE = () -> { };

    private static final int KEYED = 2;
    private static final int UNKEYED = 1;
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    /**
     * The mailer settings of the two-instance drills ({@code key=value}): a round every 200 ms, batches of
     * 10, {@code lease}, so that a drill sees several rounds and takeovers within seconds.
     */
    static String[] quickMailer(Duration lease) {
        return new String[] {"notes.mailer.interval=200ms", "notes.mailer.batch=10", "notes.mailer.lease=" + lease.toMillis() + "ms"};
    }

    /**
     * A kill -9 of {@code instance} while its mailer holds claims it has not recorded sent (it is in the
     * middle of a batch), so that another has something to take over. A batch can end between the look at
     * the database and the kill, so the instance is frozen first (SIGSTOP), looked at again, and killed
     * only if it still holds claims; otherwise it resumes and the next batch is waited for.
     */
    Fault killWhileHoldingClaims(SampleInstance instance) {
        return () -> {
            await(instance.name() + " frozen holding claims").atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofMillis(2)).until(() -> frozenHoldingClaims(instance));
            instance.kill9();
        };
    }

    /** Freezes {@code instance} if it holds claims, and keeps it frozen if it still does then. */
    private boolean frozenHoldingClaims(SampleInstance instance) throws Exception {
        if (instances.claimsHeldBy(instance.name()) == 0) {
            return false;
        }
        instance.pause();
        if (instances.claimsHeldBy(instance.name()) > 0) {
            return true;
        }
        instance.resume();
        return false;
    }

    /**
     * A {@code kill -STOP} of {@code instance} once its mailer holds claims, for {@code pause}, then
     * {@code kill -CONT}: it resumes with claims another mailer may have taken over meanwhile.
     */
    Fault pauseWhileHoldingClaims(SampleInstance instance, Duration pause) {
        return () -> {
            awaitClaimsHeldBy(instance);
            instance.pause();
            Thread.sleep(pause); // the pause lasts this long
            instance.resume();
        };
    }

    private void awaitClaimsHeldBy(SampleInstance instance) {
        await(instance.name() + " holding claims").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(2))
                .until(() -> instances.claimsHeldBy(instance.name()) > 0);
    }

    /**
     * Waits until {@code instance}'s mailer holds no claim it has not recorded sent (it is between rounds),
     * so that a fault struck right after most likely finds no note in its hands.
     */
    void awaitBetweenRounds(SampleInstance instance) {
        await(instance.name() + " between rounds").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(2))
                .until(() -> instances.claimsHeldBy(instance.name()) == 0);
    }

    /** Writes for {@code before}, strikes, writes on for {@code after}, then waits for the mails and reports. */
    MailReport run(Duration before, Fault fault, Duration after) throws Exception {
        Instant start = Instant.now();
        int takenOverBefore = Mails.claimsTakenOver(instances.all());
        String tag = "m" + Integer.toHexString(name.hashCode());
        Map<SampleInstance, DrillLoad> loads = new LinkedHashMap<>();
        for (SampleInstance instance : instances.all()) {
            loads.put(instance, DrillLoad.start(instance.http(), tag + "-" + instance.name(), KEYED, UNKEYED));
        }
        Thread.sleep(before); // writes flow before the fault
        Instant faultAt = fault == NONE ? null : Instant.now();
        fault.strike();
        long lastIdAtFault = instances.storedNotes().keySet().stream().mapToLong(Long::longValue).max().orElse(0);
        List<DrillLoad.Attempt> attempts = new ArrayList<>();
        for (Map.Entry<SampleInstance, DrillLoad> load : loads.entrySet()) {
            if (!load.getKey().alive()) {
                attempts.addAll(load.getValue().stop(PATIENCE));
            }
        }
        Thread.sleep(after); // the survivors' writers go on
        for (Map.Entry<SampleInstance, DrillLoad> load : loads.entrySet()) {
            if (load.getKey().alive()) {
                attempts.addAll(load.getValue().stop(PATIENCE));
            }
        }
        Duration ran = Duration.between(start, Instant.now());
        Set<String> acknowledged = new HashSet<>();
        attempts.stream().filter(a -> a.status() == 201).forEach(a -> acknowledged.add(a.text()));
        await("every stored note mailed").atMost(lease.multipliedBy(3).plusSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> instances.mails().notes().containsAll(instances.storedNotes().keySet()));
        Map<Long, String> stored = new HashMap<>(instances.storedNotes());
        stored.values().removeIf(text -> !text.startsWith(tag + "-")); // this drill's notes only
        // a late second mail would come within a lease (and a round) of the last claim: wait for that much quiet
        AtomicInteger seen = new AtomicInteger(-1);
        await("no new mail for a lease").during(lease.plusSeconds(1)).atMost(lease.multipliedBy(3).plusSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> seen.getAndSet(instances.mails().all().size()) == instances.mails().all().size());
        return MailReport.of(name, ran, acknowledged, stored, instances.mails().only(stored.keySet()), faultAt,
                lastIdAtFault, Mails.claimsTakenOver(instances.all()) - takenOverBefore);
    }
}
