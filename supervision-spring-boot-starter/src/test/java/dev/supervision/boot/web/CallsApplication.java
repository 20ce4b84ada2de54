package dev.supervision.boot.web;

import dev.supervision.boot.TestGenServers;
import dev.supervision.process.CallTimeoutException;
import dev.supervision.process.NoProcessException;
import dev.supervision.process.ProcessRef;
import dev.supervision.process.ProcessRuntime;
import java.time.Duration;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A web application whose controllers let failed calls escape, and one with its own handler. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({TestGenServers.BothServers.class, CallsApplication.Calls.class, CallsApplication.Own.class,
        CallsApplication.OwnHandler.class})
public class CallsApplication {

    /** Calls a server by name; nothing catches what fails. */
    @RestController
    static class Calls {
        private final ProcessRuntime runtime;

        Calls(ProcessRuntime runtime) {
            this.runtime = runtime;
        }

        @GetMapping("/who/{name}")
        Object who(@PathVariable String name) {
            return runtime.call(ProcessRef.named(name), new TestGenServers.Who());
        }

        @GetMapping("/slow")
        Object slow() {
            throw new CallTimeoutException(ProcessRef.named("dbconnector"), new TestGenServers.Who(),
                    Duration.ofSeconds(1));
        }
    }

    /** A controller whose application handler answers failed calls itself. */
    @RestController
    static class Own {
        @GetMapping("/own")
        Object own() {
            throw new NoProcessException(ProcessRef.named("nobody"));
        }
    }

    /** The application's own handler, for {@link Own} only: it wins over the starter's. */
    @RestControllerAdvice(assignableTypes = Own.class)
    static class OwnHandler {
        @ExceptionHandler(NoProcessException.class)
        ResponseEntity<String> mine(NoProcessException e) {
            return ResponseEntity.status(HttpStatus.I_AM_A_TEAPOT).body("mine");
        }
    }
}
