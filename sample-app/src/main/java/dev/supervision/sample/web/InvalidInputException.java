package dev.supervision.sample.web;

/**
 * A request the API refuses before it reaches the connector: a {@code 400} problem document naming
 * {@link #field()}. The message never quotes more than a bounded piece of the input.
 */
public final class InvalidInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;

    /** {@code field} is wrong: {@code problem} says how. */
    public InvalidInputException(String field, String problem) {
        super(problem);
        this.field = field;
    }

    /** The field or header at fault, such as {@code text} or {@code Idempotency-Key}. */
    public String field() {
        return field;
    }
}
