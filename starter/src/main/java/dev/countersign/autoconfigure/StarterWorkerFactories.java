package dev.countersign.autoconfigure;

import dev.countersign.task.AgentTaskWorkflowImpl;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientPlugin;
import io.temporal.common.interceptors.WorkerInterceptor;
import io.temporal.serviceclient.WorkflowServiceStubsPlugin;
import io.temporal.spring.boot.TemporalOptionsCustomizer;
import io.temporal.spring.boot.autoconfigure.properties.NamespaceProperties;
import io.temporal.spring.boot.autoconfigure.properties.NonRootNamespaceProperties;
import io.temporal.spring.boot.autoconfigure.properties.TemporalProperties;
import io.temporal.spring.boot.autoconfigure.properties.WorkerProperties;
import io.temporal.spring.boot.autoconfigure.template.ClientTemplate;
import io.temporal.spring.boot.autoconfigure.template.WorkersTemplate;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerFactoryOptions;
import io.temporal.worker.WorkerOptions;
import io.temporal.worker.WorkerPlugin;
import io.temporal.worker.WorkflowImplementationOptions;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.ResolvableType;
import org.springframework.core.env.Environment;

/**
 * Builds a new {@link WorkerFactory} for Countersign's task queue with temporal-spring-boot-starter's
 * own {@link WorkersTemplate}, so what tunes the starter's workers tunes this one too: {@code
 * WorkerFactoryOptionsCustomizer}, {@code WorkerOptionsCustomizer} and {@code
 * WorkflowImplementationOptionsCustomizer} beans, {@code WorkerInterceptor} and {@code WorkerPlugin}
 * beans, {@code spring.temporal.workflow-cache} and the {@code spring.temporal.workers} entry of
 * Countersign's task queue. The starter's own factory cannot serve: it exists only when {@code
 * spring.temporal.workers} or auto-discovery is configured, starts on ApplicationReadyEvent only, and
 * once shut down never starts again, so it could neither stop in bounded time nor come back after a
 * context is stopped and started.
 */
final class StarterWorkerFactories {

    private final WorkflowClient client;
    private final String taskQueue;
    private final List<Object> activities;
    private final TemporalProperties temporal;
    private final ConfigurableListableBeanFactory beanFactory;
    private final Environment environment;

    /**
     * @param temporal the starter's {@code spring.temporal} settings, or null where the application
     *     made its own WorkflowClient without the starter's auto-configuration
     */
    StarterWorkerFactories(
            WorkflowClient client,
            String taskQueue,
            List<Object> activities,
            TemporalProperties temporal,
            ConfigurableListableBeanFactory beanFactory,
            Environment environment) {
        this.client = client;
        this.taskQueue = taskQueue;
        this.activities = List.copyOf(activities);
        this.temporal = temporal;
        this.beanFactory = beanFactory;
        this.environment = environment;
    }

    /** A factory, not yet started, with one worker on the task queue that runs Countersign. */
    WorkerFactory create() {
        WorkersTemplate template = new WorkersTemplate(
                namespace(),
                new ExistingClient(client),
                beanFactory
                        .getBeanProvider(WorkerInterceptor.class)
                        .orderedStream()
                        .toList(),
                beanFactory.getBeanProvider(io.opentracing.Tracer.class).getIfAvailable(),
                null,
                customizers(WorkerFactoryOptions.Builder.class),
                customizers(WorkerOptions.Builder.class),
                customizers(WorkflowImplementationOptions.Builder.class),
                workerPlugins());
        template.setBeanFactory(beanFactory);
        template.setEnvironment(environment);
        template.getWorkers();
        WorkerFactory factory = template.getWorkerFactory();
        factory.getWorker(taskQueue).registerActivitiesImplementations(activities.toArray());
        return factory;
    }

    /**
     * The starter's namespace settings with one worker: Countersign's, with the tuning (capacity, rate
     * limits, virtual threads, build id, deployment) of the {@code spring.temporal.workers} entry for
     * its task queue, if there is one. Other entries are the starter's own workers.
     */
    private NamespaceProperties namespace() {
        WorkerProperties untuned =
                new WorkerProperties(taskQueue, null, null, null, null, null, null, null, null, null);
        WorkerProperties tuning = temporal == null || temporal.getWorkers() == null
                ? untuned
                : temporal.getWorkers().stream()
                        .filter(worker -> taskQueue.equals(worker.getTaskQueue()))
                        .findFirst()
                        .orElse(untuned);
        WorkerProperties countersign = new WorkerProperties(
                taskQueue,
                tuning.getName(),
                List.of(AgentTaskWorkflowImpl.class),
                null,
                null,
                tuning.getCapacity(),
                tuning.getRateLimits(),
                tuning.getBuildId(),
                tuning.getVirtualThreads(),
                tuning.getDeploymentProperties());
        return new NamespaceProperties(
                client.getOptions().getNamespace(),
                null,
                List.of(countersign),
                temporal == null ? null : temporal.getWorkflowCache(),
                temporal == null ? null : temporal.isIgnoreDuplicateDefinitions());
    }

    /**
     * The customizers of this kind, ordered as the starter orders them, without those named for one of
     * {@code spring.temporal.namespaces} (such as {@code nsWorkerCustomizer}): those are the other
     * namespaces' own.
     */
    @SuppressWarnings("unchecked")
    private <T> List<TemporalOptionsCustomizer<T>> customizers(Class<T> builder) {
        ResolvableType type = ResolvableType.forClassWithGenerics(TemporalOptionsCustomizer.class, builder);
        // As the starter names them: WorkerOptions.Builder -> "WorkerCustomizer".
        String customizerName = builder.getCanonicalName().replace("Options.Builder", "Customizer");
        String customizerSuffix = customizerName.substring(customizerName.lastIndexOf('.') + 1);
        Set<Object> otherNamespaces = Collections.newSetFromMap(new IdentityHashMap<>());
        if (temporal != null && temporal.getNamespaces() != null) {
            for (NonRootNamespaceProperties namespace : temporal.getNamespaces()) {
                String prefix = namespace.getAlias() != null ? namespace.getAlias() : namespace.getNamespace();
                String name = prefix + customizerSuffix;
                if (beanFactory.containsBean(name)) {
                    otherNamespaces.add(beanFactory.getBean(name));
                }
            }
        }
        return beanFactory
                .getBeanProvider(type)
                .orderedStream()
                .filter(customizer -> !otherNamespaces.contains(customizer))
                .map(customizer -> (TemporalOptionsCustomizer<T>) customizer)
                .toList();
    }

    /** Worker plugins that are not also stubs or client plugins: the client already passes those on. */
    private List<WorkerPlugin> workerPlugins() {
        return beanFactory
                .getBeanProvider(WorkerPlugin.class)
                .orderedStream()
                .filter(plugin ->
                        !(plugin instanceof WorkflowServiceStubsPlugin) && !(plugin instanceof WorkflowClientPlugin))
                .toList();
    }

    /**
     * Hands the application's WorkflowClient bean to the template, which would otherwise build a
     * second client from the same settings.
     */
    private static final class ExistingClient extends ClientTemplate {

        private final WorkflowClient client;

        ExistingClient(WorkflowClient client) {
            super(
                    client.getOptions().getNamespace(),
                    null,
                    null,
                    null,
                    null,
                    client.getWorkflowServiceStubs(),
                    null,
                    null,
                    null,
                    null,
                    null);
            this.client = client;
        }

        @Override
        public WorkflowClient getWorkflowClient() {
            return client;
        }
    }
}
