/**
 * Supervisors (OTP's {@code supervisor} and Elixir's {@code DynamicSupervisor}): child specs,
 * strategies, restart intensity, backoff, the shutdown protocol, the admin API, events and snapshots.
 *
 * <p>Uses {@code dev.supervision.genserver}, {@code dev.supervision.process}, {@code dev.supervision.event}
 * and SLF4J.
 */
package dev.supervision.supervisor;
