/**
 * Auto-configuration of the observer page, whose runtime classes live in
 * {@code dev.supervision.boot.observer}.
 */
package dev.supervision.boot.autoconfigure.observer;
