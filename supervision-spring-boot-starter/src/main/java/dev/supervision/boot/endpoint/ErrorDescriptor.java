package dev.supervision.boot.endpoint;

/**
 * The body of a {@code 400} or {@code 404} from the {@code supervision} endpoint.
 *
 * @param error what was wrong
 */
public record ErrorDescriptor(String error) {
}
