package dev.countersign.autoconfigure;

import dev.countersign.activities.agent.AgentActivitiesImpl;
import dev.countersign.activities.agent.AgentModel;
import dev.countersign.activities.model.ModelEndpoint;
import dev.countersign.activities.model.OpenAiEndpoint;
import dev.countersign.activities.model.SpringAiModel;
import dev.countersign.activities.notify.WebhookNotificationActivities;
import dev.countersign.activities.notify.WebhookTarget;
import dev.countersign.activities.policy.PolicyActivitiesImpl;
import dev.countersign.activities.policy.PolicyException;
import dev.countersign.activities.policy.PolicySource;
import dev.countersign.activities.policy.yaml.PolicyLoader;
import dev.countersign.activities.store.ActionArchive;
import dev.countersign.activities.store.InMemoryTaskStore;
import dev.countersign.activities.store.TranscriptStore;
import dev.countersign.activities.task.TaskArchiveActivitiesImpl;
import dev.countersign.activities.tool.Tool;
import dev.countersign.activities.tool.ToolActivitiesImpl;
import dev.countersign.activities.tool.ToolRegistry;
import dev.countersign.activities.tool.mcp.McpServerSpec;
import dev.countersign.activities.tool.mcp.McpServerUnreachable;
import dev.countersign.activities.tool.mcp.McpServers;
import dev.countersign.client.Countersign;
import dev.countersign.client.TemporalCountersign;
import dev.countersign.history.HistoryProperties;
import dev.countersign.history.TaskHistoryReader;
import dev.countersign.history.TaskRuns;
import dev.countersign.history.TemporalUiProperties;
import dev.countersign.inbox.AdaptiveTaskDirectory;
import dev.countersign.inbox.TaskDirectory;
import dev.countersign.listing.ArchivedActionReader;
import dev.countersign.listing.ListingProperties;
import dev.countersign.listing.TaskReadFailures;
import dev.countersign.listing.TaskReads;
import dev.countersign.notify.NotificationActivities;
import dev.countersign.profile.AgentProfiles;
import dev.countersign.profile.AgentsFile;
import dev.countersign.profile.InvalidAgentsFile;
import dev.countersign.profile.ModelDrivenAgents;
import dev.countersign.store.ClusterLease;
import dev.countersign.store.CountersignSchema;
import dev.countersign.store.JdbcClusterLease;
import dev.countersign.store.JdbcTaskStore;
import dev.countersign.task.TaskArchiveActivities;
import io.micrometer.core.instrument.MeterRegistry;
import io.temporal.client.WorkflowClient;
import io.temporal.spring.boot.autoconfigure.RootNamespaceAutoConfiguration;
import io.temporal.spring.boot.autoconfigure.properties.TemporalProperties;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/**
 * Puts Countersign on the Temporal client that temporal-spring-boot-starter configures: collects
 * {@link Tool} beans and the Spring AI {@code @Tool} methods of any bean as tools, and {@link
 * AgentModel} beans, loads the policy (a broken file stops the start),
 * keeps conversations and archived actions in the application's DataSource (in memory without
 * one), runs the worker (tuned as the Temporal starter tunes its own: its customizer, interceptor
 * and plugin beans and the {@code spring.temporal.workers} entry of the task queue), and exposes the
 * {@link Countersign} facade. Every bean can be replaced; a replacement store implements both
 * {@link TranscriptStore} and {@link ActionArchive}.
 */
