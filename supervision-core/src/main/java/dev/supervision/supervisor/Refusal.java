package dev.supervision.supervisor;

/** The answer to an admin call the supervisor refused; the caller's side turns it into a {@link SupervisorException}. */
record Refusal(SupervisorException.Problem problem, Object child) {
}
