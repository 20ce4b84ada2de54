package dev.supervision.sample.web;

import dev.supervision.process.CallException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Turns failures into JSON errors: {@code 400} for bad input, {@code 503} with {@code Retry-After}
 * when the connector cannot answer (down, restarting, crashed on this request, or too slow). Never a
 * {@code 500} with a stack trace.
 */
@RestControllerAdvice
public class ApiErrors {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    /** Retry after this many seconds. */
    static final String RETRY_AFTER_SECONDS = "1";

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ApiError> invalid(MethodArgumentNotValidException e) {
        String message = e.getBindingResult().getFieldErrors().stream()
                .map(error -> error.getField() + ": " + error.getDefaultMessage())
                .findFirst().orElse("invalid request");
        return ResponseEntity.badRequest().body(new ApiError(400, message));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
        return ResponseEntity.badRequest().body(new ApiError(400, "malformed JSON: expected {\"text\": \"...\"}"));
    }

    @ExceptionHandler(CallException.class)
    ResponseEntity<ApiError> unavailable(CallException e) {
        log.warn("The database connector could not answer: {}", e.getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header("Retry-After", RETRY_AFTER_SECONDS)
                .body(new ApiError(503, "the database is unavailable, retry shortly: " + e.getMessage()));
    }
}
