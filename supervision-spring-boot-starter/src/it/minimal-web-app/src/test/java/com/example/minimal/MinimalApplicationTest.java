package com.example.minimal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supervision.process.ProcessRef;
import dev.supervision.process.ProcessRuntime;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
class MinimalApplicationTest {

    @Autowired
    ProcessRuntime runtime;

    @Test
    void theTreeRunsTheCounter() {
        assertThat(runtime.call(ProcessRef.named("counter"), new Counter.Increment())).isEqualTo(1);
    }
}
