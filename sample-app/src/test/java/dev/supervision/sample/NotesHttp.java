package dev.supervision.sample;

import dev.supervision.sample.cluster.MailerPlacement;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/** A real HTTP client for the sample's API and actuator. */
final class NotesHttp {

    /** A response: status, Retry-After and Content-Type headers, body, and how long it took. */
    record Response(int status, String retryAfter, String contentType, String body, Duration took) {
        JsonNode json() {
            return JSON.readTree(body);
        }

        /** The {@code outcome} of a 503 problem document, or {@code null}. */
        String outcome() {
            JsonNode outcome = status == 503 ? json().get("outcome") : null;
            return outcome == null ? null : outcome.asString();
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** How long a request may take before the test fails it as hung. */
    static final Duration HANG = Duration.ofSeconds(20);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    NotesHttp(int port) {
        base = "http://localhost:" + port;
    }

    /** {@code GET path} with extra headers as name, value, name, value... */
    Response get(String path, String... headers) throws IOException, InterruptedException {
        return send(request(path, headers).GET());
    }

    /** {@code POST path} with a JSON body and extra headers as name, value, name, value... */
    Response post(String path, String json, String... headers) throws IOException, InterruptedException {
        return send(request(path, headers).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** Any method with a body of any type. */
    Response send(String method, String path, String contentType, String body) throws IOException, InterruptedException {
        return send(request(path).header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Adds a note; {@code text} is JSON-encoded here, so it may hold any character. */
    Response addNote(String text) throws IOException, InterruptedException {
        return post("/api/notes", body(text));
    }

    /** Adds a note under an idempotency key. */
    Response addNote(String text, String idempotencyKey) throws IOException, InterruptedException {
        return post("/api/notes", body(text), "Idempotency-Key", idempotencyKey);
    }

    /** {@code {"text": text}}, properly encoded. */
    static String body(String text) {
        return JSON.writeValueAsString(JsonNodeFactory.instance.objectNode().put("text", text));
    }

    /** The pid of the process registered as {@code name}, from the actuator. */
    String pidOf(String name) throws IOException, InterruptedException {
        Response response = get("/actuator/supervision/" + name);
        // a child that is restarting is found, with no pid
        return response.status() == 200 && response.json().hasNonNull("pid") ? response.json().get("pid").asString()
                : null;
    }

    /** Where this instance sees the mailer run ({@code GET /api/cluster/mailer}). */
    MailerPlacement mailerPlacement() throws IOException, InterruptedException {
        Response response = get("/api/cluster/mailer");
        if (response.status() != 200) {
            throw new IOException("GET /api/cluster/mailer answered " + response.status() + ": " + response.body());
        }
        return JSON.treeToValue(response.json(), MailerPlacement.class);
    }

    /** Kills the process registered as {@code name} through the actuator. */
    Response kill(String name) throws IOException, InterruptedException {
        return post("/actuator/supervision/" + name, "{\"signal\": \"kill\"}");
    }

    private HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return request;
    }

    private Response send(HttpRequest.Builder request) throws IOException, InterruptedException {
        long start = System.nanoTime();
        HttpResponse<String> response = client.send(request.timeout(HANG).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Response(response.statusCode(), response.headers().firstValue("Retry-After").orElse(null),
                response.headers().firstValue("Content-Type").orElse(null),
                response.body(), Duration.ofNanos(System.nanoTime() - start));
    }
}
