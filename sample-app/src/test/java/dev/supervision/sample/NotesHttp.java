package dev.supervision.sample;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A real HTTP client for the sample's API and actuator. */
final class NotesHttp {

    /** A response: status, Retry-After header, body, and how long it took. */
    record Response(int status, String retryAfter, String body, Duration took) {
        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    NotesHttp(int port) {
        base = "http://localhost:" + port;
    }

    Response get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    Response get(String path, String accept) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", accept).GET());
    }

    Response post(String path, String json) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    Response addNote(String text) throws IOException, InterruptedException {
        return post("/api/notes", "{\"text\": \"" + text + "\"}");
    }

    /** The pid of the process registered as {@code name}, from the actuator. */
    String pidOf(String name) throws IOException, InterruptedException {
        Response response = get("/actuator/supervision/" + name);
        return response.status() == 200 ? response.json().get("pid").asString() : null;
    }

    private Response send(HttpRequest.Builder request) throws IOException, InterruptedException {
        long start = System.nanoTime();
        HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Response(response.statusCode(), response.headers().firstValue("Retry-After").orElse(null),
                response.body(), Duration.ofNanos(System.nanoTime() - start));
    }
}
