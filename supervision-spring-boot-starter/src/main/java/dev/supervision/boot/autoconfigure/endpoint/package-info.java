/**
 * Auto-configuration of the {@code supervision} endpoint, whose runtime classes live in
 * {@code dev.supervision.boot.endpoint}.
 */
package dev.supervision.boot.autoconfigure.endpoint;
