package dev.countersign.cli.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.cli.CliContext;
import dev.countersign.cli.Terminal;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigStoreTest {

    @TempDir
    Path home;

    @Test
    void aRelativeXdgConfigHomeIsIgnoredAsTheSpecificationSays() {
        ConfigStore store = ConfigStore.resolve(null, context(Map.of("XDG_CONFIG_HOME", "relative/dir")));

        assertThat(store.path()).isEqualTo(home.resolve(".config/countersign/config.json"));
    }

    @Test
    void anExplicitFileWinsOverXdgConfigHome() {
        Path explicit = home.resolve("mine.json");

        ConfigStore store = ConfigStore.resolve(explicit, context(Map.of("XDG_CONFIG_HOME", "/xdg")));

        assertThat(store.path()).isEqualTo(explicit);
    }

    @Test
    void aFileOthersCanReadDrawsAWarning() throws IOException {
        ConfigStore store = new ConfigStore(home.resolve("config.json"));
        store.save(CliConfig.basic("http://127.0.0.1:8080", "alice", "demo"));
        assertThat(store.permissionWarning()).isEmpty();

        Files.setPosixFilePermissions(store.path(), PosixFilePermissions.fromString("rw-r--r--"));

        assertThat(store.permissionWarning())
                .hasValueSatisfying(
                        warning -> assertThat(warning).contains("rw-r--r--").contains("chmod 600"));
    }

    @Test
    void anUnreadableFileSaysToLogInAgain() throws IOException {
        Path file = home.resolve("config.json");
        Files.writeString(file, "{not json");

        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> new ConfigStore(file).load()))
                .hasMessageContaining("cannot read the configuration");
    }

    @Test
    void passwordsAndTokensNeverAppearInToString() {
        assertThat(CliConfig.basic("http://h", "alice", "s3cret").toString()).doesNotContain("s3cret");
        assertThat(CliConfig.bearer("http://h", "tok123").toString()).doesNotContain("tok123");
        assertThat(new Credentials.Basic("alice", "s3cret").toString()).doesNotContain("s3cret");
        assertThat(new Credentials.Bearer("tok123").toString()).doesNotContain("tok123");
    }

    private CliContext context(Map<String, String> env) {
        return new CliContext(
                env,
                home,
                new ByteArrayInputStream(new byte[0]),
                prompt -> Optional.empty(),
                duration -> {},
                Clock.systemUTC(),
                ZoneOffset.UTC,
                Terminal.fixed(false, 0),
                CliContext.CONNECT_TIMEOUT,
                CliContext.REQUEST_TIMEOUT);
    }
}