@AutoConfiguration(
        after = RootNamespaceAutoConfiguration.class,
        afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@ConditionalOnBean(WorkflowClient.class)
@EnableConfigurationProperties({
    CountersignProperties.class,
    TemporalTlsProperties.class,
    TemporalUiProperties.class,
    NotificationProperties.class,
    PayloadLimits.class,
    ListingProperties.class,
    HistoryProperties.class
})
public class CountersignAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CountersignAutoConfiguration.class);

    @Bean
    @ConditionalOnProperty(prefix = "countersign.temporal.tls", name = "server-ca-file")
    public TemporalTlsCustomizer countersignTemporalTls(TemporalTlsProperties tls) {
        return new TemporalTlsCustomizer(tls);
    }

    @Bean
    @ConditionalOnMissingBean
    public ToolRegistry countersignToolRegistry(
            ObjectProvider<Tool> tools, ConfigurableListableBeanFactory beans, McpServers mcpServers) {
        List<Tool> all = new ArrayList<>(tools.orderedStream().toList());
        all.addAll(ToolMethodBeans.in(beans));
        all.addAll(mcpServers.tools());
        ToolRegistry registry = new ToolRegistry(all);
        log.info("Countersign tools: {}", registry.names());
        return registry;
    }

    @Bean
    @ConditionalOnMissingBean
    public PolicySource countersignPolicySource(
            CountersignProperties properties, ToolRegistry tools, ResourceLoader resources, Environment environment) {
        String location = properties.policy().location();
        PolicyLoader loader = new PolicyLoader(tools.names());
        PolicySource source = new PolicySource(() -> loader.load(
                location, resolvePlaceholders(read(resources.getResource(location)), location, environment)));
        source.current().warnings().forEach(warning -> log.warn("policy {}: {}", location, warning));
        log.info(
                "Countersign policy {} loaded, hash {}",
                location,
                source.current().hash());
        return source;
    }

    /**
     * Resolves {@code ${...}} placeholders from Spring's environment, so a policy can take values
     * such as SLA durations from configuration; the policy hash covers the resolved text.
     */
    private static byte[] resolvePlaceholders(byte[] content, String location, Environment environment) {
        String text = new String(content, StandardCharsets.UTF_8);
        try {
            return environment.resolveRequiredPlaceholders(text).getBytes(StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new PolicyException(location, "unresolved placeholder: " + e.getMessage(), e);
        }
    }

    private static byte[] read(Resource resource) {
        try (InputStream in = resource.getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new PolicyException(
                    resource.getDescription(),
                    "cannot read the policy file (countersign.policy.location): " + e.getMessage(),
                    e);
        }
    }

    @Bean
    @ConditionalOnMissingBean
    public PolicyActivitiesImpl countersignPolicyActivities(PolicySource policies, ToolRegistry tools) {
        return new PolicyActivitiesImpl(policies, tools);
    }

    @Bean
    @ConditionalOnMissingBean
    public ToolActivitiesImpl countersignToolActivities(ToolRegistry tools, PayloadLimits limits) {
        return new ToolActivitiesImpl(tools, limits.maxPayloadBytes());
    }

    /** Countersign's tables in the application's database, migrated at start-up (Flyway). */
    @Bean
    @ConditionalOnBean(DataSource.class)
    @ConditionalOnMissingBean
    public CountersignSchema countersignSchema(DataSource dataSource) {
        return CountersignSchema.migrate(dataSource);
    }

    /** Conversations and archived actions in the application's database, beside its other tables. */
    @Bean
    @ConditionalOnBean(DataSource.class)
    @ConditionalOnMissingBean({TranscriptStore.class, ActionArchive.class})
    public JdbcTaskStore countersignTaskStore(CountersignSchema schema) {
        return new JdbcTaskStore(schema.dataSource(), java.time.Clock.systemUTC());
    }

    @Bean
    @ConditionalOnMissingBean({TranscriptStore.class, ActionArchive.class})
    public InMemoryTaskStore countersignInMemoryTaskStore() {
        log.warn("Countersign has no DataSource: task conversations and archived actions are kept in memory only,"
                + " and tasks that outlive this process fail; give the application a durable database (such as"
                + " PostgreSQL) when the Temporal server is durable");
        return new InMemoryTaskStore();
    }

    /**
     * The MCP servers of the agents file, connected, with their tools listed; a server that cannot be
     * reached stops the start, naming it. Closed (stdio servers stopped) with the context.
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public McpServers countersignMcpServers(
            AgentProfiles profiles,
            ObjectProvider<Tool> tools,
            ConfigurableListableBeanFactory beans,
            ObjectProvider<AdditionalMcpServers> additional) {
        Map<String, McpServerSpec> all =
                new LinkedHashMap<>(profiles.mcpServers().servers());
        additional
                .orderedStream()
                .forEach(declared -> declared.servers().forEach((name, spec) -> {
                    McpServerSpec agents = all.putIfAbsent(name, spec);
                    if (agents != null && !agents.equals(spec)) {
                        throw new IllegalStateException("the MCP server '" + name + "' of " + declared.origin()
                                + " is declared by the agents file with other settings; give one of them another name");
                    }
                }));
        if (all.isEmpty()) {
            return McpServers.NONE;
        }
        Set<String> taken = new HashSet<>();
        tools.orderedStream().map(Tool::name).forEach(taken::add);
        ToolMethodBeans.in(beans).stream().map(Tool::name).forEach(taken::add);
        try {
            McpServers servers = McpServers.open(all, taken);
            log.info(
                    "Countersign MCP servers {}: tools {}",
                    all.keySet(),
                    servers.tools().stream().map(Tool::name).toList());
            return servers;
        } catch (McpServerUnreachable | IllegalArgumentException broken) {
            if (profiles.mcpServers().servers().keySet().containsAll(all.keySet())) {
                throw new InvalidAgentsFile(profiles.source() + ": " + broken.getMessage());
            }
            throw new IllegalStateException("the MCP servers cannot be opened: " + broken.getMessage(), broken);
        }
    }

    /**
     * The agents file's agents ({@code countersign.agents}), its {@code ${...}} placeholders resolved
     * from the environment; a broken file stops the start.
     */
    @Bean
    @ConditionalOnMissingBean
    public AgentProfiles countersignAgentProfiles(
            CountersignProperties properties, ResourceLoader resources, Environment environment) {
        if (properties.agents().isEmpty()) {
            return AgentProfiles.NONE;
        }
        AgentProfiles profiles = AgentsFile.load(resources.getResource(properties.agents()), environment);
        log.info("Countersign agents file {}: {}", profiles.source(), profiles.names());
        return profiles;
    }

    /**
     * The agents: every AgentModel bean, and for each agent of the agents file that has instructions a
     * model-driven one on the model endpoint: a {@link ModelEndpoint} bean, else the OpenAI-compatible
     * endpoint of {@code OPENAI_BASE_URL}, {@code OPENAI_API_KEY} and {@code COUNTERSIGN_MODEL}, else
     * the one (or primary) Spring AI ChatModel bean a provider's starter made. No such agent, no model
     * client.
     */
    @Bean
    @ConditionalOnMissingBean
    public AgentActivitiesImpl countersignAgentActivities(
            ObjectProvider<AgentModel> models,
            AgentProfiles profiles,
            ObjectProvider<ModelEndpoint> endpoints,
            ObjectProvider<ChatModel> chatModels,
            ToolRegistry tools,
            McpServers mcpServers,
            Environment environment,
            TranscriptStore transcripts,
            PayloadLimits limits) {
        List<AgentModel> all = new ArrayList<>(models.orderedStream().toList());
        all.addAll(ModelDrivenAgents.of(
                profiles,
                () -> endpoints.getIfAvailable(() -> endpointOf(environment, chatModels)),
                tools,
                mcpServers));
        AgentActivitiesImpl activities = new AgentActivitiesImpl(all, transcripts, limits.maxPayloadBytes());
        profiles.refuseUnserved(activities.agents());
        log.info("Countersign agents: {}", activities.agents());
        return activities;
    }

    @Bean
    @ConditionalOnMissingBean
    public TaskArchiveActivities countersignTaskArchiveActivities(ActionArchive archive) {
        return new TaskArchiveActivitiesImpl(archive);
    }

    @Bean
    @ConditionalOnMissingBean
    public NotificationActivities countersignNotifications(NotificationProperties notifications) {
        // HTTP/1.1: plain-http receivers get no h2c upgrade attempt; redirects stay off, a 3xx is a failure.
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(notifications.timeout())
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        List<WebhookTarget> targets = notifications.targets();
        log.info("Countersign webhooks: {}, agent callbacks: {}", targets, notifications.callbacks());
        return new WebhookNotificationActivities(
                targets,
                notifications.callbacks().allowed(),
                notifications.consoleUrl(),
                notifications.timeout(),
                http);
    }

    @Bean
    @ConditionalOnMissingBean
    public TaskReadFailures countersignTaskReadFailures(ObjectProvider<MeterRegistry> meters) {
        return new TaskReadFailures(meters.getIfAvailable(), java.time.Clock.systemUTC());
    }

    /** Listings read tasks through this: a deadline on each query's gRPC call, bounded parallelism. */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public TaskReads countersignTaskReads(WorkflowClient client, ListingProperties listing, TaskReadFailures failures) {
        log.info(
                "Countersign listings read each task within {}, {} at a time",
                listing.readTimeout(),
                listing.parallelism());
        return TaskReads.on(client, listing, failures);
    }

    @Bean
    @ConditionalOnMissingBean
    public TaskDirectory countersignTaskDirectory(WorkflowClient client, TaskReads reads) {
        return new AdaptiveTaskDirectory(client, reads.queryClient());
    }

    @Bean
    @ConditionalOnMissingBean
    public TaskRuns countersignTaskRuns(WorkflowClient client, HistoryProperties history) {
        return new TaskRuns(client, history.maxRuns(), history.maxEvents());
    }

    @Bean
    @ConditionalOnMissingBean
    public TaskHistoryReader countersignTaskHistoryReader(
            WorkflowClient client, TemporalUiProperties ui, TaskRuns runs) {
        return new TaskHistoryReader(client, ui.temporalUiUrl(), runs);
    }

    /** The paged task read's view of the action archive: the archive's pages, or none without an archive. */
    @Bean
    @ConditionalOnMissingBean
    public ArchivedActionReader countersignArchivedActionReader(ObjectProvider<ActionArchive> archive) {
        ActionArchive available = archive.getIfAvailable();
        return available == null ? ArchivedActionReader.NONE : available::page;
    }

    /** The facade; review windows are judged by the application's {@link Clock} bean, or the system's. */
    @Bean
    @ConditionalOnMissingBean
    public Countersign countersign(
            WorkflowClient client,
            TaskDirectory directory,
            CountersignProperties properties,
            AgentActivitiesImpl agents,
            TaskHistoryReader history,
            PayloadLimits limits,
            TaskReads reads,
            ArchivedActionReader archivedActions,
            AgentProfiles profiles,
            ObjectProvider<Clock> clock) {
        return new TemporalCountersign(
                        client,
                        directory,
                        properties.taskQueue(),
                        agents.agents(),
                        history,
                        reads,
                        clock.getIfAvailable(Clock::systemUTC))
                .withPayloadLimit(limits.maxPayloadBytes())
                .withBudgets(profiles::budgetOf)
                .withArchivedActions(archivedActions);
    }

    /**
     * Exported by one replica at a time: the holder of a lease in the shared database, or this process
     * when there is no database (then it is the whole cluster).
     */
    @Bean(initMethod = "start", destroyMethod = "close")
    @ConditionalOnMissingBean
    @ConditionalOnClass(name = "io.micrometer.core.instrument.MeterRegistry")
    public PendingApprovalsGauge countersignPendingApprovalsGauge(
            TaskDirectory directory, ObjectProvider<CountersignSchema> schema) {
        Clock clock = Clock.systemUTC();
        ClusterLease lease = schema.stream()
                .findFirst()
                .<ClusterLease>map(database -> new JdbcClusterLease(
                        database.dataSource(),
                        "pending-approvals-gauge",
                        ReplicaName.of(),
                        PendingApprovalsGauge.RENEWAL.multipliedBy(3),
                        clock))
                .orElseGet(ClusterLease::solo);
        return new PendingApprovalsGauge(directory, java.time.Duration.ofSeconds(2), clock, lease);
    }

    /** This process's worker; an API-only replica ({@code countersign.worker.enabled=false}) has none. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(prefix = "countersign.worker", name = "enabled", havingValue = "true", matchIfMissing = true)
    static class WorkerConfiguration {

        @Bean
        @ConditionalOnMissingBean
        public SearchAttributeRegistrar countersignSearchAttributeRegistrar(WorkflowClient client) {
            return new SearchAttributeRegistrar(client);
        }

        @Bean
        @ConditionalOnMissingBean
        public CountersignWorker countersignWorker(
                WorkflowClient client,
                CountersignProperties properties,
                ObjectProvider<TemporalProperties> temporal,
                ConfigurableListableBeanFactory beanFactory,
                Environment environment,
                AgentActivitiesImpl agent,
                PolicyActivitiesImpl policy,
                ToolActivitiesImpl tools,
                NotificationActivities notifications,
                TaskArchiveActivities archive) {
            StarterWorkerFactories factories = new StarterWorkerFactories(
                    client,
                    properties.taskQueue(),
                    List.of(agent, policy, tools, notifications, archive),
                    temporal.getIfAvailable(),
                    beanFactory,
                    environment);
            return new CountersignWorker(
                    factories::create,
                    properties.taskQueue(),
                    properties.worker().shutdownGrace());
        }
    }

    /**
     * The endpoint the OpenAI variables name, read as Spring reads configuration; else the ChatModel
     * bean of a Spring AI provider, with {@code COUNTERSIGN_MODEL} as its default model if set; null
     * when there is neither.
     */
    private static ModelEndpoint endpointOf(Environment environment, ObjectProvider<ChatModel> chatModels) {
        Map<String, String> variables = new HashMap<>();
        for (String name : List.of(
                OpenAiEndpoint.BASE_URL_VARIABLE, OpenAiEndpoint.API_KEY_VARIABLE, OpenAiEndpoint.MODEL_VARIABLE)) {
            String value = environment.getProperty(name);
            if (value != null) {
                variables.put(name, value);
            }
        }
        return OpenAiEndpoint.fromEnvironment(variables)
                .<ModelEndpoint>map(endpoint -> endpoint)
                .orElseGet(() -> {
                    ChatModel provided = chatModels.getIfUnique();
                    return provided == null
                            ? null
                            : new SpringAiModel(provided, environment.getProperty(OpenAiEndpoint.MODEL_VARIABLE));
                });
    }
}
