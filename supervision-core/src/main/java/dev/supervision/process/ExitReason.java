package dev.supervision.process;

import java.util.Objects;

/**
 * Why a process ended, or the reason an exit signal carries. Reasons are values, as in Erlang.
 *
 * <table>
 *   <caption>Reasons and their Erlang names</caption>
 *   <tr><th>Java</th><th>Erlang</th><th>meaning</th></tr>
 *   <tr><td>{@link Normal}</td><td>{@code normal}</td><td>the process finished its work</td></tr>
 *   <tr><td>{@link Shutdown}</td><td>{@code shutdown}, {@code {shutdown,Term}}</td><td>it was asked to stop</td></tr>
 *   <tr><td>{@link Kill}</td><td>{@code kill}</td><td>the untrappable signal; as a reason, propagated through a link</td></tr>
 *   <tr><td>{@link Killed}</td><td>{@code killed}</td><td>it was killed with the {@code kill} signal</td></tr>
 *   <tr><td>{@link NoProc}</td><td>{@code noproc}</td><td>there was no such process</td></tr>
 *   <tr><td>{@link NoConnection}</td><td>{@code noconnection}</td><td>its node could not be reached</td></tr>
 *   <tr><td>{@link Crash}</td><td>{@code {Error,Stack}}</td><td>its code threw an exception</td></tr>
 *   <tr><td>{@link Other}</td><td>any term</td><td>any other reason, e.g. {@code boom}</td></tr>
 * </table>
 *
 * <p>Only {@code normal}, {@code shutdown} and {@code {shutdown,Term}} count as normal ({@link #isNormal()}):
 * they do not restart a transient child and produce no crash report.
 */
public sealed interface ExitReason {

    /** {@code normal}. */
    ExitReason NORMAL = new Normal();
    /** {@code shutdown}. */
    ExitReason SHUTDOWN = new Shutdown(null);
    /** {@code kill}: sent with {@code exit(pid, kill)} it kills untrappably; as a reason it came through a link. */
    ExitReason KILL = new Kill();
    /** {@code killed}: the reason of a process that was sent {@code kill}. */
    ExitReason KILLED = new Killed();
    /** {@code noproc}. */
    ExitReason NOPROC = new NoProc();
    /** {@code noconnection}. */
    ExitReason NOCONNECTION = new NoConnection();

    /** {@code {shutdown, detail}}. */
    static ExitReason shutdown(Object detail) {
        return new Shutdown(Objects.requireNonNull(detail, "detail"));
    }

    /** The reason for a process whose code threw {@code error}. */
    static ExitReason crash(Throwable error) {
        return new Crash(error);
    }

    /** Any other reason, e.g. {@code ExitReason.of("boom")}; the well-known names map to their reasons. */
    static ExitReason of(Object term) {
        if (term instanceof ExitReason reason) {
            return reason;
        }
        if (term instanceof String name) {
            switch (name) {
                case "normal": return NORMAL;
                case "shutdown": return SHUTDOWN;
                case "kill": return KILL;
                case "killed": return KILLED;
                case "noproc": return NOPROC;
                case "noconnection": return NOCONNECTION;
                default: break;
            }
        }
        if (term instanceof Throwable error) {
            return crash(error);
        }
        return new Other(term);
    }

    /** Whether this is {@code normal}, {@code shutdown} or {@code {shutdown,_}}. */
    default boolean isNormal() {
        return this instanceof Normal || this instanceof Shutdown;
    }

    /** The finished its work reason. */
    record Normal() implements ExitReason {
        @Override
        public String toString() {
            return "normal";
        }
    }

    /**
     * Asked to stop; {@code detail} is {@code null} for plain {@code shutdown}.
     *
     * @param detail the term of {@code {shutdown, Term}}, or null
     */
    record Shutdown(Object detail) implements ExitReason {
        @Override
        public String toString() {
            return detail == null ? "shutdown" : "{shutdown," + detail + "}";
        }
    }

    /** The untrappable kill signal, or a reason propagated from a process that died of it. */
    record Kill() implements ExitReason {
        @Override
        public String toString() {
            return "kill";
        }
    }

    /** Killed by the {@code kill} signal. */
    record Killed() implements ExitReason {
        @Override
        public String toString() {
            return "killed";
        }
    }

    /** No such process. */
    record NoProc() implements ExitReason {
        @Override
        public String toString() {
            return "noproc";
        }
    }

    /** The node of the process could not be reached. */
    record NoConnection() implements ExitReason {
        @Override
        public String toString() {
            return "noconnection";
        }
    }

    /**
     * The process's code threw.
     *
     * @param error what it threw
     */
    record Crash(Throwable error) implements ExitReason {
        /** Requires the error. */
        public Crash {
            Objects.requireNonNull(error, "error");
        }

        @Override
        public String toString() {
            return "{" + error.getClass().getName() + "," + error.getMessage() + "}";
        }
    }

    /**
     * Any other reason.
     *
     * @param term the reason's value
     */
    record Other(Object term) implements ExitReason {
        @Override
        public String toString() {
            return String.valueOf(term);
        }
    }
}
