package dev.supervision.boot.slice;

import dev.supervision.process.ProcessRef;
import dev.supervision.process.ProcessRuntime;
import java.time.Duration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The application's controller: it calls the {@code greeter} process through the injected runtime. */
@RestController
public class GreetingController {

    private final ProcessRuntime runtime;

    /** Injects the application's runtime (never {@code ProcessRuntime.create()} in a Spring app). */
    public GreetingController(ProcessRuntime runtime) {
        this.runtime = runtime;
    }

    @GetMapping("/greeting")
    String greeting(@RequestParam String who) {
        return runtime.call(ProcessRef.named("greeter"), new Greeter.Greet(who), Duration.ofSeconds(2));
    }
}
