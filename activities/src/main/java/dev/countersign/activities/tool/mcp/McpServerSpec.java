package dev.countersign.activities.tool.mcp;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How to reach one MCP server: a command started over stdio (with its arguments and environment),
 * or a streamable HTTP URL (with its headers); a timeout for each request; and optionally the only
 * tools of the server to expose.
 *
 * @param command the program to start for stdio, for example {@code node}; null for HTTP
 * @param args the program's arguments
 * @param env variables added to the program's environment
 * @param url the streamable HTTP endpoint, for example {@code http://127.0.0.1:3001/mcp}; null for stdio
 * @param headers headers sent with every HTTP request, for example {@code Authorization}
 * @param timeout how long a request may wait for the server's answer
 * @param tools the server's tools to expose, by the server's names; empty for all
 * @param paths the arguments of its tools that name files, normalized before the policy judges a
 *     call (see {@link PathArgumentsSpec}); null when none do
 * @param localTools the server's tools that run as Temporal local activities (see {@link
 *     dev.countersign.activities.tool.Tool#runsLocally()}), by the server's names: each must be one
 *     the server marks {@code idempotentHint: true}, and the server's timeout at most {@link
 *     #LOCAL_TOOL_TIMEOUT}; empty for none
 */
public record McpServerSpec(
        String command,
        List<String> args,
        Map<String, String> env,
        String url,
        Map<String, String> headers,
        Duration timeout,
        List<String> tools,
        PathArgumentsSpec paths,
        List<String> localTools) {

    // One constructor only: the agents file binds an entry straight to it.

    /** What a server's name may be: it starts the names of its tools. */
    public static final java.util.regex.Pattern NAME =
            java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

    /** A request waits this long for an answer unless the server's entry says otherwise. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    /**
     * The longest timeout of a server with local tools: a local activity holds its task's workflow
     * task while it runs, so such a tool must answer within seconds.
     */
    public static final Duration LOCAL_TOOL_TIMEOUT = Duration.ofSeconds(30);

    public McpServerSpec {
        args = args == null ? List.of() : List.copyOf(args);
        env = env == null ? Map.of() : Map.copyOf(env);
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        tools = tools == null ? List.of() : List.copyOf(tools);
        localTools = localTools == null ? List.of() : List.copyOf(localTools);
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        if ((command == null) == (url == null)) {
            throw new IllegalArgumentException(
                    "give exactly one of command (a server started over stdio) and url (streamable HTTP)");
        }
        if (command != null && command.isBlank()) {
            throw new IllegalArgumentException("command must not be blank");
        }
        if (command != null && !headers.isEmpty()) {
            throw new IllegalArgumentException("headers apply to a url; a command takes env");
        }
        if (url != null && (!args.isEmpty() || !env.isEmpty())) {
            throw new IllegalArgumentException("args and env apply to a command; a url takes headers");
        }
        if (url != null) {
            checkUrl(url);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
        if (tools.stream().anyMatch(tool -> tool == null || tool.isBlank())) {
            throw new IllegalArgumentException("tools must name the server's tools, found a blank entry");
        }
        if (localTools.stream().anyMatch(tool -> tool == null || tool.isBlank())) {
            throw new IllegalArgumentException("local-tools must name the server's tools, found a blank entry");
        }
        List<String> exposed = tools;
        List<String> hidden = localTools.stream()
                .filter(tool -> !exposed.isEmpty() && !exposed.contains(tool))
                .toList();
        if (!hidden.isEmpty()) {
            throw new IllegalArgumentException("local-tools names " + hidden + ", which tools does not expose");
        }
        if (!localTools.isEmpty() && timeout.compareTo(LOCAL_TOOL_TIMEOUT) > 0) {
            throw new IllegalArgumentException("timeout must be at most " + LOCAL_TOOL_TIMEOUT
                    + " for a server with local-tools (a local activity holds its task while it runs), was " + timeout);
        }
        if (args.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("args must not hold an empty entry");
        }
    }

    /** A server started over stdio with the default timeout, exposing all its tools. */
    public static McpServerSpec stdio(String command, List<String> args) {
        return new McpServerSpec(command, args, Map.of(), null, Map.of(), null, List.of(), null, List.of());
    }

    /** A server reached over streamable HTTP with the default timeout, exposing all its tools. */
    public static McpServerSpec http(String url) {
        return new McpServerSpec(null, List.of(), Map.of(), url, Map.of(), null, List.of(), null, List.of());
    }

    /** This server with another timeout. */
    public McpServerSpec withTimeout(Duration other) {
        return new McpServerSpec(command, args, env, url, headers, other, tools, paths, localTools);
    }

    /** This server exposing only these tools. */
    public McpServerSpec withTools(List<String> only) {
        return new McpServerSpec(command, args, env, url, headers, timeout, only, paths, localTools);
    }

    /** This server with these path arguments. */
    public McpServerSpec withPaths(PathArgumentsSpec newPaths) {
        return new McpServerSpec(command, args, env, url, headers, timeout, tools, newPaths, localTools);
    }

    /** This server running these of its tools as local activities. */
    public McpServerSpec withLocalTools(List<String> local) {
        return new McpServerSpec(command, args, env, url, headers, timeout, tools, paths, local);
    }

    public boolean stdio() {
        return command != null;
    }

    /** Whether the server exposes this tool of its own. */
    public boolean exposes(String tool) {
        return tools.isEmpty() || tools.contains(tool);
    }

    /** Where the server is, for messages: the command line or the URL (headers and env left out). */
    public String where() {
        return stdio() ? String.join(" ", command, String.join(" ", args)).strip() : url;
    }

    private static void checkUrl(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("url is not a URL: " + url);
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("url must be an http or https URL, was " + url);
        }
    }
}
