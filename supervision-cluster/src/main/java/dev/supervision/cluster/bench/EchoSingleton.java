package dev.supervision.cluster.bench;

import dev.supervision.genserver.CallResult;
import dev.supervision.genserver.GenServerBehaviour;
import dev.supervision.genserver.Init;
import dev.supervision.genserver.Reply;
import dev.supervision.process.ReplyTo;

/** The cluster singleton of {@code dist_singleton_failover}: answers every call with its request. */
final class EchoSingleton implements GenServerBehaviour<Object> {

    /** Its id and registered name. */
    static final String NAME = "bench_singleton";

    @Override
    public Init<Object> init(Object arg) {
        return Init.ok(arg == null ? "" : arg);
    }

    @Override
    public CallResult<Object> handleCall(Object request, ReplyTo from, Object state) {
        return new Reply<>(request, state);
    }
}
