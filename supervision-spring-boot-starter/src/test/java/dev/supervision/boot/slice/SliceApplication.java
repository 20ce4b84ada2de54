package dev.supervision.boot.slice;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** An application as a user writes it: one controller, one {@code @GenServer} bean, a declared tree. */
@SpringBootApplication
public class SliceApplication {
}
