/**
 * The GenServer behaviour (OTP's {@code gen_server}) on mailbox-driven processes: {@code init},
 * {@code handleCall}, {@code handleCast}, {@code handleInfo}, {@code handleContinue},
 * {@code terminate}, with results as records and synchronous start and stop.
 *
 * <p>Uses {@code dev.supervision.process} and SLF4J.
 */
package dev.supervision.genserver;
