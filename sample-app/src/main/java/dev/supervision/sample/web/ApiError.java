package dev.supervision.sample.web;

/**
 * The JSON body of every error the API answers.
 *
 * @param status the HTTP status
 * @param error what went wrong
 */
public record ApiError(int status, String error) {
}
