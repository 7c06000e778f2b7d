package dev.countersign.profile;

import dev.countersign.activities.tool.mcp.McpServerSpec;
import dev.countersign.task.StepBudget;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.boot.context.properties.bind.handler.NoUnboundElementsBindHandler;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertyResolver;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.Resource;

/**
 * Reads the agents file ({@code COUNTERSIGN_AGENTS}, for example {@code file:/etc/countersign/agents.yaml}):
 * a YAML map {@code agents} of agent name to its settings. A broken file is refused whole, with a
 * message that names the file, the agent and the key, as a broken policy file is.
 */
public final class AgentsFile {

    private static final String ROOT = "agents";

    private AgentsFile() {}

    /** What one agent's entry may say; kebab-case keys, as Spring binds them. */
    record Entry(
            String instructions,
            String model,
            List<String> tools,
            @DefaultValue("" + StepBudget.DEFAULT_MAX_STEPS) int maxSteps,

            @DefaultValue("" + StepBudget.DEFAULT_CONTINUE_AS_NEW_AFTER)
            int continueAsNewAfter,

            @DefaultValue("" + StepBudget.DEFAULT_TOKEN_BUDGET)
            long tokenBudget,

            @DefaultValue("false") boolean askHuman,
            @DefaultValue("false") boolean askConfidence,
            Map<String, McpServerSpec> mcpServers) {}

    /** The agents the file declares, taken as written; throws {@link InvalidAgentsFile} saying what is wrong. */
    public static AgentProfiles load(Resource resource) {
        return load(resource, null);
    }

    /**
     * The agents the file declares, with Spring {@code ${...}} placeholders in its values resolved by
     * {@code placeholders} (the application's environment: {@code ${COUNTERSIGN_FILES_SANDBOX}}); one
     * that cannot be resolved names its agent and key. Throws {@link InvalidAgentsFile} saying what is
     * wrong.
     */
    public static AgentProfiles load(Resource resource, PropertyResolver placeholders) {
        String source = resource.getDescription();
        if (!resource.exists()) {
            throw new InvalidAgentsFile(source + " does not exist");
        }
        List<PropertySource<?>> sources;
        try {
            sources = new YamlPropertySourceLoader().load(source, resource);
        } catch (IOException | RuntimeException unreadable) {
            throw new InvalidAgentsFile(source + " is not readable YAML: " + unreadable.getMessage());
        }
        refuseStrayKeys(source, sources);
        Map<String, Entry> entries = bind(source, sources, placeholders);
        Map<String, AgentProfile> profiles = new LinkedHashMap<>();
        entries.forEach((name, entry) -> profiles.put(name, profile(source, name, entry)));
        return new AgentProfiles(source, profiles, mcpServers(source, entries));
    }

    /**
     * Refuses keys beside {@code agents} and agent names Spring would bind altered (it drops the
     * characters a property name may not hold, so {@code refunds!} would quietly become {@code refunds}).
     */
    private static void refuseStrayKeys(String source, List<PropertySource<?>> sources) {
        List<String> names = sources.stream()
                .filter(EnumerablePropertySource.class::isInstance)
                .flatMap(each -> List.of(((EnumerablePropertySource<?>) each).getPropertyNames()).stream())
                .toList();
        List<String> others = names.stream()
                .map(name -> name.split("[.\\[]", 2)[0])
                .filter(top -> !top.equals(ROOT))
                .distinct()
                .toList();
        if (!others.isEmpty()) {
            throw new InvalidAgentsFile(
                    source + ": unknown top-level key(s) " + others + "; the file holds one map, 'agents'");
        }
        try {
            names.stream()
                    .filter(name -> name.startsWith(ROOT + "."))
                    .map(name -> name.substring(ROOT.length() + 1).split("\\.", 2)[0])
                    .forEach(AgentProfile::checkName);
        } catch (IllegalArgumentException invalid) {
            throw new InvalidAgentsFile(source + ": " + invalid.getMessage());
        }
    }

    private static Map<String, Entry> bind(
            String source, List<PropertySource<?>> sources, PropertyResolver placeholders) {
        Binder binder = new Binder(
                ConfigurationPropertySources.from(sources),
                placeholders == null
                        ? null
                        : value ->
                                value instanceof String text ? placeholders.resolveRequiredPlaceholders(text) : value);
        try {
            return binder.bind(
                            ROOT,
                            Bindable.mapOf(String.class, Entry.class),
                            new NoUnboundElementsBindHandler(BindHandler.DEFAULT))
                    .orElse(Map.of());
        } catch (BindException broken) {
            throw new InvalidAgentsFile(source + ": " + explain(broken));
        }
    }

    private static String explain(BindException broken) {
        Throwable cause = broken.getCause();
        if (cause instanceof UnboundConfigurationPropertiesException unbound) {
            return "unknown key(s) "
                    + unbound.getUnboundProperties().stream()
                            .map(property -> agentAndKey(property.getName().toString()))
                            .collect(Collectors.joining(", "))
                    + "; an agent may have instructions, model, tools, max-steps, continue-as-new-after,"
                    + " token-budget, ask-human, ask-confidence and mcp-servers (each with command, args, env, url,"
                    + " headers, timeout, tools, paths and local-tools)";
        }
        String reason = NestedExceptionUtils.getMostSpecificCause(broken).getMessage();
        return agentAndKey(broken.getName().toString()) + " is not valid: " + reason;
    }

    /** "agents.refunds.max-steps" as "agent 'refunds', key max-steps". */
    private static String agentAndKey(String property) {
        String[] parts = property.split("\\.", 3);
        if (parts.length < 2) {
            return "'" + property + "'";
        }
        return "agent '" + parts[1] + "'" + (parts.length == 3 ? ", key " + parts[2] : "");
    }

    /** Each agent's MCP servers; a broken entry is named by its agent and server. */
    private static McpServerDeclarations mcpServers(String source, Map<String, Entry> entries) {
        McpServerDeclarations.Builder declarations = new McpServerDeclarations.Builder();
        entries.forEach((agent, entry) -> {
            Map<String, McpServerSpec> servers = entry.mcpServers() == null ? Map.of() : entry.mcpServers();
            if (!servers.isEmpty() && entry.instructions() == null) {
                throw new InvalidAgentsFile(source + ": agent '" + agent
                        + "': mcp-servers need instructions: without them the agent is an AgentModel bean");
            }
            servers.forEach((server, declared) -> {
                if (!McpServerSpec.NAME.matcher(server).matches()) {
                    throw new InvalidAgentsFile(source + ": agent '" + agent + "', key mcp-servers." + server
                            + ": a server name is letters, digits, '-' and '_', at most 64");
                }
                try {
                    declarations.add(agent, server, declared);
                } catch (IllegalArgumentException conflicting) {
                    throw new InvalidAgentsFile(source + ": " + conflicting.getMessage());
                }
            });
        });
        return declarations.build();
    }

    private static AgentProfile profile(String source, String name, Entry entry) {
        try {
            return new AgentProfile(
                    name,
                    entry.instructions(),
                    entry.model(),
                    entry.tools(),
                    entry.maxSteps(),
                    entry.continueAsNewAfter(),
                    entry.tokenBudget(),
                    entry.askHuman(),
                    entry.askConfidence());
        } catch (IllegalArgumentException invalid) {
            throw new InvalidAgentsFile(source + ": agent '" + name + "': " + invalid.getMessage());
        }
    }
}
