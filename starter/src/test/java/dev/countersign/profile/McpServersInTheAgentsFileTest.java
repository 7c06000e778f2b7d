package dev.countersign.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.countersign.activities.tool.mcp.McpServerSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.FileSystemResource;
import org.springframework.mock.env.MockEnvironment;

/** An agent's {@code mcp-servers} in the agents file: stdio or HTTP, each broken entry named by agent and key. */
class McpServersInTheAgentsFileTest {

    @TempDir
    Path folder;

    @Test
    void stdioAndHttpServersAreReadWithTheirSettingsAndDefaults() throws IOException {
        McpServerDeclarations declared = load("""
                agents:
                  files:
                    instructions: You manage files.
                    mcp-servers:
                      fs:
                        command: node
                        args: [server.js, /srv/sandbox]
                        env: {NODE_OPTIONS: --max-old-space-size=128}
                        tools: [read_text_file, write_file]
                        local-tools: [read_text_file]
                      search:
                        url: https://mcp.example.com/mcp
                        headers: {Authorization: Bearer abc}
                        timeout: PT5S
                """).mcpServers();

        assertThat(declared.of("files")).containsExactly("fs", "search");
        McpServerSpec fs = declared.servers().get("fs");
        assertThat(fs.command()).isEqualTo("node");
        assertThat(fs.args()).containsExactly("server.js", "/srv/sandbox");
        assertThat(fs.env()).isEqualTo(Map.of("NODE_OPTIONS", "--max-old-space-size=128"));
        assertThat(fs.timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(fs.tools()).containsExactly("read_text_file", "write_file");
        assertThat(fs.localTools()).containsExactly("read_text_file");
        McpServerSpec search = declared.servers().get("search");
        assertThat(search.url()).isEqualTo("https://mcp.example.com/mcp");
        assertThat(search.headers()).isEqualTo(Map.of("Authorization", "Bearer abc"));
        assertThat(search.timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(search.localTools()).isEmpty();
    }

    @Test
    void theExampleInTheDocsLoads() {
        McpServerDeclarations declared = AgentsFile.load(new FileSystemResource("../docs/examples/agents-mcp.yaml"))
                .mcpServers();

        assertThat(declared.of("files")).containsExactly("files");
        assertThat(declared.servers().get("files").command()).isEqualTo("sh");
        assertThat(declared.servers().get("search").url()).isEqualTo("http://127.0.0.1:3001/mcp");
    }

    @Test
    void aServerTwoAgentsDeclareAlikeIsOneServer() throws IOException {
        McpServerDeclarations declared = load("""
                agents:
                  reader:
                    instructions: You read.
                    mcp-servers: {fs: {command: node, args: [server.js]}}
                  writer:
                    instructions: You write.
                    mcp-servers: {fs: {command: node, args: [server.js]}}
                """).mcpServers();

        assertThat(declared.servers()).containsOnlyKeys("fs");
        assertThat(declared.of("reader")).containsExactly("fs");
        assertThat(declared.of("writer")).containsExactly("fs");
    }

    @Test
    void oneNameDeclaredWithTwoSettingsIsRefused() {
        assertThatThrownBy(() -> load("""
                        agents:
                          reader:
                            instructions: You read.
                            mcp-servers: {fs: {command: node, args: [a.js]}}
                          writer:
                            instructions: You write.
                            mcp-servers: {fs: {command: node, args: [b.js]}}
                        """))
                .isInstanceOf(InvalidAgentsFile.class)
                .hasMessageContaining(
                        "the MCP server 'fs' is declared by agent 'reader' and agent 'writer' with different settings");
    }

    @Test
    void brokenEntriesAreNamedByAgentAndKey() {
        Map<String, String> brokenToMessage = Map.of(
                "{fs: {args: [a.js]}}",
                "agent 'files', key mcp-servers.fs is not valid: give exactly one of command (a server started over stdio) and url",
                "{fs: {command: node, url: 'http://127.0.0.1:1/mcp'}}",
                "agent 'files', key mcp-servers.fs is not valid: give exactly one of command",
                "{fs: {url: 'ftp://example.com/mcp'}}",
                "agent 'files', key mcp-servers.fs is not valid: url must be an http or https URL",
                "{fs: {url: 'http://127.0.0.1:1/mcp', env: {A: b}}}",
                "agent 'files', key mcp-servers.fs is not valid: args and env apply to a command",
                "{fs: {command: node, timeout: PT0S}}",
                "agent 'files', key mcp-servers.fs is not valid: timeout must be positive",
                "{fs: {command: node, timeout: soon}}",
                "agent 'files', key mcp-servers.fs.timeout is not valid",
                "{fs: {command: node, comand: node}}",
                "unknown key(s) agent 'files', key mcp-servers.fs.comand",
                "{fs: {command: node, timeout: PT1M, local-tools: [read_text_file]}}",
                "agent 'files', key mcp-servers.fs is not valid: timeout must be at most PT30S for a server with"
                        + " local-tools",
                "{fs: {command: node, tools: [write_file], local-tools: [read_text_file]}}",
                "agent 'files', key mcp-servers.fs is not valid: local-tools names [read_text_file], which tools"
                        + " does not expose");
        brokenToMessage.forEach((servers, message) -> assertThatThrownBy(() -> load("""
                        agents:
                          files:
                            instructions: You manage files.
                            mcp-servers: %s
                        """.formatted(servers)))
                .describedAs(servers)
                .isInstanceOf(InvalidAgentsFile.class)
                .hasMessageStartingWith("The agents file is broken: ")
                .hasMessageContaining(message));
    }

    @Test
    void serversNeedAModelDrivenAgent() {
        assertThatThrownBy(() -> load("""
                        agents:
                          support:
                            mcp-servers: {fs: {command: node}}
                        """))
                .isInstanceOf(InvalidAgentsFile.class)
                .hasMessageContaining("agent 'support': mcp-servers need instructions");
    }

    @Test
    void anAgentsToolsAndItsServersToolsAreOfferedTogether() throws IOException {
        AgentProfile files = load("""
                        agents:
                          files:
                            instructions: You manage files.
                            tools: [send_email]
                        """).find("files").orElseThrow();

        assertThat(files.setup(List.of("fs_read_text_file", "send_email")).tools())
                .containsExactly("send_email", "fs_read_text_file");
    }

    @Test
    void pathArgumentsAndPlaceholdersFromTheEnvironmentAreRead() throws IOException {
        Path sandbox = Files.createDirectories(folder.resolve("sandbox"));
        Path file = Files.writeString(folder.resolve("agents.yaml"), """
                agents:
                  files:
                    instructions: You manage files.
                    mcp-servers:
                      files:
                        command: node
                        args: [server.js, "${COUNTERSIGN_FILES_SANDBOX}"]
                        paths:
                          base: ${COUNTERSIGN_FILES_SANDBOX}
                """);
        MockEnvironment environment =
                new MockEnvironment().withProperty("COUNTERSIGN_FILES_SANDBOX", sandbox.toString());

        McpServerSpec files = AgentsFile.load(new FileSystemResource(file), environment)
                .mcpServers()
                .servers()
                .get("files");

        assertThat(files.args()).containsExactly("server.js", sandbox.toString());
        assertThat(files.paths().base()).isEqualTo(sandbox.toString());
        assertThat(files.paths().arguments()).containsExactly("path", "paths", "source", "destination");
    }

    @Test
    void anUnsetPlaceholderOrAMissingBaseFolderNamesTheAgentAndKey() throws IOException {
        Path file = Files.writeString(folder.resolve("agents.yaml"), """
                agents:
                  files:
                    instructions: You manage files.
                    mcp-servers:
                      files:
                        command: node
                        paths: {base: "${COUNTERSIGN_FILES_SANDBOX}"}
                """);

        assertThatThrownBy(() -> AgentsFile.load(new FileSystemResource(file), new MockEnvironment()))
                .isInstanceOf(InvalidAgentsFile.class)
                .hasMessageContaining("agent 'files'")
                .hasMessageContaining("COUNTERSIGN_FILES_SANDBOX");
        MockEnvironment nowhere = new MockEnvironment().withProperty("COUNTERSIGN_FILES_SANDBOX", "/no/such/folder");
        assertThatThrownBy(() -> AgentsFile.load(new FileSystemResource(file), nowhere))
                .isInstanceOf(InvalidAgentsFile.class)
                .hasMessageContaining("agent 'files'")
                .hasMessageContaining(
                        "paths.base must be an absolute path to a folder that exists, was /no/such/folder");
    }

    private AgentProfiles load(String yaml) throws IOException {
        Path file = Files.writeString(folder.resolve("agents.yaml"), yaml);
        return AgentsFile.load(new FileSystemResource(file));
    }
}
