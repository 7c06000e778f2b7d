package dev.countersign.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The bench's options ({@code --name value}), each with the default that runs in well under 30 minutes. */
record BenchOptions(Map<String, String> values) {

    static final Map<String, String> DEFAULTS = defaults();

    private static Map<String, String> defaults() {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("rounds", "3");
        defaults.put("rates", "10,50");
        defaults.put("seconds", "4");
        defaults.put("warmup", "10");
        defaults.put("saturation-gates", "100");
        defaults.put("concurrency", "32");
        defaults.put("pending", "1000");
        defaults.put("inbox-requests", "200");
        defaults.put("gateway-calls", "2000");
        defaults.put("gateway-warmup", "200");
        defaults.put("auth-requests", "300");
        defaults.put("cli-runs", "10");
        defaults.put("worker-jvm", "-Xmx512m");
        defaults.put("workflow-cache", "600");
        defaults.put("jfr", "false");
        defaults.put("skip", "");
        defaults.put("out", "docs");
        defaults.put("work-dir", "bench/target/run");
        defaults.put("repo", ".");
        return defaults;
    }

    static BenchOptions parse(String[] args) {
        Map<String, String> values = new HashMap<>(DEFAULTS);
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (!name.startsWith("--") || !DEFAULTS.containsKey(name.substring(2))) {
                throw new IllegalArgumentException("unknown option " + name + "; options: " + usage());
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            values.put(name.substring(2), args[++i]);
        }
        return new BenchOptions(Map.copyOf(values));
    }

    static String usage() {
        return DEFAULTS.entrySet().stream()
                .map(option -> "--" + option.getKey() + " " + (option.getValue().isEmpty() ? "''" : option.getValue()))
                .collect(Collectors.joining(" "));
    }

    int integer(String name) {
        return Integer.parseInt(values.get(name));
    }

    String text(String name) {
        return values.get(name);
    }

    boolean flag(String name) {
        return Boolean.parseBoolean(values.get(name));
    }

    Path path(String name) {
        return Path.of(values.get(name)).toAbsolutePath().normalize();
    }

    List<Double> rates() {
        return Arrays.stream(values.get("rates").split(","))
                .map(Double::parseDouble)
                .toList();
    }

    /** Scenarios to leave out: langgraph, gate, saturation, gateway, auth, cli, pending. */
    boolean skips(String scenario) {
        Set<String> skipped =
                Arrays.stream(values.get("skip").split(",")).map(String::trim).collect(Collectors.toSet());
        return skipped.contains(scenario);
    }

    /** The options that differ from the defaults, as given on the command line. */
    String changed() {
        return values.entrySet().stream()
                .filter(option -> !option.getValue().equals(DEFAULTS.get(option.getKey())))
                .sorted(Map.Entry.comparingByKey())
                .map(option -> "--" + option.getKey() + " '" + option.getValue() + "'")
                .collect(Collectors.joining(" "));
    }
}
