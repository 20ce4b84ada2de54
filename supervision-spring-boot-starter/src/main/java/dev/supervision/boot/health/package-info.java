/**
 * The {@code supervision} health indicator. Configured by
 * {@code dev.supervision.boot.autoconfigure.health}; uses {@code dev.supervision.boot} and the core.
 */
package dev.supervision.boot.health;
