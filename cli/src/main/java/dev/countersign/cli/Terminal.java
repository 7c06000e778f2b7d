package dev.countersign.cli;

import java.util.Map;
import java.util.OptionalInt;

/** What the CLI knows about the terminal its output goes to. */
public interface Terminal {

    /** True when a person watches the output, so that clearing the screen is welcome. */
    boolean interactive();

    /** The width in columns, when known. */
    OptionalInt width();

    static Terminal system(Map<String, String> env) {
        return new SystemTerminal(env);
    }

    static Terminal fixed(boolean interactive, int width) {
        return new Terminal() {
            @Override
            public boolean interactive() {
                return interactive;
            }

            @Override
            public OptionalInt width() {
                return width > 0 ? OptionalInt.of(width) : OptionalInt.empty();
            }
        };
    }
}
