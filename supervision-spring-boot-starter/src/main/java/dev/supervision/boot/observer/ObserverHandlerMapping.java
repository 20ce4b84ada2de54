package dev.supervision.boot.observer;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.handler.AbstractHandlerMapping;

/**
 * Serves the observer at the {@code supervision} endpoint's own path, to the clients that ask for it
 * by name: a {@code GET} that prefers {@code text/html} (a browser) gets the page, one that prefers
 * {@code text/event-stream} (the page's {@code EventSource}) gets the live stream. Every other request
 * (JSON, a wildcard, any sub-path) falls through to the actuator's own mapping, which it runs
 * just before. Registered in the management context, it answers where the actuator answers, and a
 * security rule for the endpoint's path covers it.
 */
public final class ObserverHandlerMapping extends AbstractHandlerMapping {

    /** Just before Spring Boot's web endpoint mapping, whose order is -100. */
    public static final int ORDER = -110;

    private final String path;
    private final HandlerMethod page;
    private final HandlerMethod stream;

    /**
     * Maps {@code path} to {@code requests}.
     *
     * @param path the endpoint's path, such as {@code /actuator/supervision}
     * @param requests the page and the stream
     */
    public ObserverHandlerMapping(String path, ObserverRequests requests) {
        this.path = Objects.requireNonNull(path, "the supervision endpoint has no web path: it is not exposed over HTTP");
        try {
            this.page = new HandlerMethod(requests, ObserverRequests.class.getMethod("page"));
            this.stream = new HandlerMethod(requests, ObserverRequests.class.getMethod("stream"));
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
        setOrder(ORDER);
    }

    @Override
    protected Object getHandlerInternal(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod()) || !path.equals(initLookupPath(request))) {
            return null;
        }
        return preferred(request.getHeader("Accept")).map(type -> {
            if (type.isCompatibleWith(MediaType.TEXT_EVENT_STREAM)) {
                return stream;
            }
            return type.isCompatibleWith(MediaType.TEXT_HTML) ? page : null;
        }).orElse(null);
    }

    /** The concrete media type the client rates highest (the first of equals), ignoring wildcards. */
    private static Optional<MediaType> preferred(String accept) {
        if (accept == null) {
            return Optional.empty();
        }
        List<MediaType> types;
        try {
            types = MediaType.parseMediaTypes(accept);
        } catch (InvalidMediaTypeException malformed) {
            return Optional.empty();
        }
        MediaType best = null;
        for (MediaType type : types) {
            boolean concrete = !type.isWildcardType() && !type.isWildcardSubtype();
            if (concrete && type.getQualityValue() > 0 && (best == null || type.getQualityValue() > best.getQualityValue())) {
                best = type;
            }
        }
        return Optional.ofNullable(best);
    }
}
