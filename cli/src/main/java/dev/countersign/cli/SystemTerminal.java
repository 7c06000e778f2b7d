package dev.countersign.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/** The terminal of the running process: COLUMNS if set, else {@code stty size} when on a terminal. */
final class SystemTerminal implements Terminal {

    private final Map<String, String> env;
    private OptionalInt width;

    SystemTerminal(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public boolean interactive() {
        return System.console() != null;
    }

    @Override
    public synchronized OptionalInt width() {
        if (width == null) {
            width = columnsVariable();
            if (width.isEmpty() && interactive()) {
                width = sttySize();
            }
        }
        return width;
    }

    private OptionalInt columnsVariable() {
        try {
            int columns = Integer.parseInt(env.getOrDefault("COLUMNS", "").trim());
            return columns > 0 ? OptionalInt.of(columns) : OptionalInt.empty();
        } catch (NumberFormatException notSet) {
            return OptionalInt.empty();
        }
    }

    private static OptionalInt sttySize() {
        File tty = new File("/dev/tty");
        if (!tty.exists()) {
            return OptionalInt.empty();
        }
        try {
            Process stty = new ProcessBuilder("stty", "size")
                    .redirectInput(tty)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!stty.waitFor(1, TimeUnit.SECONDS)) {
                stty.destroyForcibly();
                return OptionalInt.empty();
            }
            String[] rowsAndColumns = new String(stty.getInputStream().readAllBytes(), StandardCharsets.US_ASCII)
                    .trim()
                    .split("\\s+");
            int columns = rowsAndColumns.length == 2 ? Integer.parseInt(rowsAndColumns[1]) : 0;
            return columns > 0 ? OptionalInt.of(columns) : OptionalInt.empty();
        } catch (IOException | NumberFormatException noStty) {
            return OptionalInt.empty();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return OptionalInt.empty();
        }
    }
}
