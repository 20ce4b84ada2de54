package dev.supervision.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The sample notes service: its database connector is a supervised GenServer. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SampleApplication {

    /** Starts the service. */
    public static void main(String[] args) {
        SpringApplication.run(SampleApplication.class, args);
    }
}
