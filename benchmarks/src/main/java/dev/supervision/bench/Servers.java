package dev.supervision.bench;

import dev.supervision.genserver.CallResult;
import dev.supervision.genserver.GenServerBehaviour;
import dev.supervision.genserver.Init;
import dev.supervision.genserver.NoReply;
import dev.supervision.genserver.Reply;
import dev.supervision.genserver.Result;
import dev.supervision.genserver.Stop;
import dev.supervision.process.ExitReason;
import dev.supervision.process.ReplyTo;
import java.util.concurrent.CountDownLatch;

/** The small GenServers the workloads drive. */
final class Servers {

    private Servers() {
    }

    /** Asks an idle server to stop. */
    record Quit() {
    }

    /** The smallest useful GenServer: no state, idle until a {@link Quit} cast stops it. */
    static final class Idle implements GenServerBehaviour<Object> {
        @Override
        public Init<Object> init(Object arg) {
            return Init.ok(null);
        }

        @Override
        public Result<Object> handleCast(Object message, Object state) {
            return message instanceof Quit ? new Stop<>(ExitReason.NORMAL, state) : new NoReply<>(state);
        }
    }

    /** Answers every call with a constant. */
    static final class Constant implements GenServerBehaviour<Object> {
        @Override
        public Init<Object> init(Object arg) {
            return Init.ok(null);
        }

        @Override
        public CallResult<Object> handleCall(Object request, ReplyTo from, Object state) {
            return new Reply<>(Boolean.TRUE, state);
        }
    }

    /** Counts casts; a call returns the count. */
    static final class Counter implements GenServerBehaviour<long[]> {
        @Override
        public Init<long[]> init(Object arg) {
            return Init.ok(new long[1]);
        }

        @Override
        public Result<long[]> handleCast(Object message, long[] count) {
            count[0]++;
            return new NoReply<>(count);
        }

        @Override
        public CallResult<long[]> handleCall(Object request, ReplyTo from, long[] count) {
            return new Reply<>(count[0], count);
        }
    }

    /** Counts down a latch in init: tells a workload when a (re)start has happened. */
    static final class InitSignal implements GenServerBehaviour<Object> {
        private final CountDownLatch[] latch;

        InitSignal(CountDownLatch[] latch) {
            this.latch = latch;
        }

        @Override
        public Init<Object> init(Object arg) {
            CountDownLatch current = latch[0];
            if (current != null) {
                current.countDown();
            }
            return Init.ok(null);
        }

        @Override
        public CallResult<Object> handleCall(Object request, ReplyTo from, Object state) {
            return new Reply<>(Boolean.TRUE, state);
        }
    }
}
