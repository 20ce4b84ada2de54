/**
 * Auto-configuration of the {@code supervision} health indicator, whose runtime class lives in
 * {@code dev.supervision.boot.health}.
 */
package dev.supervision.boot.autoconfigure.health;
