/**
 * Auto-configuration of the supervision meters, whose runtime classes live in
 * {@code dev.supervision.boot.metrics}.
 */
package dev.supervision.boot.autoconfigure.metrics;
