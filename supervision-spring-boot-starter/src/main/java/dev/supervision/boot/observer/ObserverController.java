package dev.supervision.boot.observer;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The observer page and its event stream, under the management base path ({@code /actuator/observer}
 * by default), so whatever secures {@code /actuator/**} secures them too. Present only with
 * {@code supervision.observer.enabled=true}; otherwise both answer {@code 404}.
 */
@RestController
public class ObserverController {

    private static final Resource PAGE = new ClassPathResource("dev/supervision/boot/observer/index.html");

    private final ObserverStream stream;

    /** Serves the page and {@code stream}. */
    public ObserverController(ObserverStream stream) {
        this.stream = stream;
    }

    /** The page: plain HTML, CSS and JavaScript shipped in the starter's jar. */
    @GetMapping(path = "${management.endpoints.web.base-path:/actuator}/observer", produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<Resource> page() {
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).contentType(MediaType.TEXT_HTML).body(PAGE);
    }

    /** The live tree, as Server-Sent Events named {@code tree}. */
    @GetMapping(path = "${management.endpoints.web.base-path:/actuator}/observer/stream",
            produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public SseEmitter stream() {
        return stream.open();
    }
}
