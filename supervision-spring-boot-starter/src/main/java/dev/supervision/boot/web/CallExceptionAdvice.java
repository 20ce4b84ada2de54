package dev.supervision.boot.web;

import dev.supervision.process.CallException;
import dev.supervision.process.CallTimeoutException;
import dev.supervision.process.NoProcessException;
import dev.supervision.process.ServerExitException;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Answers a failed call that escapes a controller ({@link NoProcessException},
 * {@link CallTimeoutException}, {@link ServerExitException}) with {@link CallProblems}' {@code 503}.
 * It has the lowest precedence, so an application's own handlers win; off with
 * {@code supervision.web.problem-details.enabled=false}.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class CallExceptionAdvice {

    private final CallProblems problems;

    /**
     * Answers with {@code problems}.
     *
     * @param problems builds the answers
     */
    public CallExceptionAdvice(CallProblems problems) {
        this.problems = problems;
    }

    /**
     * {@code 503} not attempted: the target is not there, for example while it restarts.
     *
     * @param failure the failure
     * @param request the request
     * @return the problem document
     */
    @ExceptionHandler(NoProcessException.class)
    public ResponseEntity<ProblemDetail> notThere(NoProcessException failure, HttpServletRequest request) {
        return problems.answer(failure, "the service is restarting and the request was not attempted; retry",
                instance(request));
    }

    /**
     * {@code 503} unknown: the call timed out or its server exited during it.
     *
     * @param failure the failure
     * @param request the request
     * @return the problem document
     */
    @ExceptionHandler({CallTimeoutException.class, ServerExitException.class})
    public ResponseEntity<ProblemDetail> unknown(CallException failure, HttpServletRequest request) {
        return problems.answer(failure,
                "the service did not answer in time or stopped during the request, so it may or may not have"
                        + " taken effect", instance(request));
    }

    private static URI instance(HttpServletRequest request) {
        try {
            String path = request.getRequestURI();
            return URI.create(path.length() <= 100 ? path : path.substring(0, 100));
        } catch (IllegalArgumentException notAUri) {
            return null;
        }
    }
}
