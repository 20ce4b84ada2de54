package dev.supervision.sample.web;

import dev.supervision.boot.web.CallOutcome;
import dev.supervision.boot.web.CallProblems;
import dev.supervision.process.CallException;
import dev.supervision.process.MessageRendering;
import dev.supervision.sample.db.InsertOutcome;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error the API answers is an RFC 9457 problem document ({@code application/problem+json},
 * whatever the {@code Accept} header): {@code 400} naming the {@code field} for bad input, {@code 409}
 * or {@code 422} for a conflict, {@code 503} with {@code Retry-After} and an {@code outcome} when the
 * connector cannot answer, Spring's own {@code 404}, {@code 405}, {@code 406}, {@code 415}, and
 * {@code 500} for anything unforeseen. Answers quote at most {@value #ECHO_LIMIT} characters of input
 * and never a pid, an exception class or a driver message: those go to the log with an
 * {@code errorId} that the answer carries.
 */
@RestControllerAdvice
public class ApiErrors extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    private static final String NOTES = "/api/notes";

    /** The most characters of a client's input an answer quotes. */
    static final int ECHO_LIMIT = 100;

    private final CallProblems calls;

    /**
     * Answers failed connector calls with the starter's {@code 503} ({@code outcome}, {@code Retry-After}
     * from the connector's real backoff) and this API's own wording.
     */
    public ApiErrors(CallProblems calls) {
        this.calls = calls;
    }

    /** {@code 400}: the input names its field. */
    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidInputException e, HttpServletRequest request) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, e.getMessage(), request.getRequestURI());
        problem.setProperty("field", e.field());
        return answer(problem);
    }

    /**
     * {@code 503}: the connector is not there, too slow, or died on the call. The starter would answer
     * it too, but this advice's catch-all comes first, and the wording names the idempotency key.
     */
    @ExceptionHandler(CallException.class)
    ResponseEntity<ProblemDetail> unavailable(CallException e, HttpServletRequest request) {
        return calls.answer(e, detail(CallOutcome.of(e)), instance(request.getRequestURI()));
    }

    /** {@code 500}: a bug; the log has the details under the answer's {@code errorId}. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        String errorId = errorId();
        log.error("unexpected error, errorId={}", errorId, e);
        ProblemDetail problem = problem(HttpStatus.INTERNAL_SERVER_ERROR, "unexpected error; quote the errorId",
                request.getRequestURI());
        problem.setProperty("errorId", errorId);
        return answer(problem);
    }

    /** {@code 422}: the key was used before for another text; nothing was stored. */
    ResponseEntity<ProblemDetail> keyReused() {
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, NoteInput.IDEMPOTENCY_KEY
                + " was used before with a different text; nothing was stored (use a new key for a new note)", NOTES);
        problem.setProperty("field", NoteInput.IDEMPOTENCY_KEY);
        return answer(problem);
    }

    /** {@code 400} (data exception) or {@code 409} (integrity violation): the database refused this request. */
    ResponseEntity<ProblemDetail> rejected(InsertOutcome.Rejected rejected) {
        String errorId = errorId();
        log.warn("the database refused a note, errorId={}, sqlState={}: {}", errorId, rejected.sqlState(),
                MessageRendering.escape(String.valueOf(rejected.driverMessage()), 500));
        boolean integrity = rejected.sqlState().startsWith("23");
        ProblemDetail problem = problem(integrity ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST, integrity
                ? "the note conflicts with one stored; nothing was stored"
                : "the database cannot store this text; nothing was stored", NOTES);
        problem.setProperty("field", "text");
        problem.setProperty("errorId", errorId);
        return answer(problem);
    }

    /** {@code 503} not attempted: the connector dropped the insert because its deadline had passed. */
    ResponseEntity<ProblemDetail> expired() {
        ProblemDetail problem = problem(HttpStatus.SERVICE_UNAVAILABLE, detail(CallOutcome.NOT_ATTEMPTED), NOTES);
        problem.setProperty("outcome", CallOutcome.NOT_ATTEMPTED.value());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST,
                "the body must be JSON such as {\"text\": \"...\"}", path(request));
        problem.setProperty("field", "body");
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    /** Spring's own problems: JSON whatever the {@code Accept}, and their details bounded. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        HttpHeaders problemHeaders = new HttpHeaders();
        problemHeaders.putAll(headers);
        problemHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        ResponseEntity<Object> entity = super.handleExceptionInternal(ex, body, problemHeaders, statusCode, request);
        if (entity != null && entity.getBody() instanceof ProblemDetail problem) {
            if (problem.getDetail() != null) {
                problem.setDetail(MessageRendering.escape(problem.getDetail(), ECHO_LIMIT));
            }
            if (problem.getInstance() == null) {
                problem.setInstance(instance(path(request)));
            }
        }
        return entity;
    }

    private static String detail(CallOutcome outcome) {
        return switch (outcome) {
            case NOT_ATTEMPTED -> "the database connector is restarting and nothing was written; retry";
            case UNKNOWN -> "the database connector did not answer in time or stopped during the request, so the"
                    + " write may or may not be stored; retry with the same " + NoteInput.IDEMPOTENCY_KEY;
        };
    }

    /** A problem whose detail is ours (it quotes no input) and whose instance is the path, bounded. */
    private static ProblemDetail problem(HttpStatus status, String detail, String path) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setInstance(instance(path));
        return problem;
    }

    /**
     * The request's path as the problem's {@code instance}, cut after {@value #ECHO_LIMIT} characters
     * (Spring would otherwise put the whole path there). The path is still percent-encoded as it came.
     */
    static URI instance(String path) {
        String bounded = path == null ? "/" : path.length() <= ECHO_LIMIT ? path : path.substring(0, ECHO_LIMIT);
        int percent = bounded.lastIndexOf('%');
        if (percent >= 0 && percent > bounded.length() - 3) {
            bounded = bounded.substring(0, percent); // not half an escape
        }
        try {
            return URI.create(bounded);
        } catch (IllegalArgumentException e) {
            return URI.create("/");
        }
    }

    private static String path(WebRequest request) {
        return request instanceof ServletWebRequest servlet ? servlet.getRequest().getRequestURI() : "/";
    }

    private static ResponseEntity<ProblemDetail> answer(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static String errorId() {
        return UUID.randomUUID().toString();
    }
}
