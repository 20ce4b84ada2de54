package dev.supervision.process;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExitReasonTest {

    @Test
    void onlyNormalAndShutdownCountAsNormal() {
        assertThat(ExitReason.NORMAL.isNormal()).isTrue();
        assertThat(ExitReason.SHUTDOWN.isNormal()).isTrue();
        assertThat(ExitReason.shutdown("maintenance").isNormal()).isTrue();
        assertThat(ExitReason.KILLED.isNormal()).isFalse();
        assertThat(ExitReason.KILL.isNormal()).isFalse();
        assertThat(ExitReason.of("boom").isNormal()).isFalse();
        assertThat(ExitReason.crash(new IllegalStateException()).isNormal()).isFalse();
    }

    @Test
    void wellKnownNamesMapToTheirReasons() {
        assertThat(ExitReason.of("normal")).isEqualTo(ExitReason.NORMAL);
        assertThat(ExitReason.of("killed")).isEqualTo(ExitReason.KILLED);
        assertThat(ExitReason.of("boom")).isEqualTo(new ExitReason.Other("boom"));
        assertThat(ExitReason.of(new IllegalStateException("x"))).isInstanceOf(ExitReason.Crash.class);
    }

    @Test
    void printsErlangTerms() {
        assertThat(ExitReason.shutdown("maintenance")).hasToString("{shutdown,maintenance}");
        assertThat(ExitReason.SHUTDOWN).hasToString("shutdown");
        assertThat(ExitReason.crash(new IllegalStateException("bad"))).hasToString("{java.lang.IllegalStateException,bad}");
    }
}
