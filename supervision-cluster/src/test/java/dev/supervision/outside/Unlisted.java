package dev.supervision.outside;

import dev.supervision.process.Request;

/**
 * A type that no member allowlists: it must never be decoded anywhere.
 *
 * @param text anything
 */
public record Unlisted(String text) implements Request<String> {
}
