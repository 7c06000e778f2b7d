package dev.countersign.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.FileSystemResource;

/** A broken agents file is refused whole, with a message naming the file, the agent and the key. */
class BrokenAgentsFilesAreRefusedTest {

    @TempDir
    Path folder;

    @Test
    void aGoodFileGivesEachAgentItsSettingsAndTheRestTheirDefaults() throws IOException {
        AgentProfiles profiles = load("""
                agents:
                  refunds:
                    instructions: |
                      You handle refund requests for the shop.
                    model: llama3.1
                    tools: [lookup_order, issue_refund]
                    max-steps: 200
                    token-budget: 50000
                    ask-human: true
                  support: {}
                """);

        AgentProfile refunds = profiles.find("refunds").orElseThrow();
        assertThat(refunds.modelDriven()).isTrue();
        assertThat(refunds.instructions()).isEqualTo("You handle refund requests for the shop.\n");
        assertThat(refunds.model()).isEqualTo("llama3.1");
        assertThat(refunds.tools()).containsExactly("lookup_order", "issue_refund");
        assertThat(refunds.maxSteps()).isEqualTo(200);
        assertThat(refunds.continueAsNewAfter()).isEqualTo(500);
        assertThat(refunds.tokenBudget()).isEqualTo(50_000);
        assertThat(refunds.askHuman()).isTrue();
        assertThat(profiles.find("support").orElseThrow()).isEqualTo(AgentProfile.ofBean("support"));
        assertThat(profiles.names()).containsExactlyInAnyOrder("refunds", "support");
    }

    @Test
    void theExampleInTheDocsLoads() {
        AgentProfiles profiles = AgentsFile.load(new FileSystemResource("../docs/examples/agents.yaml"));

        AgentProfile refunds = profiles.find("refunds").orElseThrow();
        assertThat(refunds.modelDriven()).isTrue();
        assertThat(refunds.tools()).containsExactly("lookup_order", "issue_refund", "send_email");
    }

    @Test
    void anUnknownKeyIsNamedWithItsAgent() throws IOException {
        assertThatThrownBy(() -> load("""
                        agents:
                          refunds:
                            instruction: say hello
                        """))
                .isInstanceOf(InvalidAgentsFile.class)
                .hasMessageContaining("agents.yaml")
                .hasMessageContaining("unknown key(s) agent 'refunds', key instruction");
    }

    @Test
    void aValueOfTheWrongTypeIsNamedWithItsAgentAndKey() throws IOException {
        assertThatThrownBy(() -> load("""
                        agents:
                          refunds:
                            instructions: hi
                            max-steps: many
                        """))
                .isInstanceOf(InvalidAgentsFile.class)
                .hasMessageContaining("agent 'refunds', key max-steps is not valid");
    }

    @Test
    void settingsThatNeedInstructionsAreRefusedWithoutThem() throws IOException {
        assertThatThrownBy(() -> load("""
                        agents:
                          refunds:
                            tools: [issue_refund]
                        """))
                .hasMessageContaining("agent 'refunds': model, tools, ask-human and ask-confidence need instructions");
    }

    @Test
    void badNamesBudgetsAndToolListsAreRefused() throws IOException {
        for (String entry : List.of(
                "\"refunds!\": {}",
                "refunds: {max-steps: 0}",
                "refunds: {continue-as-new-after: 0}",
                "refunds: {instructions: hi, token-budget: 0}",
                "refunds: {instructions: hi, tools: [a, a]}",
                "refunds: {instructions: '  '}")) {
            assertThatThrownBy(() -> load("agents:\n  " + entry + "\n"))
                    .describedAs(entry)
                    .isInstanceOf(InvalidAgentsFile.class)
                    .hasMessageStartingWith("The agents file is broken: ");
        }
    }

    @Test
    void aFileThatIsNotTheAgentsMapIsRefused() throws IOException {
        assertThatThrownBy(() -> load("agent:\n  refunds: {}\n"))
                .hasMessageContaining("unknown top-level key(s) [agent]");
        assertThatThrownBy(() -> load("agents: [\n")).hasMessageContaining("is not readable YAML");
        assertThatThrownBy(() -> AgentsFile.load(new FileSystemResource(folder.resolve("missing.yaml"))))
                .hasMessageContaining("does not exist");
    }

    private AgentProfiles load(String yaml) throws IOException {
        Path file = Files.writeString(folder.resolve("agents.yaml"), yaml);
        return AgentsFile.load(new FileSystemResource(file));
    }
}
