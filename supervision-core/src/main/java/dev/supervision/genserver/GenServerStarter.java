package dev.supervision.genserver;

import dev.supervision.process.ExitReason;
import dev.supervision.process.Pid;
import dev.supervision.process.ProcessRef;
import dev.supervision.process.ProcessRuntime;
import dev.supervision.process.RegistrationException;
import dev.supervision.process.ServerExitException;
import dev.supervision.process.SpawnOptions;
import java.time.Duration;
import java.util.Objects;

/** Starts GenServers synchronously and stops them; the implementation of {@link GenServerBehaviour}'s static methods. */
final class GenServerStarter {

    private GenServerStarter() {
    }

    static <S> StartResult start(
            ProcessRuntime runtime, GenServerBehaviour<S> behaviour, Object arg, StartOptions options, boolean link) {
        Objects.requireNonNull(runtime, "runtime");
        Objects.requireNonNull(behaviour, "behaviour");
        Objects.requireNonNull(options, "options");
        Pid parent = link ? runtime.self() : null;
        GenServerProcess<S> process = new GenServerProcess<>(behaviour, arg, parent);
        var started = process.startFuture();
        Pid pid;
        try {
            // Without a start timeout, init runs on the caller's thread (a process's or a plain one): the
            // caller waits for it anyway, and each start saves a thread start and two thread switches.
            pid = runtime.internals().spawnHandler(process,
                    new SpawnOptions(link, options.name(), ProcessRuntime.isInfinite(options.timeout())));
        } catch (RegistrationException e) {
            return e.holder().<StartResult>map(StartResult.AlreadyStarted::new).orElseThrow(() -> e);
        }
        return process.awaitStart(runtime, started, pid, options.timeout(), link);
    }

    static void stop(ProcessRuntime runtime, ProcessRef server, ExitReason reason, Duration timeout) {
        Objects.requireNonNull(runtime, "runtime");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(reason, "reason");
        StopRequest request = new StopRequest(reason);
        try {
            runtime.call(server, request, timeout);
        } catch (ServerExitException exited) {
            if (exited.reason().equals(reason)) {
                return;
            }
            throw exited;
        }
        throw new IllegalStateException(server + " answered a stop request instead of stopping: it is not a GenServer");
    }
}
