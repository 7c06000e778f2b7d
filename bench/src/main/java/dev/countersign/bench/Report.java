package dev.countersign.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;

/**
 * docs/performance.md as the bench writes it, with its charts in docs/images/performance-*.png and
 * the raw histograms in docs/performance/*.hgrm. Figures only ever come from the run.
 */
final class Report {

    /** A target of issue 19, met, missed or not measured by this run; or a figure set beside them. */
    record Target(String what, String goal, String figure, String status) {}

    private final Path out;
    private final List<String> sections = new ArrayList<>();
    private final List<Target> targets = new ArrayList<>();

    Report(Path out) {
        this.out = out;
        try {
            Files.createDirectories(out.resolve("images"));
            Path raw = Files.createDirectories(out.resolve("performance"));
            try (Stream<Path> old = Files.list(raw)) {
                for (Path file :
                        old.filter(file -> file.toString().endsWith(".hgrm")).toList()) {
                    Files.delete(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + out, e);
        }
    }

    void section(String markdown) {
        sections.add(markdown.strip() + "\n");
    }

    void target(String what, String goal, String figure, boolean met) {
        targets.add(new Target(what, goal, figure, met ? "met" : "**missed**"));
    }

    void notMeasured(String what, String goal, String why) {
        targets.add(new Target(what, goal, why, "**not measured**"));
    }

    /** A row among the targets that has no goal of its own: a figure to compare with theirs. */
    void beside(String what, String figure) {
        targets.add(new Target(what, "—", figure, "for comparison"));
    }

    /** Writes the histogram's percentile distribution (in ms) and answers its link from the report. */
    String hgrm(String name, Histogram histogram) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        histogram.outputPercentileDistribution(new PrintStream(bytes, true, StandardCharsets.UTF_8), 5, 1000.0);
        String file = name.replaceAll("[^A-Za-z0-9.-]+", "-").toLowerCase() + ".hgrm";
        write(out.resolve("performance").resolve(file), bytes.toString(StandardCharsets.UTF_8));
        return "performance/" + file;
    }

    /** The path of a chart image to write, and its markdown. */
    Path image(String name) {
        return out.resolve("images").resolve("performance-" + name + ".png");
    }

    static String imageLink(String name, String alt) {
        return "![" + alt + "](images/performance-" + name + ".png)";
    }

    static String ms(double micros) {
        return String.format("%.2f", micros / 1000.0);
    }

    static String percentileRow(String name, Histogram h) {
        return "| %s | %s | %s | %s | %s | %d |"
                .formatted(
                        name,
                        ms(h.getValueAtPercentile(50)),
                        ms(h.getValueAtPercentile(90)),
                        ms(h.getValueAtPercentile(99)),
                        ms(h.getMaxValue()),
                        h.getTotalCount());
    }

    void write(Map<String, String> machine, String command, String took) {
        StringBuilder text = new StringBuilder();
        text.append("# Performance\n\n");
        text.append("Written by the bench (`scripts/bench.sh`, module `bench/`); do not edit by hand: run it again.\n");
        text.append("Every figure below comes from one run on one machine, the systems alternating in rounds so\n");
        text.append("drift hits all of them. Latencies are in milliseconds.\n\n");
        text.append("## Targets\n\n| target | goal | this run | |\n| --- | --- | --- | --- |\n");
        for (Target target : targets) {
            text.append("| %s | %s | %s | %s |\n"
                    .formatted(target.what(), target.goal(), target.figure(), target.status()));
        }
        text.append("\n## The machine\n\n| | |\n| --- | --- |\n");
        machine.forEach((name, value) ->
                text.append("| ").append(name).append(" | ").append(value).append(" |\n"));
        text.append(
                "\nEverything runs on this one machine: PostgreSQL, the Temporal server, the Countersign service,\n");
        text.append("the bench's load generator, its MCP server and model endpoint, the bare Temporal workers and\n");
        text.append("LangGraph share its cores, so the figures are those of a small box under its own load.\n\n");
        text.append("## The command\n\n```bash\n").append(command).append("\n```\n\n");
        text.append("The run took ").append(took).append(".\n\n");
        sections.forEach(section -> text.append(section).append('\n'));
        write(out.resolve("performance.md"), text.toString());
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
