/**
 * A test kit for applications built on Supervision: {@link dev.supervision.test.SupervisionExtension}
 * gives each JUnit test its own runtime and stops what the test started under supervision (Elixir's
 * {@code start_supervised}); {@link dev.supervision.test.TestProbe} is a real process that expects a
 * message, an {@code EXIT} or a {@code DOWN} within a timeout and says what arrived instead;
 * {@link dev.supervision.test.Restarts} waits for a supervisor to restart a process. The manual
 * supervisor clock, {@link dev.supervision.supervisor.ManualClock}, lives in the core, whose own tests
 * use it too.
 *
 * <p>Uses the core and JUnit Jupiter's API only.
 */
package dev.supervision.test;
