package dev.supervision.bench;

import dev.supervision.sample.SampleApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The http workload: the sample app on H2, {@code GET /api/notes} through the connector against the
 * same query from a plain JDBC controller ({@code /plain/notes}), each under the same closed-loop load
 * from virtual-thread clients on loopback, for a bounded time after a warm-up.
 *
 * <p>Arguments: {@code [clients] [seconds]}.
 */
public final class HttpThroughput {

    private HttpThroughput() {
    }

    /** Runs the workload. */
    public static void main(String[] args) throws Exception {
        int clients = args.length > 0 ? Integer.parseInt(args[0]) : 16;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        ConfigurableApplicationContext app = new SpringApplicationBuilder(SampleApplication.class, PlainNotesController.class)
                .properties("server.port=0", "spring.datasource.url=jdbc:h2:mem:notes;DB_CLOSE_DELAY=-1",
                        "spring.datasource.username=sa", "logging.level.root=WARN", "notes.mailer.interval=1h",
                        "spring.main.banner-mode=off")
                .run();
        try {
            String base = "http://localhost:" + ((WebServerApplicationContext) app).getWebServer().getPort();
            HttpClient client = HttpClient.newHttpClient();
            for (int i = 0; i < 20; i++) {
                client.send(HttpRequest.newBuilder(URI.create(base + "/api/notes"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"text\": \"note " + i + "\"}")).build(),
                        HttpResponse.BodyHandlers.discarding());
            }
            load(client, base + "/api/notes", clients, 3);
            load(client, base + "/plain/notes", clients, 3);
            double[] connector = load(client, base + "/api/notes", clients, seconds);
            double[] plain = load(client, base + "/plain/notes", clients, seconds);
            Results.of("http").put("clients", clients).put("seconds", seconds)
                    .put("rps_connector", connector[0]).put("rps_plain", plain[0])
                    .put("ratio", connector[0] / plain[0])
                    .put("p99_ms_connector", connector[1]).put("p99_ms_plain", plain[1]).print();
        } finally {
            app.close();
        }
    }

    /** Requests per second and p99 latency (ms) of {@code url} under {@code clients} closed-loop clients. */
    private static double[] load(HttpClient client, String url, int clients, int seconds) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).GET().build();
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        LongAdder done = new LongAdder();
        AtomicLong failures = new AtomicLong();
        List<long[]> latencies = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            long[] mine = new long[2_000_000];
            latencies.add(mine);
            threads.add(Thread.ofVirtual().start(() -> {
                int n = 0;
                while (System.nanoTime() < deadline && n < mine.length - 1) {
                    long start = System.nanoTime();
                    try {
                        HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
                        if (response.statusCode() != 200) {
                            failures.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failures.incrementAndGet();
                    }
                    mine[++n] = System.nanoTime() - start;
                    done.increment();
                }
                mine[0] = n;
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (failures.get() > 0) {
            throw new IllegalStateException(failures.get() + " requests to " + url + " failed");
        }
        long total = done.sum();
        long[] all = new long[(int) total];
        int at = 0;
        for (long[] mine : latencies) {
            int n = (int) mine[0];
            System.arraycopy(mine, 1, all, at, n);
            at += n;
        }
        Stats stats = new Stats(all, at);
        return new double[] {total / (double) seconds, stats.percentileMicros(99) / 1000.0};
    }
}
