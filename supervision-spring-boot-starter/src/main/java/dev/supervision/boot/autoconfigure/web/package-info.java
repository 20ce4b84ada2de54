/**
 * Auto-configuration of the HTTP answers for failed calls, whose runtime classes live in
 * {@code dev.supervision.boot.web}.
 */
package dev.supervision.boot.autoconfigure.web;
