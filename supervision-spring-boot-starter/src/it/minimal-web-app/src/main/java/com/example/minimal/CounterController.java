package com.example.minimal;

import dev.supervision.process.*;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class CounterController {
    private final ProcessRuntime runtime;          // the application's node, from the starter
    public CounterController(ProcessRuntime runtime) { this.runtime = runtime; }

    @PostMapping("/count")
    int count() {                                  // a failed call becomes a 503 problem by itself
        return runtime.call(ProcessRef.named("counter"), new Counter.Increment());
    }
}
