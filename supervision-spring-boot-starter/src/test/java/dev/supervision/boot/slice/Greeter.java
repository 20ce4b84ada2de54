package dev.supervision.boot.slice;

import dev.supervision.boot.GenServer;
import dev.supervision.genserver.GenServerBehaviour;
import dev.supervision.genserver.Init;
import dev.supervision.genserver.Reply;
import dev.supervision.genserver.CallResult;
import dev.supervision.process.ReplyTo;
import dev.supervision.process.Request;

/** The application's GenServer, registered as {@code greeter}. */
@GenServer(name = "greeter")
public class Greeter implements GenServerBehaviour<Integer> {

    /** Asks for a greeting; the reply counts the greetings so far. */
    public record Greet(String who) implements Request<String> {
    }

    @Override
    public Init<Integer> init(Object arg) {
        return Init.ok(0);
    }

    @Override
    public CallResult<Integer> handleCall(Object request, ReplyTo from, Integer greeted) {
        Greet greet = (Greet) request;
        return new Reply<>("hello " + greet.who() + " #" + (greeted + 1), greeted + 1);
    }
}
