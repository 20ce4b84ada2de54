package dev.supervision.bench;

import com.sun.management.OperatingSystemMXBean;
import dev.supervision.sample.SampleApplication;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The http workload: the sample app on H2, {@code GET /api/notes} through the connector against the
 * same query from a plain JDBC controller ({@code /plain/notes}). The load comes from {@code wrk}, a
 * separate process on loopback (2 threads, 16 connections), 15 s of warm-up per endpoint, then a
 * bounded run per endpoint. Besides the keys it prints the CPU time this JVM spent per request
 * on each path.
 *
 * <p>Arguments: {@code [connections] [seconds]}.
 */
public final class HttpThroughput {

    private static final Pattern RPS = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern P99 = Pattern.compile("99%\\s+([0-9.]+)(us|ms|s)");

    private static final OperatingSystemMXBean PROCESS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    /**
     * Warm-up per endpoint. With 3 s, C2 still took 60 % of a core while the connector (measured first)
     * ran, and the ratio was 0.53-0.77; with 15 s the JIT has settled (docs/benchmarks.md).
     */
    private static final int WARMUP_SECONDS = 15;

    private HttpThroughput() {
    }

    /** Runs the workload. */
    public static void main(String[] args) throws Exception {
        int connections = args.length > 0 ? Integer.parseInt(args[0]) : 16;
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
            wrk(base + "/api/notes", connections, WARMUP_SECONDS);
            wrk(base + "/plain/notes", connections, WARMUP_SECONDS);
            double[] connector = wrk(base + "/api/notes", connections, seconds);
            double[] plain = wrk(base + "/plain/notes", connections, seconds);
            Results.of("http").put("connections", connections).put("seconds", seconds)
                    .put("rps_connector", connector[0]).put("rps_plain", plain[0])
                    .put("ratio", connector[0] / plain[0])
                    .put("p99_ms_connector", connector[1]).put("p99_ms_plain", plain[1])
                    .put("cpu_us_per_request_connector", connector[2] / 1e3 / (connector[0] * seconds))
                    .put("cpu_us_per_request_plain", plain[2] / 1e3 / (plain[0] * seconds)).print();
        } finally {
            app.close();
        }
    }

    /**
     * Requests per second and p99 latency (ms) that wrk measured on {@code url}, and the CPU time (ns)
     * this JVM used meanwhile.
     */
    private static double[] wrk(String url, int connections, int seconds) throws Exception {
        long cpuBefore = PROCESS.getProcessCpuTime();
        Process wrk = new ProcessBuilder("wrk", "-t2", "-c" + connections, "-d" + seconds + "s", "--latency", url)
                .redirectErrorStream(true).start();
        String output = new String(wrk.getInputStream().readAllBytes());
        if (wrk.waitFor() != 0 || output.contains("Non-2xx")) {
            throw new IllegalStateException("wrk failed on " + url + ":\n" + output);
        }
        Matcher rps = RPS.matcher(output);
        Matcher p99 = P99.matcher(output);
        if (!rps.find() || !p99.find()) {
            throw new IllegalStateException("unexpected wrk output:\n" + output);
        }
        double latency = Double.parseDouble(p99.group(1));
        double millis = switch (p99.group(2)) {
            case "us" -> latency / 1000;
            case "s" -> latency * 1000;
            default -> latency;
        };
        return new double[] {Double.parseDouble(rps.group(1)), millis, PROCESS.getProcessCpuTime() - cpuBefore};
    }
}
