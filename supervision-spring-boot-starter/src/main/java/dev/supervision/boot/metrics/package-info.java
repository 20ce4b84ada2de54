/**
 * The Micrometer meters of the supervision runtime, kept up to date from its events. Configured by
 * {@code dev.supervision.boot.autoconfigure.metrics}; uses {@code dev.supervision.boot} and the core.
 */
package dev.supervision.boot.metrics;
