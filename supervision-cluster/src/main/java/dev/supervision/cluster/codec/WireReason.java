package dev.supervision.cluster.codec;

import dev.supervision.process.ExitReason;

/**
 * An exit reason as it travels. The well-known reasons keep their identity; {@code {shutdown, Term}}
 * and any other reason travel as their printed form, and a crash as {@code {Class,message}} (the
 * exception itself never travels: it is decoded as {@link ExitReason.Other} of that text).
 *
 * @param kind normal, shutdown, kill, killed, noproc, noconnection or other
 * @param text the detail of a shutdown, the printed form of any other reason, or null
 */
public record WireReason(String kind, String text) {

    /** The wire form of {@code reason}. */
    public static WireReason of(ExitReason reason) {
        return switch (reason) {
            case ExitReason.Normal normal -> new WireReason("normal", null);
            case ExitReason.Shutdown shutdown ->
                    new WireReason("shutdown", shutdown.detail() == null ? null : String.valueOf(shutdown.detail()));
            case ExitReason.Kill kill -> new WireReason("kill", null);
            case ExitReason.Killed killed -> new WireReason("killed", null);
            case ExitReason.NoProc noProc -> new WireReason("noproc", null);
            case ExitReason.NoConnection noConnection -> new WireReason("noconnection", null);
            case ExitReason.Crash crash -> new WireReason("other", crash.toString());
            case ExitReason.Other other -> new WireReason("other", other.toString());
        };
    }

    /** The reason this stands for; an unknown kind reads as {@link ExitReason.Other}. */
    public ExitReason toReason() {
        return switch (kind == null ? "other" : kind) {
            case "normal" -> ExitReason.NORMAL;
            case "shutdown" -> text == null ? ExitReason.SHUTDOWN : ExitReason.shutdown(text);
            case "kill" -> ExitReason.KILL;
            case "killed" -> ExitReason.KILLED;
            case "noproc" -> ExitReason.NOPROC;
            case "noconnection" -> ExitReason.NOCONNECTION;
            default -> new ExitReason.Other(String.valueOf(text));
        };
    }
}
