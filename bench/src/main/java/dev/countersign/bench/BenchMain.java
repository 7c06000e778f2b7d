package dev.countersign.bench;

/**
 * Runs the bench: {@code java -jar bench/target/countersign-bench.jar [--option value]...} from the
 * repository's root, as scripts/bench.sh does once it has installed and built what it needs.
 */
public final class BenchMain {

    private BenchMain() {}

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        // The embedded Tomcat of the bench's MCP server logs through java.util.logging: warnings only.
        java.util.logging.Logger.getLogger("org.apache").setLevel(java.util.logging.Level.WARNING);
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage());
            System.exit(2);
            return;
        }
        new Bench(options).run();
        System.exit(0);
    }
}
