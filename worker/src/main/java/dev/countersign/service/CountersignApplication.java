package dev.countersign.service;

import dev.countersign.activities.policy.check.PolicyCheck;
import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The Countersign service: REST API, worker, demo support agent, and by default an embedded Temporal. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CountersignApplication {

    /**
     * Starts the service, or with {@code policy check FILE [--tools a,b] [--groups g=n,...]} checks a
     * policy file without starting anything (exit 0 valid, 1 invalid, 2 usage).
     */
    public static void main(String[] args) {
        if (args.length >= 2 && args[0].equals("policy") && args[1].equals("check")) {
            System.exit(PolicyCheck.run(Arrays.asList(args).subList(2, args.length), System.out, System.err));
        }
        SpringApplication.run(CountersignApplication.class, args);
    }
}
