package dev.countersign.cli;

import java.lang.reflect.Constructor;
import picocli.CommandLine;

/** Creates commands and mixins, handing the {@link CliContext} to those whose constructor takes it. */
final class CliFactory implements CommandLine.IFactory {

    private final CliContext context;

    CliFactory(CliContext context) {
        this.context = context;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        Constructor<K> withContext;
        try {
            withContext = type.getConstructor(CliContext.class);
        } catch (NoSuchMethodException noContextNeeded) {
            return CommandLine.defaultFactory().create(type);
        }
        return withContext.newInstance(context);
    }
}
