package dev.supervision.genserver;

import dev.supervision.process.ExitReason;
import dev.supervision.process.ProcessRuntime;
import dev.supervision.process.ReplyTo;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Small GenServers the tests drive: each records what happened to it in a shared journal. */
final class TestServers {

    private TestServers() {
    }

    record Get() {
    }

    record Add(int amount) {
    }

    record Sleep(Duration duration) {
    }

    record Crash(String why) {
    }

    record StopWith(ExitReason reason) {
    }

    record ReplyThenStop(ExitReason reason, Object reply) {
    }

    record Defer() {
    }

    record ReplyLater(Object answer) {
    }

    record ReturnNull() {
    }

    record ArmTimeout(Duration after) {
    }

    /**
     * A counter that records its callbacks in {@code journal}. {@code arg} is the initial count, or an
     * {@link Init} to return from init as it is.
     */
    static class Counter implements GenServerBehaviour<Integer> {

        final List<String> journal;
        volatile ReplyTo deferred;

        Counter(List<String> journal) {
            this.journal = journal;
        }

        Counter() {
            this(new CopyOnWriteArrayList<>());
        }

        @Override
        @SuppressWarnings("unchecked")
        public Init<Integer> init(Object arg) throws Exception {
            journal.add("init");
            return switch (arg) {
                case Init<?> init -> (Init<Integer>) init;
                case Integer start -> Init.ok(start);
                case null -> Init.ok(0);
                default -> throw new IllegalArgumentException("bad arg " + arg);
            };
        }

        @Override
        public CallResult<Integer> handleCall(Object request, ReplyTo from, Integer count) throws Exception {
            journal.add("call " + request);
            return switch (request) {
                case Get get -> new Reply<>(count, count);
                case Add(int amount) -> new Reply<>(count + amount, count + amount);
                case Sleep(Duration duration) -> {
                    Thread.sleep(duration);
                    yield new Reply<>("slept", count);
                }
                case Crash(String why) -> throw new IllegalStateException(why);
                case StopWith(ExitReason reason) -> new Stop<>(reason, count);
                case ReplyThenStop(ExitReason reason, Object reply) -> new ReplyAndStop<>(reason, reply, count);
                case Defer defer -> {
                    deferred = from;
                    yield new NoReply<>(count);
                }
                case ReturnNull returnNull -> null;
                case ArmTimeout(Duration after) -> new Reply<>("armed", count, Action.timeout(after));
                default -> new Reply<>("unknown", count);
            };
        }

        @Override
        public Result<Integer> handleCast(Object message, Integer count) {
            journal.add("cast " + message);
            return switch (message) {
                case Add(int amount) -> new NoReply<>(count + amount);
                case ReplyLater(Object answer) -> {
                    deferred.reply(answer);
                    yield new NoReply<>(count);
                }
                default -> new NoReply<>(count);
            };
        }

        @Override
        public Result<Integer> handleInfo(Object message, Integer count) {
            journal.add("info " + message);
            return new NoReply<>(count);
        }

        @Override
        public Result<Integer> handleContinue(Object value, Integer count) {
            journal.add("continue " + value);
            return switch (value) {
                case String s when s.startsWith("chain:") -> new NoReply<>(count, Action.continueWith(s.substring(6)));
                case String s when s.equals("stop") -> new Stop<>(ExitReason.NORMAL, count);
                default -> new NoReply<>(count);
            };
        }

        @Override
        public void terminate(ExitReason reason, Integer count) {
            journal.add("terminate " + reason);
        }
    }

    /** A counter that traps exits in init, so a parent's shutdown runs terminate. */
    static final class TrappingCounter implements GenServerBehaviour<Integer> {

        final List<String> journal;

        TrappingCounter(List<String> journal) {
            this.journal = journal;
        }

        @Override
        public Init<Integer> init(Object arg) {
            ProcessRuntime.current().trapExit(true);
            return Init.ok(0);
        }

        @Override
        public Result<Integer> handleInfo(Object message, Integer count) {
            journal.add("info " + message);
            return new NoReply<>(count);
        }

        @Override
        public void terminate(ExitReason reason, Integer count) {
            journal.add("terminate " + reason);
        }
    }
}
