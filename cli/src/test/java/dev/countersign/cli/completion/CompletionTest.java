package dev.countersign.cli.completion;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.cli.testing.Cli;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompletionTest {

    @TempDir
    Path home;

    @Test
    void completionPrintsABashScriptForEveryCommand() {
        Cli.Result result = new Cli(home).run("completion");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out())
                .contains("complete -F _complete_countersign")
                .contains("approve")
                .contains("request-changes")
                .contains("history");
    }
}
