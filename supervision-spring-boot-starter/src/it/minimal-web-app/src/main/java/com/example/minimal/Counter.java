package com.example.minimal;

import dev.supervision.boot.GenServer;
import dev.supervision.genserver.*;
import dev.supervision.process.*;

@GenServer(name = "counter")                       // bean "counter", registered as counter
public class Counter implements GenServerBehaviour<Integer> {
    public record Increment() implements Request<Integer> {}

    public Init<Integer> init(Object arg) { return Init.ok(0); }

    public CallResult<Integer> handleCall(Object request, ReplyTo from, Integer count) {
        return new Reply<>(count + 1, count + 1);
    }
}
