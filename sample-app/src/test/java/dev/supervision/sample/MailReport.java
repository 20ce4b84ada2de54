package dev.supervision.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The figures of one mail drill on several instances, from the writers' answers, the table's rows and the
 * mails in the instances' output, and what every mail drill asserts: no acknowledged note lost, every
 * stored note mailed, no note mailed twice beyond what the drill's faults allow, and a note mailed twice
 * only as a flagged re-send under the same Message-ID.
 *
 * @param drill the drill's name
 * @param seconds how long the writers ran
 * @param acknowledged notes answered {@code 201}
 * @param stored notes in the table (the acknowledged ones and any stored behind a lost answer)
 * @param mails mails sent, counted per line, every instance together
 * @param perInstance mails per instance
 * @param duplicates notes mailed more than once
 * @param resends mails flagged as the re-send of a claim taken over while being sent
 * @param lost acknowledged notes never mailed
 * @param unmailed stored notes never mailed
 * @param leftAtFault notes stored by the time the fault had struck but not mailed before it
 * @param restMailedSeconds from the fault until the last of those was mailed; {@code 0} without a fault
 * @param claimsTakenOver claims a mailer took over: from a stopped, paused or slow one (its lease lapsed), or from its
 *        instance's earlier mailer
 * @param mailLines the mails themselves
 */
record MailReport(String drill, double seconds, int acknowledged, int stored, int mails, Map<String, Long> perInstance,
        int duplicates, int resends, int lost, int unmailed, int leftAtFault, double restMailedSeconds,
        int claimsTakenOver, Mails mailLines) {

    private static final DrillTable TABLE = new DrillTable("drills-mail.md",
            "| drill | s | notes acknowledged | notes stored | mails | mails per instance | duplicates | re-sends"
            + " | lost | unmailed | left unmailed at the fault | those mailed within (s) | claims taken over |\n"
            + "|---|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|");

    /**
     * The figures of a drill whose fault struck at {@code faultAt} ({@code null}: none), when the notes up
     * to {@code lastIdAtFault} were stored.
     */
    static MailReport of(String drill, Duration ran, Set<String> acknowledgedTexts, Map<Long, String> stored,
            Mails mails, Instant faultAt, long lastIdAtFault, int claimsTakenOver) {
        Set<String> mailedTexts = mails.notes().stream().map(stored::get).collect(Collectors.toSet());
        Map<Long, Instant> firstMail = mails.all().stream().collect(Collectors.toMap(Mails.Mail::noteId,
                Mails.Mail::arrived, (one, other) -> one.isBefore(other) ? one : other));
        List<Instant> rest = faultAt == null ? List.of() : firstMail.entrySet().stream()
                .filter(note -> note.getKey() <= lastIdAtFault && note.getValue().isAfter(faultAt))
                .map(Map.Entry::getValue).toList();
        Instant last = rest.stream().max(Instant::compareTo).orElse(faultAt);
        return new MailReport(drill, ran.toMillis() / 1000.0, acknowledgedTexts.size(), stored.size(), mails.all().size(),
                new TreeMap<>(mails.perInstance()), mails.duplicated().size(),
                (int) mails.all().stream().filter(Mails.Mail::resend).count(),
                (int) acknowledgedTexts.stream().filter(text -> !mailedTexts.contains(text)).count(),
                (int) stored.keySet().stream().filter(id -> !firstMail.containsKey(id)).count(),
                rest.size(), faultAt == null ? 0 : Duration.between(faultAt, last).toMillis() / 1000.0, claimsTakenOver, mails);
    }

    /**
     * Prints the row, appends it to {@code target/drills-mail.md}, and asserts: nothing lost or unmailed, at
     * most {@code allowedDuplicates} notes mailed twice (the faults' notes in hand), each of them a flagged
     * re-send under its one Message-ID.
     */
    MailReport printAndAssert(int allowedDuplicates) {
        TABLE.add(row());
        assertThat(acknowledged).as(drill + ": some notes acknowledged").isPositive();
        assertThat(lost).as(drill + ": acknowledged but never mailed").isZero();
        assertThat(unmailed).as(drill + ": stored but never mailed").isZero();
        assertThat(duplicates).as(drill + ": notes mailed twice").isLessThanOrEqualTo(allowedDuplicates);
        for (long note : mailLines.duplicated()) {
            assertThat(mailLines.of(note)).as(drill + ": the mails of note " + note)
                    .hasSize(2)
                    .anyMatch(Mails.Mail::resend)
                    .extracting(Mails.Mail::messageId).containsOnly(mailLines.of(note).getFirst().messageId());
        }
        if (allowedDuplicates == 0) {
            // a slow mailer's claims may lapse and be taken over (the fence stops it), but none while being sent
            assertThat(resends).as(drill + ": no mailer stopped while sending, so no re-send").isZero();
        }
        return this;
    }

    String row() {
        return String.format(Locale.ROOT, "| %s | %.1f | %,d | %,d | %,d | %s | %d | %d | %d | %d | %,d | %.1f | %d |", drill,
                seconds, acknowledged, stored, mails, perInstance.entrySet().stream()
                        .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")),
                duplicates, resends, lost, unmailed, leftAtFault, restMailedSeconds, claimsTakenOver);
    }
}
