package dev.supervision.boot;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A real HTTP client against the test server, with JSON parsing. */
public final class Http {

    /** What a browser's navigation asks for. */
    public static final String BROWSER_ACCEPT =
            "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";

    /**
     * A response.
     *
     * @param status the status code
     * @param contentType the Content-Type header, or an empty string
     * @param body the body
     */
    public record Response(int status, String contentType, String body) {
        /** The body as JSON. */
        public JsonNode json() {
            return JSON.readTree(body);
        }
    }

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    /** A client of {@code localhost:port}. */
    public Http(int port) {
        this.base = "http://localhost:" + port;
    }

    /** The URL of {@code path} on this server. */
    public String url(String path) {
        return base + path;
    }

    /** GET {@code path}. */
    public Response get(String path) throws IOException, InterruptedException {
        return send(request(path).GET());
    }

    /** GET {@code path} with an {@code Accept} header. */
    public Response get(String path, String accept) throws IOException, InterruptedException {
        return send(request(path).header("Accept", accept).GET());
    }

    /** POST {@code json} to {@code path}. */
    public Response post(String path, String json) throws IOException, InterruptedException {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** Opens the Server-Sent Events stream at {@code path}. */
    public EventStream stream(String path) throws IOException, InterruptedException {
        HttpResponse<java.util.stream.Stream<String>> response = client.send(
                request(path).header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofLines());
        return new EventStream(response.statusCode(), response.body());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10));
    }

    private Response send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.body());
    }
}
