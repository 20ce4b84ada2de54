package dev.supervision.genserver;

/**
 * The message {@code handleInfo} receives when an {@link Action#timeout idle timeout} passes with no
 * other message (OTP's {@code timeout} atom).
 */
public record IdleTimeout() {

    /** The one instance. */
    public static final IdleTimeout INSTANCE = new IdleTimeout();
}
