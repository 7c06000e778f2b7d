package dev.countersign.service.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The running service reloads a changed policy file on an admin's request (its own service, on a
 * copy of the demo policy): verdicts given afterwards name the new hash; a broken edit is refused
 * with every problem and the policy in force stays.
 */
class PolicyReloadTest extends AcceptanceTest {

    private static final Path FILE = copyOfTheDemoPolicy();

    @DynamicPropertySource
    static void policyFromAFile(DynamicPropertyRegistry registry) {
        registry.add("countersign.policy.location", () -> "file:" + FILE);
    }

    @Test
    void aChangedFileTakesEffectOnReloadAndVerdictsNameItsHash() throws IOException {
        JsonNode before = desk.as("alice").get("/api/policy").ok(200);
        String oldHash = before.path("hash").asString();
        assertThat(before.path("rules"))
                .anySatisfy(rule -> assertThat(rule.path("name").asString()).isEqualTo("small-refunds"));

        String original = Files.readString(FILE);
        try {
            // small refunds now need a support lead too
            Files.writeString(FILE, original.replace("when: \"args.amount <= 10\"", "when: \"args.amount <= 0\""));
            JsonNode reloaded =
                    desk.as("ada").post("/api/policy/reload", Map.of()).ok(200);

            assertThat(reloaded.path("previousHash").asString()).isEqualTo(oldHash);
            assertThat(reloaded.path("changed").asBoolean()).isTrue();
            String newHash = reloaded.path("policy").path("hash").asString();
            assertThat(newHash).isNotEqualTo(oldHash);
            String taskId = desk.startRefund("RL-5", "5", "USD");
            JsonNode pending = desk.awaitApproval(SupportDesk.refundApproval(taskId));
            assertThat(pending.path("rule").asString()).isEqualTo("medium-refunds");
            JsonNode refund = SupportDesk.action(desk.task(taskId), "a2");
            assertThat(refund.path("policyHash").asString()).isEqualTo(newHash);
            assertThat(SupportDesk.action(desk.task(taskId), "a1")
                            .path("policyHash")
                            .asString())
                    .isEqualTo(newHash);
        } finally {
            Files.writeString(FILE, original);
            desk.as("ada").post("/api/policy/reload", Map.of()).ok(200);
        }
    }

    @Test
    void aBrokenEditIsRefusedAndThePolicyInForceStays() throws IOException {
        String hash = desk.as("alice").get("/api/policy").ok(200).path("hash").asString();
        String original = Files.readString(FILE);
        try {
            Files.writeString(FILE, original.replace("approvals: 2", "approvals: none"));

            JsonNode problem =
                    desk.as("ada").post("/api/policy/reload", Map.of()).problem(422, "InvalidPolicy");

            assertThat(problem.path("problems").get(0).asString())
                    .contains("rule 'large-refunds'", "'approvals' must be a whole number, was 'none'");
            assertThat(desk.as("alice").get("/api/policy").ok(200).path("hash").asString())
                    .isEqualTo(hash);
        } finally {
            Files.writeString(FILE, original);
        }
    }

    @Test
    void onlyAdminsReload() {
        desk.as("olga").post("/api/policy/reload", Map.of()).problem(403, "AccessDenied");
        desk.as("alice").post("/api/policy/reload", Map.of()).problem(403, "AccessDenied");
        anonymous.post("/api/policy/reload", Map.of()).problem(401, "Unauthenticated");
    }

    private static Path copyOfTheDemoPolicy() {
        try {
            Path file = Files.createTempFile("countersign-policy-", ".yaml");
            file.toFile().deleteOnExit();
            Files.write(file, new ClassPathResource("countersign-policy.yaml").getContentAsByteArray());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
