package dev.countersign.cli.config;

import dev.countersign.cli.CliException;
import dev.countersign.cli.ExitCode;
import java.nio.file.Path;

/** No credentials in the configuration: nothing can be sent to the server. */
public final class NotLoggedIn extends CliException {

    public NotLoggedIn(Path config) {
        super(
                ExitCode.NOT_ALLOWED,
                "not logged in (no credentials in " + config + ")",
                "run `countersign login --server URL --user NAME`");
    }
}
