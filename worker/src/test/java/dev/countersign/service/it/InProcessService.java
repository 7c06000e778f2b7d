package dev.countersign.service.it;

import dev.countersign.activities.agent.AgentModel;
import dev.countersign.activities.tool.Tool;
import dev.countersign.client.Countersign;
import dev.countersign.service.CountersignApplication;
import io.temporal.client.WorkflowClient;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The Countersign service booted inside the test JVM on a cluster's dev server, with the test's own
 * agent model and tool beans in place of the demo's, an in-memory H2 store and the suite's refund
 * policy. The test holds the very beans the worker calls, so it counts what a tool did directly.
 * Closing it stops the service, then the cluster.
 */
final class InProcessService implements AutoCloseable {

    private final Cluster cluster;
    private final ConfigurableApplicationContext context;

    private InProcessService(Cluster cluster, ConfigurableApplicationContext context) {
        this.cluster = cluster;
        this.context = context;
    }

    /**
     * Boots it on {@code cluster}, which it then owns (closed also when the boot fails); {@code
     * settings} are further {@code name=value} properties, such as an agent's budget.
     */
    static InProcessService start(Cluster cluster, AgentModel agent, Tool tool, String... settings) {
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
        try {
            ConfigurableApplicationContext context = new SpringApplicationBuilder(CountersignApplication.class)
                    .initializers(initializing -> {
                        initializing.getBeanFactory().registerSingleton("itAgent", agent);
                        initializing.getBeanFactory().registerSingleton("itTool", tool);
                    })
                    .run(args.toArray(String[]::new));
            return new InProcessService(cluster, context);
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    Countersign countersign() {
        return context.getBean(Countersign.class);
    }

    WorkflowClient client() {
        return context.getBean(WorkflowClient.class);
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        try {
            context.close();
        } finally {
            cluster.close();
        }
    }
}
