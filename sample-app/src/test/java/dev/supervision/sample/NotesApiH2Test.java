package dev.supervision.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** The API's contract on the default H2 database, and Tomcat's own answers (the same whatever the database). */
@TestPropertySource(properties = "supervision.on-root-failure=stay-up")
class NotesApiH2Test extends NotesApiContract {

    /** What Tomcat rejects before any servlet runs: a problem document too, by {@code ProblemErrorReportValve}. */
    @Test
    void whatTomcatRejectsByItselfIsAProblemDocumentToo() throws Exception {
        List<String> broken = List.of("GET /api/a%2Fb HTTP/1.1", "GET /api/a|b HTTP/1.1", "GET /api/a{b HTTP/1.1",
                "GET /api/%zz HTTP/1.1", "GET /api/a%00b HTTP/1.1", "GET /api/../../etc/passwd HTTP/1.1", "GARBAGE",
                "GET /api/notes HTTP/9.9", "GET /api/" + "a".repeat(10_000) + " HTTP/1.1");
        for (String requestLine : broken) {
            RawHttp.Answer answer = RawHttp.send(port, requestLine);
            String shown = requestLine.substring(0, Math.min(40, requestLine.length()));
            assertThat(answer.status()).as(shown).isIn(400, 505);
            assertThat(answer.head()).as(shown).containsIgnoringCase("Content-Type: application/problem+json");
            assertThat(answer.body()).as(shown).contains("\"status\":" + answer.status())
                    .doesNotContain("Tomcat", "<html", "api/");
        }
    }

    /** With the cluster off (the sample's default) there is no mailer placement to show: a 404 problem. */
    @Test
    void withoutTheClusterTheMailerPlacementIsNotFound() throws Exception {
        assertProblem(http.get("/api/cluster/mailer"), 404);
    }

    @Override
    String databasePoison() {
        return null; // H2 stores U+0000; only the edge refuses it
    }
}
