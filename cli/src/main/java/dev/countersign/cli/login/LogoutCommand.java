package dev.countersign.cli.login;

import dev.countersign.cli.ExitCode;
import dev.countersign.cli.config.ConfigOption;
import dev.countersign.cli.config.ConfigStore;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Forgets the stored server and credentials. */
@Command(name = "logout", mixinStandardHelpOptions = true, description = "Remove the stored credentials.")
public final class LogoutCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private ConfigOption config;

    @Override
    public Integer call() {
        ConfigStore store = config.store();
        PrintWriter out = spec.commandLine().getOut();
        if (store.delete()) {
            out.println("logged out: removed " + store.path());
        } else {
            out.println("not logged in: there is no " + store.path());
        }
        return ExitCode.OK;
    }
}
