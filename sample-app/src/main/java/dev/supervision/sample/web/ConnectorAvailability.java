package dev.supervision.sample.web;

import dev.supervision.process.MessageRendering;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Logs the connector's unavailability once per change of state, not once per refused request: one
 * WARN when the first request is refused (with why), one INFO with the count and the duration when a
 * request is answered again, e.g. {@code connector available again: 1,234 requests refused over 25.1 s}.
 */
@Component
public class ConnectorAvailability {

    private static final Logger log = LoggerFactory.getLogger(ConnectorAvailability.class);

    /** An outage under way: since when, how many requests it refused. */
    private record Outage(Instant since, AtomicLong refused) {
    }

    private final AtomicReference<Outage> outage = new AtomicReference<>();

    /** A request was refused with a {@code 503}; {@code why} is for the log only. */
    public void refused(String outcome, String why) {
        Outage current = outage.get();
        if (current == null) {
            Outage started = new Outage(Instant.now(), new AtomicLong());
            if (outage.compareAndSet(null, started)) {
                log.warn("connector unavailable ({}): {}; refusals are counted until it answers again", outcome,
                        MessageRendering.escape(why, MessageRendering.DEFAULT_LIMIT));
                current = started;
            } else {
                current = outage.get();
            }
        }
        if (current != null) {
            current.refused().incrementAndGet();
        }
    }

    /** The connector answered a request. */
    public void answered() {
        if (outage.get() == null) {
            return; // the common case costs one volatile read
        }
        Outage ended = outage.getAndSet(null);
        if (ended != null) {
            Duration lasted = Duration.between(ended.since(), Instant.now());
            log.info("connector available again: {} requests refused over {} s",
                    String.format(Locale.ROOT, "%,d", ended.refused().get()), String.format(Locale.ROOT, "%.1f", lasted.toMillis() / 1000.0));
        }
    }

    /** Whether requests are being refused now. */
    public boolean unavailable() {
        return outage.get() != null;
    }
}
