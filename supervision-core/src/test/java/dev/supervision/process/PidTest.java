package dev.supervision.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PidTest {

    @Test
    void printsTheErlangWay() {
        assertThat(new Pid(0, 150, 0)).hasToString("<0.150.0>");
    }

    @Test
    void parsesWhatItPrintsWithOrWithoutBrackets() {
        Pid pid = new Pid(0, 150, 3);
        assertThat(Pid.parse(pid.toString())).isEqualTo(pid);
        assertThat(Pid.parse("0.150.3")).isEqualTo(pid);
        assertThat(Pid.parse(" <0.150.3> ")).isEqualTo(pid);
    }

    @Test
    void rejectsTextThatIsNotAPidAndNamesIt() {
        for (String bad : new String[] {"", "0.150", "<0.150.0", "a.b.c", "0.-1.0", "<0.1.2.3>"}) {
            assertThatThrownBy(() -> Pid.parse(bad))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'" + bad + "'");
        }
        assertThatThrownBy(() -> Pid.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsNegativeParts() {
        assertThatThrownBy(() -> new Pid(0, -1, 0)).hasMessageContaining("serial=-1");
    }

    @Test
    void ordersByCreationThenSerial() {
        assertThat(new Pid(0, 9, 0)).isLessThan(new Pid(0, 10, 0));
        assertThat(new Pid(0, 99, 0)).isLessThan(new Pid(0, 1, 1));
    }
}
