package dev.countersign.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/** What the report says about the machine and the versions the run used. */
final class Machine {

    private Machine() {}

    static Map<String, String> facts(Path repo) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put(
                "CPUs (nproc)",
                Shell.firstLine(String.valueOf(Runtime.getRuntime().availableProcessors()), "nproc"));
        facts.put("CPU model", cpuModel());
        facts.put("RAM", memTotal());
        facts.put("load average at start (1, 5, 15 min)", loadAverage());
        facts.put("OS", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        facts.put("JDK", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        Properties versions = versions();
        facts.put(
                "Temporal server",
                temporalServerVersion(repo) + " (go install go.temporal.io/server, SQL visibility; dynamic config: "
                        + TemporalOnPostgres.EAGER_ACTIVITIES + " true, " + TemporalOnPostgres.VISIBILITY_RPS + " "
                        + TemporalOnPostgres.VISIBILITY_RPS_VALUE + " (default 10))");
        facts.put("Temporal Java SDK", versions.getProperty("temporal.sdk"));
        facts.put("MCP Java SDK", versions.getProperty("mcp.sdk"));
        facts.put(
                "HdrHistogram / XChart", versions.getProperty("hdrhistogram") + " / " + versions.getProperty("xchart"));
        return facts;
    }

    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + ", " + fields[1] + ", " + fields[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim())
                    .findFirst()
                    .orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String memTotal() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream()
                    .filter(line -> line.startsWith("MemTotal:"))
                    .map(line -> Long.parseLong(line.replaceAll("\\D", "")) / 1024 / 1024 + " GiB")
                    .findFirst()
                    .orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String temporalServerVersion(Path repo) {
        try {
            return Files.readAllLines(repo.resolve("scripts/temporal-server.sh")).stream()
                    .filter(line -> line.startsWith("readonly SERVER_VERSION="))
                    .map(line -> line.substring(line.indexOf('=') + 1))
                    .findFirst()
                    .orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    static Properties versions() {
        Properties versions = new Properties();
        try (InputStream in = Machine.class.getResourceAsStream("/bench-versions.properties")) {
            versions.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return versions;
    }
}
