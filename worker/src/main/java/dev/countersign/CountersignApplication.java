package dev.countersign;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The Countersign service: REST API, worker, demo support agent, and by default an embedded Temporal. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CountersignApplication {

    public static void main(String[] args) {
        SpringApplication.run(CountersignApplication.class, args);
    }
}
