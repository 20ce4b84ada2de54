package dev.supervision.cluster;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Pings in flight (Erlang's {@code net_adm:ping}): each is answered by a pong or given up on. */
final class Pings {

    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, CompletableFuture<Void>> pending = new ConcurrentHashMap<>();

    /** A new ping's id and the future its pong completes. */
    Map.Entry<Long, CompletableFuture<Void>> open() {
        long id = ids.incrementAndGet();
        CompletableFuture<Void> pong = new CompletableFuture<>();
        pending.put(id, pong);
        pong.whenComplete((ok, failure) -> pending.remove(id));
        return Map.entry(id, pong);
    }

    void answered(long id) {
        CompletableFuture<Void> pong = pending.get(id);
        if (pong != null) {
            pong.complete(null);
        }
    }
}
