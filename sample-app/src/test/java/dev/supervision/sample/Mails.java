package dev.supervision.sample;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The "mails" instances sent, read from their output: the mailer's {@code Mail: note ID <MESSAGE-ID> by
 * INSTANCE} lines, the way a mail server would see them arrive.
 *
 * @param all every mail, in no particular order across instances
 */
record Mails(List<Mails.Mail> all) {

    /**
     * One mail.
     *
     * @param noteId the note it carried
     * @param messageId its Message-ID
     * @param instance the instance that sent it
     * @param resend whether the sender flagged it as the re-send of a claim taken over while being sent
     * @param arrived when the test read the line
     */
    record Mail(long noteId, String messageId, String instance, boolean resend, Instant arrived) {
    }

    private static final Pattern TAKEN_OVER = Pattern.compile("Mail claims taken over: (\\d+) by ");
    private static final Pattern LINE = Pattern.compile("Mail: note (\\d+) (<[^>]+>) by (\\S+) \".*");

    /** The mails in the output of {@code instances}. */
    static Mails of(List<SampleInstance> instances) {
        return new Mails(instances.stream().flatMap(instance -> instance.lines().stream())
                .map(Mails::parse).filter(java.util.Objects::nonNull).toList());
    }

    private static Mail parse(SampleInstance.Line line) {
        Matcher matcher = LINE.matcher(line.text());
        if (!matcher.find()) {
            return null;
        }
        return new Mail(Long.parseLong(matcher.group(1)), matcher.group(2), matcher.group(3),
                line.text().endsWith(")") && line.text().contains("\" (again: "), line.arrived());
    }

    /** Only the mails of {@code notes}. */
    Mails only(Set<Long> notes) {
        return new Mails(all.stream().filter(mail -> notes.contains(mail.noteId())).toList());
    }

    /** How many claims the mailers of {@code instances} took over, by their log. */
    static int claimsTakenOver(List<SampleInstance> instances) {
        return instances.stream().flatMap(instance -> instance.lines().stream()).map(line -> TAKEN_OVER.matcher(line.text()))
                .filter(Matcher::find).mapToInt(matcher -> Integer.parseInt(matcher.group(1))).sum();
    }

    /** How many mails each note got. */
    Map<Long, Long> perNote() {
        return all.stream().collect(Collectors.groupingBy(Mail::noteId, Collectors.counting()));
    }

    /** The notes mailed at least once. */
    Set<Long> notes() {
        return perNote().keySet();
    }

    /** The notes mailed more than once. */
    Set<Long> duplicated() {
        return perNote().entrySet().stream().filter(note -> note.getValue() > 1).map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }

    /** How many mails each instance sent. */
    Map<String, Long> perInstance() {
        return all.stream().collect(Collectors.groupingBy(Mail::instance, Collectors.counting()));
    }

    /** The mails of {@code noteId}. */
    List<Mail> of(long noteId) {
        return all.stream().filter(mail -> mail.noteId() == noteId).toList();
    }
}
