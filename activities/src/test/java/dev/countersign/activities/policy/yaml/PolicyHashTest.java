package dev.countersign.activities.policy.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyHashTest {

    private static final String POLICY = """
            version: 1
            rules:
              - name: lookups
                tool: lookup_order
                outcome: auto
            """;

    @TempDir
    Path dir;

    @Test
    void hashIsTheSha256OfTheFileBytes() throws Exception {
        Path file = write(POLICY);

        String expected =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));

        assertThat(new PolicyLoader().load(file).hash()).isEqualTo(expected);
    }

    @Test
    void hashIsStableAcrossLoadsOfTheSameFile() throws IOException {
        Path file = write(POLICY);

        assertThat(new PolicyLoader().load(file).hash())
                .isEqualTo(new PolicyLoader().load(file).hash());
    }

    @Test
    void hashChangesWhenTheFileChangesEvenOnlyInAComment() throws IOException {
        Path file = write(POLICY);
        String before = new PolicyLoader().load(file).hash();

        write("# reviewed by security\n" + POLICY);

        assertThat(new PolicyLoader().load(file).hash()).isNotEqualTo(before);
    }

    @Test
    void sourceNamesTheFile() throws IOException {
        Path file = write(POLICY);

        assertThat(new PolicyLoader().load(file).source()).isEqualTo(file.toString());
    }

    private Path write(String content) throws IOException {
        return Files.writeString(dir.resolve("policy.yaml"), content, StandardCharsets.UTF_8);
    }
}
