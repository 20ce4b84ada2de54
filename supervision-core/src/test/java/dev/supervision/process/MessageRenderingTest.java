package dev.supervision.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.supervision.testing.LogCapture;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Message contents in crash reports and exception messages are escaped, bounded, and can be turned off. */
class MessageRenderingTest {

    /** A request whose contents a client chose. */
    record Insert(String text) implements Request<Long> {
    }

    private final ProcessRuntime runtime = ProcessRuntime.create();

    @AfterEach
    void close() {
        runtime.close();
    }

    @Test
    @DisplayName("control, format and separator characters become escapes; a backslash is doubled")
    void escapes() {
        assertThat(MessageRendering.escape("a\nb\rc\td\\e\u0000f\u202eg\u2028h\u200bi", 200))
                .isEqualTo("a\\nb\\rc\\td\\\\e\\u0000f\\u202eg\\u2028h\\u200bi");
        assertThat(MessageRendering.escape("lone \ud800 surrogate, pair \ud83d\ude00 kept", 200))
                .isEqualTo("lone \\ud800 surrogate, pair \ud83d\ude00 kept");
        assertThat(MessageRendering.escape("héllo wörld", 200)).isEqualTo("héllo wörld");
    }

    @Test
    @DisplayName("long contents are cut after the limit with the count of what was left out, never inside a pair")
    void bounded() {
        assertThat(MessageRendering.escape("x".repeat(250), 200)).isEqualTo("x".repeat(200) + "…(50 more)");
        assertThat(MessageRendering.escape("ab\ud83d\ude00cd", 3)).isEqualTo("ab…(4 more)");
        assertThat(MessageRendering.standard().render("y".repeat(1000))).hasSize(200 + "…(800 more)".length());
    }

    @Test
    @DisplayName("with contents off, only the type is rendered; the limit must be positive")
    void contentsOff() {
        MessageRendering off = MessageRendering.of(false, 200);
        assertThat(off.render(new Insert("secret"))).isEqualTo("Insert (contents not logged)").doesNotContain("secret");
        assertThat(off.render(null)).isEqualTo("null");
        assertThat(MessageRendering.standard().contents()).as("on by default").isTrue();
        assertThatThrownBy(() -> MessageRendering.of(true, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("a newline in the last message cannot forge a line of the crash report")
    void crashReportIsOneLine() {
        try (LogCapture log = LogCapture.of(CrashReporter.LOGGER_NAME)) {
            Pid pid = runtime.spawn(() -> {
                runtime.receive();
                throw new IllegalStateException("boom\nINFO forged");
            });
            runtime.send(pid, "note\n2026-01-01 INFO forged line\u0000" + "z".repeat(300));
            await().until(() -> !log.events().isEmpty());
            ILoggingEvent report = log.events().getFirst();
            assertThat(report.getFormattedMessage()).doesNotContain("\n", "\u0000")
                    .contains("note\\n2026-01-01 INFO forged line\\u0000", "boom\\nINFO forged", "…(");
            assertThat(report.getKeyValuePairs()).filteredOn(pair -> pair.key.equals("lastMessage"))
                    .singleElement().extracting(pair -> String.valueOf(pair.value)).asString()
                    .doesNotContain("\n").endsWith("z…(133 more)");
        }
    }

    @Test
    @DisplayName("a call timeout's message renders the request escaped and bounded")
    void callTimeoutMessage() {
        Pid silent = runtime.spawn(() -> runtime.receive(message -> false, ProcessRuntime.INFINITY));
        assertThatThrownBy(() -> runtime.call(silent, new Insert("a\nb" + "c".repeat(500)), Duration.ofMillis(50)))
                .isInstanceOf(CallTimeoutException.class)
                .message().doesNotContain("\n").contains("Insert Insert[text=a\\nbccc", "more)");
    }
}
