package dev.supervision.cluster;

import java.time.Duration;

/**
 * How a node finds out that another one is gone. A killed member is seen at once, by its connection
 * closing (a closed connection is evidence enough, as in Erlang, so nothing here delays that); these
 * settings cover what closes no connection:
 *
 * <ul>
 *   <li>{@code heartbeatTimeout}: a member that sent no heartbeat for this long (a hung process, a long
 *       GC pause, a cut network) is taken as down (JGroups' FD_ALL3 {@code timeout}). Too short and a GC
 *       pause makes a false nodedown, which moves singletons and fires {@code noconnection}; too long
 *       and a hung member keeps its singletons and names that long.</li>
 *   <li>{@code heartbeatInterval}: how often each member sends its heartbeat (FD_ALL3 {@code interval});
 *       below the timeout, so that several heartbeats fit in it.</li>
 *   <li>{@code mergeInterval}: how long, at most, between two of MERGE3's looks for other sides of a
 *       partition (its {@code max_interval}; the shortest is a third of it). It bounds how long a healed
 *       partition, or a member that resumed after a hang, stays split (MERGE3 checks its views every 1.6
 *       times it).</li>
 * </ul>
 *
 * <p>Every instance is valid: each duration lies within {@link #SHORTEST} and {@link #LONGEST}, and the
 * interval is below the timeout; a rejected value throws an {@link InvalidSettingException} naming the
 * setting and the value.
 *
 * @param heartbeatTimeout silence after which a member is down; default 3 s
 * @param heartbeatInterval time between two heartbeats; default 1 s
 * @param mergeInterval longest time between two looks for other sides of a partition; default 3 s
 */
public record FailureDetection(Duration heartbeatTimeout, Duration heartbeatInterval, Duration mergeInterval) {

    /** The shortest duration accepted: JGroups' timers do not work at a finer grain. */
    public static final Duration SHORTEST = Duration.ofMillis(10);
    /** The longest duration accepted: beyond a day a hung member would hold its place indefinitely. */
    public static final Duration LONGEST = Duration.ofDays(1);

    private static final FailureDetection DEFAULTS =
            new FailureDetection(Duration.ofSeconds(3), Duration.ofSeconds(1), Duration.ofSeconds(3));

    /** The settings of {@link FailureDetection}, as errors name them. */
    public enum Setting {
        /** {@link FailureDetection#heartbeatTimeout()}. */
        HEARTBEAT_TIMEOUT("heartbeat timeout"),
        /** {@link FailureDetection#heartbeatInterval()}. */
        HEARTBEAT_INTERVAL("heartbeat interval"),
        /** {@link FailureDetection#mergeInterval()}. */
        MERGE_INTERVAL("merge interval");

        private final String label;

        Setting(String label) {
            this.label = label;
        }

        /** The setting's name in words, such as {@code heartbeat timeout}. */
        public String label() {
            return label;
        }
    }

    /**
     * A failure-detection setting that was refused.
     *
     * @see #setting()
     */
    public static final class InvalidSettingException extends IllegalArgumentException {

        private static final long serialVersionUID = 1L;

        /** The refused setting. */
        private final Setting setting;
        /** Why it was refused, without the setting's name or value. */
        private final String reason;

        InvalidSettingException(Setting setting, Duration value, String reason) {
            super("failure detection: the " + setting.label() + (value == null ? "" : " " + value) + " " + reason);
            this.setting = setting;
            this.reason = reason;
        }

        /** Which setting was refused. */
        public Setting setting() {
            return setting;
        }

        /** Why, such as {@code must be below the heartbeat timeout (PT3S)}. */
        public String reason() {
            return reason;
        }
    }

    /** Validates: each duration within {@link #SHORTEST}-{@link #LONGEST}, the interval below the timeout. */
    public FailureDetection {
        requireWithinBounds(Setting.HEARTBEAT_TIMEOUT, heartbeatTimeout);
        requireWithinBounds(Setting.HEARTBEAT_INTERVAL, heartbeatInterval);
        requireWithinBounds(Setting.MERGE_INTERVAL, mergeInterval);
        if (heartbeatInterval.compareTo(heartbeatTimeout) >= 0) {
            throw new InvalidSettingException(Setting.HEARTBEAT_INTERVAL, heartbeatInterval,
                    "must be below the heartbeat timeout (" + heartbeatTimeout + ")");
        }
    }

    /** Heartbeats every second, a member down after 3 s of silence, partitions looked for every 1-3 s. */
    public static FailureDetection defaults() {
        return DEFAULTS;
    }

    /** With another heartbeat timeout and interval (set together, since the interval must stay below the timeout). */
    public FailureDetection withHeartbeat(Duration timeout, Duration interval) {
        return new FailureDetection(timeout, interval, mergeInterval);
    }

    /** With another merge interval. */
    public FailureDetection withMergeInterval(Duration interval) {
        return new FailureDetection(heartbeatTimeout, heartbeatInterval, interval);
    }

    private static void requireWithinBounds(Setting setting, Duration value) {
        if (value == null) {
            throw new InvalidSettingException(setting, null, "must be set");
        }
        if (value.compareTo(SHORTEST) < 0) {
            throw new InvalidSettingException(setting, value, "must be at least " + SHORTEST.toMillis() + " ms");
        }
        if (value.compareTo(LONGEST) > 0) {
            throw new InvalidSettingException(setting, value, "must be at most " + LONGEST.toDays() + " day");
        }
    }
}
