package dev.supervision.boot;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/** A web application with two @GenServer beans, for the HTTP tests. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(TestGenServers.BothServers.class)
public class WebTestApplication {
}
