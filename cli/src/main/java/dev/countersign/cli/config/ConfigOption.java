package dev.countersign.cli.config;

import dev.countersign.cli.CliContext;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --config FILE}: where the server and credentials are kept. */
public final class ConfigOption {

    private final CliContext context;

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "configuration file (default: $XDG_CONFIG_HOME/countersign/config.json,"
                    + " else ~/.config/countersign/config.json)")
    private Path file;

    public ConfigOption(CliContext context) {
        this.context = context;
    }

    public ConfigStore store() {
        return ConfigStore.resolve(file, context);
    }
}
