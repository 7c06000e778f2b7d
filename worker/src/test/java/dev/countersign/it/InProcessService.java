package dev.countersign.it;

import dev.countersign.CountersignApplication;
import dev.countersign.agent.AgentModel;
import dev.countersign.tool.Tool;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The Countersign service booted inside the test JVM on a cluster's dev server, with the test's own
 * agent model and tool beans in place of the demo's, an in-memory H2 store and the suite's refund
 * policy. The test holds the very beans the worker calls, so it counts what a tool did directly.
 */
final class InProcessService {

    private InProcessService() {}

    /** Boots it; {@code settings} are further {@code name=value} properties, such as an agent's budget. */
    static ConfigurableApplicationContext start(Cluster cluster, AgentModel agent, Tool tool, String... settings) {
        List<String> args = new ArrayList<>(List.of(
                "--spring.temporal.connection.target=" + cluster.temporal().address(),
                "--spring.temporal.namespace=default",
                "--countersign.embedded-temporal.enabled=false",
                "--spring.datasource.url=jdbc:h2:mem:it-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "--countersign.policy.location=classpath:it/refunds-policy.yaml",
                "--countersign.demo.enabled=false",
                "--server.address=127.0.0.1",
                "--server.port=0"));
        for (String setting : settings) {
            args.add("--" + setting);
        }
        return new SpringApplicationBuilder(CountersignApplication.class)
                .initializers(context -> {
                    context.getBeanFactory().registerSingleton("itAgent", agent);
                    context.getBeanFactory().registerSingleton("itTool", tool);
                })
                .run(args.toArray(String[]::new));
    }
}
