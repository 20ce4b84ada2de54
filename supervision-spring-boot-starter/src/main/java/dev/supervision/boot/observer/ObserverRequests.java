package dev.supervision.boot.observer;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The observer's two answers, which {@link ObserverHandlerMapping} routes to. */
public final class ObserverRequests {

    private static final Resource PAGE = new ClassPathResource("dev/supervision/boot/observer/index.html");

    private final ObserverConnections connections;

    /** Answers with the page, or with a stream of {@code connections}. */
    public ObserverRequests(ObserverConnections connections) {
        this.connections = connections;
    }

    /** The page: plain HTML, CSS and JavaScript shipped in the starter's jar. */
    public ResponseEntity<Resource> page() {
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).contentType(MediaType.TEXT_HTML).body(PAGE);
    }

    /** The live tree, as Server-Sent Events named {@code tree}. */
    public SseEmitter stream() {
        return connections.open();
    }
}
