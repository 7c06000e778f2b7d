package dev.countersign.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decision to acknowledged and decision to executed, open-loop at fixed rates, for Countersign (also
 * with its tool as a local activity), the bare Temporal variants and LangGraph, in rounds whose order
 * rotates; then completed gates per second at saturation for Countersign (both ways) and the bare baseline,
 * alternating too.
 */
final class GateLatency {

    static final String LANGGRAPH = "LangGraph";
    private static final Logger log = LoggerFactory.getLogger(GateLatency.class);

    private final BenchOptions options;
    private final Touches touches;
    private final String countersign;
    private final String localTool;
    private final String bare;
    private final Map<String, Map<Double, Histogram>> ack = new LinkedHashMap<>();
    private final Map<String, Map<Double, Histogram>> executed = new LinkedHashMap<>();
    private final Map<String, List<Double>> throughput = new LinkedHashMap<>();
    private final Supplier<String> workerMetrics;
    /** The service's metrics over Countersign's decisions at the first rate, from before them until acknowledged. */
    private final Map<String, WorkerMetrics> duringDecisions = new LinkedHashMap<>();
    /** The same until their tasks ended: all the work the decisions made. */
    private final Map<String, WorkerMetrics> untilSettled = new LinkedHashMap<>();

    private final List<String> problems = new ArrayList<>();
    private String langGraphSystem;
    private String langGraphSkipped;

    /**
     * @param countersign the column of Countersign as it runs by default; it, {@code localTool} and {@code
     *     bare} run at every rate and at saturation, every other system at the first rate only
     * @param localTool the column of Countersign with its tool as a local activity, set beside Countersign in
     *     the breakdown and beside the targets
     * @param bare the column of the bare baseline, which the tables' ratios divide by
     * @param workerMetrics reads the service's {@code /actuator/prometheus}; null for no account of it
     */
    GateLatency(
            BenchOptions options,
            Touches touches,
            String countersign,
            String localTool,
            String bare,
            Supplier<String> workerMetrics) {
        this.options = options;
        this.workerMetrics = workerMetrics;
        this.touches = touches;
        this.countersign = countersign;
        this.localTool = localTool;
        this.bare = bare;
    }

    /**
     * @param systems every system, in the report's order, among them those named at construction
     * @param langGraph null when the LangGraph column is skipped, with {@code whyNot} saying why
     */
    void run(List<GateSystem> systems, LangGraphGate langGraph, String whyNot) {
        langGraphSkipped = langGraph == null ? whyNot : null;
        List<String> columns =
                new ArrayList<>(systems.stream().map(GateSystem::name).toList());
        if (langGraph != null) {
            columns.add(LANGGRAPH);
        }
        columns.forEach(name -> {
            ack.put(name, new LinkedHashMap<>());
            executed.put(name, new LinkedHashMap<>());
        });
        int warmup = options.integer("warmup");
        warmUp(systems, warmup);
        for (int round = 0; round < options.integer("rounds"); round++) {
            List<String> order = new ArrayList<>(columns);
            Collections.rotate(order, -round);
            for (String column : order) {
                for (double rate : ratesOf(column)) {
                    int count = (int) Math.round(rate * options.integer("seconds"));
                    String prefix = "r" + round + "-" + slug(column) + "-" + (int) rate;
                    log.info(
                            "round {}: {} at {}/s, {} decisions after {} warm-up",
                            round + 1,
                            column,
                            rate,
                            count,
                            warmup);
                    if (column.equals(LANGGRAPH)) {
                        LangGraphGate.Run run = langGraph.run(prefix, rate, count, warmup);
                        langGraphSystem = run.system();
                        merge(column, rate, run.ack(), run.executed());
                        continue;
                    }
                    GateSystem system = systems.stream()
                            .filter(s -> s.name().equals(column))
                            .findFirst()
                            .orElseThrow();
                    List<Gate> gates = system.prepare(prefix, count + warmup);
                    log.info("{} gates of {} waiting; deciding", gates.size(), column);
                    boolean accounted =
                            rate == options.rates().get(0) && (column.equals(countersign) || column.equals(localTool));
                    WorkerMetrics before = accounted ? WorkerMetrics.read(workerMetrics) : null;
                    OpenLoop.Outcome outcome = OpenLoop.atRate(system, gates, rate, warmup, touches);
                    log.info("{} decided; settling", column);
                    WorkerMetrics decided = before == null ? null : WorkerMetrics.read(workerMetrics);
                    system.awaitSettled(gates);
                    if (before != null) {
                        duringDecisions.merge(column, decided.since(before), WorkerMetrics::plus);
                        untilSettled.merge(
                                column, WorkerMetrics.read(workerMetrics).since(before), WorkerMetrics::plus);
                    }
                    merge(column, rate, outcome.ack(), outcome.executed());
                    if (outcome.failed() > 0 || outcome.neverExecuted() > 0) {
                        problems.add("round %d, %s at %s/s: %d decisions failed (first: %s), %d gates never executed"
                                .formatted(
                                        round + 1,
                                        column,
                                        rate,
                                        outcome.failed(),
                                        outcome.firstFailure(),
                                        outcome.neverExecuted()));
                    }
                }
            }
            if (!options.skips("saturation")) {
                saturate(
                        systems.stream()
                                .filter(system -> system.name().equals(countersign)
                                        || system.name().equals(localTool)
                                        || system.name().equals(bare))
                                .toList(),
                        round);
            }
        }
    }

    /**
     * One pass of every system before the first round, counted nowhere: the service's JVM loads its
     * classes and compiles its hot paths (the model client's first calls load thousands of classes
     * under one lock), so that round 1 does not measure a cold JVM.
     */
    private void warmUp(List<GateSystem> systems, int warmup) {
        double rate = options.rates().get(0);
        for (GateSystem system : systems) {
            log.info("warm-up: {} at {}/s, {} decisions not counted", system.name(), rate, 3 * warmup);
            List<Gate> gates = system.prepare("w-" + slug(system.name()), 3 * warmup);
            OpenLoop.atRate(system, gates, rate, gates.size(), touches);
            system.awaitSettled(gates);
        }
    }

    /**
     * Countersign (both ways), the bare baseline and LangGraph run at every rate; the variants, which show what one
     * technique changes, at the first rate only, which keeps the run short.
     */
    private List<Double> ratesOf(String column) {
        boolean full = column.equals(LANGGRAPH)
                || column.equals(countersign)
                || column.equals(localTool)
                || column.equals(bare);
        return full ? options.rates() : options.rates().subList(0, 1);
    }

    private void saturate(List<GateSystem> pair, int round) {
        List<GateSystem> order = new ArrayList<>(pair);
        Collections.rotate(order, -round);
        for (GateSystem system : order) {
            List<Gate> gates =
                    system.prepare("s" + round + "-" + slug(system.name()), options.integer("saturation-gates"));
            log.info(
                    "round {}: {} at saturation, {} in flight",
                    round + 1,
                    system.name(),
                    options.integer("concurrency"));
            double perSecond = OpenLoop.saturated(system, gates, options.integer("concurrency"), touches);
            system.awaitSettled(gates);
            throughput.computeIfAbsent(system.name(), name -> new ArrayList<>()).add(perSecond);
        }
    }

    private void merge(String column, double rate, Histogram ackOf, Histogram executedOf) {
        ack.get(column).computeIfAbsent(rate, r -> OpenLoop.histogram()).add(ackOf);
        executed.get(column).computeIfAbsent(rate, r -> OpenLoop.histogram()).add(executedOf);
    }

    static String slug(String name) {
        return name.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("-+$", "").toLowerCase();
    }

    Histogram executed(String system, double rate) {
        return executed.get(system).get(rate);
    }

    /** @param variants what each variant changes, by its column, in the order of the report's table */
    void report(Report report, Map<String, String> variants) {
        StringBuilder text = new StringBuilder("## The approval gate\n\n");
        text.append("""
                Each gate is a tool call held until one decision. **Countersign**: a task of the model-driven agent
                `bench` (its model is the bench's OpenAI-compatible endpoint, its tool `bench_touch` comes from the
                bench's MCP server over streamable HTTP) whose call the policy holds for one approval from
                `bench-reviewers`; the decision is `POST /api/approvals/{id}/decision` with a bearer token and an
                `Idempotency-Key`, acknowledged by the HTTP answer. **Bare Temporal**: workflow `BareGate` waits for
                one Update `decide` (the handler records the decision and returns), then runs one activity that calls
                the same MCP tool with the same MCP Java SDK client over streamable HTTP; acknowledged by the Update's
                result. **Countersign, tool as local activity**: the same through the agent `bench-local`, whose entry
                for the same MCP server lists `touch` in `local-tools` (its tool is `bench-local_touch`, which the same
                rule holds). Executed is the instant the MCP tool was called, on the bench JVM's clock; both latencies
                count from the decision's intended start (open-loop at a fixed rate, so no coordinated omission).
                All gates are created and waiting before the decisions start.

                """);
        text.append("| variant | what it changes |\n| --- | --- |\n");
        variants.forEach((name, changes) ->
                text.append("| ").append(name).append(" | ").append(changes).append(" |\n"));
        if (langGraphSkipped != null) {
            text.append("\n**LangGraph column skipped:** ")
                    .append(langGraphSkipped)
                    .append("\n");
        } else if (langGraphSystem != null) {
            text.append("\nLangGraph: ")
                    .append(langGraphSystem)
                    .append(", `bench/langgraph/gate.py`, on the same PostgreSQL.\n");
        }
        text.append("\nBefore round 1, every system but LangGraph decides ")
                .append(3 * options.integer("warmup"))
                .append(" gates at the first rate that are counted nowhere (the JVMs' warm-up). The bare variants run")
                .append(
                        " at the first rate only; Countersign (both ways), bare Temporal and LangGraph at every rate. ");
        text.append(options.integer("rounds"))
                .append(" rounds, each system in turn (the order rotates each round); per round and rate ")
                .append(options.integer("seconds"))
                .append(" s of decisions after ")
                .append(options.integer("warmup"))
                .append(" warm-up decisions that are not counted.\n\n");
        for (double rate : options.rates()) {
            text.append(table("Decision → executed at %s/s".formatted(trim(rate)), executed, rate));
            text.append(table("Decision → acknowledged at %s/s".formatted(trim(rate)), ack, rate));
            String name = "gate-" + trim(rate);
            Map<String, Histogram> lines = new LinkedHashMap<>();
            executed.forEach((system, byRate) -> {
                if (byRate.get(rate) != null) {
                    lines.put(system, byRate.get(rate));
                }
            });
            Charts.percentiles("Decision to executed at %s/s".formatted(trim(rate)), lines, report.image(name));
            text.append(Report.imageLink(name, "decision to executed by percentile at " + trim(rate) + "/s"))
                    .append("\n\n");
            target(report, rate);
            if (rate == options.rates().get(0)) {
                localToolBesideTargets(report, rate);
            }
        }
        text.append(breakdown(options.rates().get(0)));
        text.append(account(options.rates().get(0)));
        if (!throughput.isEmpty()) {
            text.append(saturation(report));
        }
        if (!problems.isEmpty()) {
            text.append("Problems during the run:\n\n");
            problems.forEach(problem -> text.append("- ").append(problem).append('\n'));
            text.append('\n');
        }
        text.append("<details><summary>Raw histograms (HdrHistogram percentile distributions, ms)</summary>\n\n");
        for (double rate : options.rates()) {
            for (String system : executed.keySet()) {
                Histogram e = executed.get(system).get(rate);
                Histogram a = ack.get(system).get(rate);
                if (e == null) {
                    continue;
                }
                text.append("- ")
                        .append(system)
                        .append(" at ")
                        .append(trim(rate))
                        .append("/s: [executed](")
                        .append(report.hgrm("gate-" + slug(system) + "-" + trim(rate) + "-executed", e))
                        .append("), [acknowledged](")
                        .append(report.hgrm("gate-" + slug(system) + "-" + trim(rate) + "-ack", a))
                        .append(")\n");
            }
        }
        text.append("\n</details>\n");
        report.section(text.toString());
    }

    private String table(String title, Map<String, Map<Double, Histogram>> series, double rate) {
        StringBuilder text = new StringBuilder("### ").append(title).append("\n\n");
        text.append("| system | p50 | p90 | p99 | max | count | p50 / bare | p99 / bare |\n");
        text.append("| --- | --- | --- | --- | --- | --- | --- | --- |\n");
        Histogram base = series.get(bare).get(rate);
        series.forEach((system, byRate) -> {
            Histogram h = byRate.get(rate);
            if (h == null || h.getTotalCount() == 0) {
                return;
            }
            text.append(Report.percentileRow(system, h))
                    .append(" %s | %s |\n".formatted(ratio(h, base, 50), ratio(h, base, 99)));
        });
        return text.append('\n').toString();
    }

    private void target(Report report, double rate) {
        Histogram ours = executed.get(countersign).get(rate);
        Histogram theirs = executed.get(bare).get(rate);
        for (int percentile : new int[] {50, 99}) {
            double r = (double) ours.getValueAtPercentile(percentile) / theirs.getValueAtPercentile(percentile);
            report.target(
                    "decision → executed p%d at %s/s, Countersign / bare Temporal".formatted(percentile, trim(rate)),
                    "≤ 1.10×",
                    "%.2f× (%s ms / %s ms)"
                            .formatted(
                                    r,
                                    Report.ms(ours.getValueAtPercentile(percentile)),
                                    Report.ms(theirs.getValueAtPercentile(percentile))),
                    r <= 1.10);
        }
        Histogram langGraph =
                executed.containsKey(LANGGRAPH) ? executed.get(LANGGRAPH).get(rate) : null;
        for (int percentile : new int[] {50, 99}) {
            String what =
                    "decision → executed p%d at %s/s, Countersign below LangGraph".formatted(percentile, trim(rate));
            if (langGraph == null || langGraph.getTotalCount() == 0) {
                report.notMeasured(what, "< LangGraph", "LangGraph column skipped");
                continue;
            }
            long o = ours.getValueAtPercentile(percentile);
            long l = langGraph.getValueAtPercentile(percentile);
            report.target(what, "< LangGraph", "%s ms vs %s ms".formatted(Report.ms(o), Report.ms(l)), o < l);
        }
    }

    /**
     * Countersign with its tool as a local activity against bare Temporal and LangGraph, in one row
     * beside the targets: the targets stay those of Countersign as it runs by default, so that they
     * compare with earlier runs.
     */
    private void localToolBesideTargets(Report report, double rate) {
        Histogram local = measured(localTool, rate);
        Histogram theirs = measured(bare, rate);
        if (local == null || theirs == null) {
            return;
        }
        Histogram langGraph = measured(LANGGRAPH, rate);
        List<String> figures = new ArrayList<>();
        for (int percentile : new int[] {50, 99}) {
            long o = local.getValueAtPercentile(percentile);
            long b = theirs.getValueAtPercentile(percentile);
            if (langGraph == null) {
                figures.add("p%d %.2f× bare (%s ms / %s ms)"
                        .formatted(percentile, (double) o / b, Report.ms(o), Report.ms(b)));
            } else {
                long l = langGraph.getValueAtPercentile(percentile);
                figures.add("p%d %.2f× bare, %.2f× LangGraph (%s ms / %s ms / %s ms)"
                        .formatted(
                                percentile, (double) o / b, (double) o / l, Report.ms(o), Report.ms(b), Report.ms(l)));
            }
        }
        if (langGraph == null) {
            figures.add("LangGraph column skipped");
        }
        report.beside(
                "decision → executed at %s/s, %s, against bare Temporal and LangGraph".formatted(trim(rate), localTool),
                String.join("; ", figures));
    }

    /** The column's decision → executed at the rate, or null when it has no measured decision there. */
    private Histogram measured(String column, double rate) {
        Histogram h = executed.containsKey(column) ? executed.get(column).get(rate) : null;
        return h == null || h.getTotalCount() == 0 ? null : h;
    }

    /**
     * Decision to executed, step by step from the bare gate to Countersign at one rate: each step
     * adds what Countersign's decision does on top of the one before, so the differences say which
     * part is Temporal's (the commands and RPCs of the shape) and which is Countersign's own code.
     * Countersign with its tool as a local activity follows, set against Countersign.
     */
    private String breakdown(double rate) {
        List<String> steps = List.of(bare, BareVariant.SHAPED.name(), countersign);
        if (steps.stream().anyMatch(step -> measured(step, rate) == null)) {
            return "";
        }
        StringBuilder text =
                new StringBuilder("### Where Countersign's milliseconds go, at %s/s\n\n".formatted(trim(rate)));
        text.append("""
                Decision → executed, from the bare gate to Countersign, each line adding one thing Countersign's
                decision does. The first step is what Temporal charges for the shape of Countersign's decision (a memo
                upsert and two search-attribute upserts in the decision's workflow task, and a timer beside the tool's
                activity); the last step is the rest: Countersign's REST API and token check, its workflow code (a
                larger state, the task board), its tool path (schema check, digest check, MCP client), and the load
                its model and policy calls put on the same two cores. The line after Countersign changes one thing
                of it, its tool as a local activity, and its differences are against Countersign's line (negative
                where it saves).

                | step | p50 | p99 | p50 added | p99 added |
                | --- | --- | --- | --- | --- |
                """);
        Histogram previous = null;
        for (String step : steps) {
            Histogram h = measured(step, rate);
            text.append(row(step, h, previous));
            previous = h;
        }
        Histogram local = measured(localTool, rate);
        if (local != null) {
            text.append(row(localTool, local, previous));
        }
        return text.append('\n').toString();
    }

    private static String row(String name, Histogram h, Histogram previous) {
        return "| %s | %s | %s | %s | %s |\n"
                .formatted(
                        name,
                        Report.ms(h.getValueAtPercentile(50)),
                        Report.ms(h.getValueAtPercentile(99)),
                        previous == null
                                ? ""
                                : Report.ms(h.getValueAtPercentile(50) - previous.getValueAtPercentile(50)),
                        previous == null
                                ? ""
                                : Report.ms(h.getValueAtPercentile(99) - previous.getValueAtPercentile(99)));
    }

    /**
     * Where the service's share of a decision goes, from its own timers, beside the server's share: the
     * profile of the targets Countersign misses.
     */
    private String account(double rate) {
        if (duringDecisions.isEmpty()) {
            return "";
        }
        List<String> systems = new ArrayList<>(duringDecisions.keySet());
        StringBuilder text =
                new StringBuilder("### The decision in the service's own metrics, at %s/s\n\n".formatted(trim(rate)));
        text.append("""
                Read from the service's `/actuator/prometheus` (Spring's and the Temporal SDK's timers) before each
                round's decisions, when they were all acknowledged, and when their tasks had ended; every round and
                its warm-up decisions added up. Means, in ms: the timers' buckets are too coarse for percentiles.
                The service's share of a decision is the HTTP request around the Update and the workflow task's run
                on its worker; the server's share is the wait until a worker picks the workflow task up (the server
                matches it to a poll and records it started) and the write behind RespondWorkflowTaskCompleted, on
                this machine a PostgreSQL transaction. The work per decision counts what each task did from its
                decision to its end: Countersign's task also asks the model once more and sends its decision record.

                """);
        text.append("| | ").append(String.join(" | ", systems)).append(" |\n| ---");
        systems.forEach(system -> text.append(" | ---"));
        text.append(" |\n");
        row(
                text,
                "decisions",
                systems,
                m -> String.valueOf(m.timer(WorkerMetrics.DECISION_REQUEST).count()),
                duringDecisions);
        row(
                text,
                "`POST /api/approvals/{id}/decision` on the service",
                systems,
                m -> mean(m.timer(WorkerMetrics.DECISION_REQUEST)),
                duringDecisions);
        row(
                text,
                "its Update, from the service to the server and back",
                systems,
                m -> mean(m.timer(WorkerMetrics.UPDATE)),
                duringDecisions);
        row(
                text,
                "a workflow task's wait until a worker picks it up (server)",
                systems,
                m -> mean(m.timer(WorkerMetrics.TASK_WAIT)),
                duringDecisions);
        row(
                text,
                "a workflow task's run on the worker (service)",
                systems,
                m -> mean(m.timer(WorkerMetrics.TASK_RUN)),
                duringDecisions);
        row(
                text,
                "RespondWorkflowTaskCompleted, the server's write",
                systems,
                m -> mean(m.timer(WorkerMetrics.TASK_WRITE)),
                duringDecisions);
        row(
                text,
                "the tool (ExecuteTool's run, either way)",
                systems,
                m -> mean(m.byLabel(WorkerMetrics.ACTIVITY_RUN, "activity_type")
                        .getOrDefault("ExecuteTool", new WorkerMetrics.Timer(0, 0))
                        .plus(m.byLabel(WorkerMetrics.LOCAL_ACTIVITY_RUN, "activity_type")
                                .getOrDefault("ExecuteTool", new WorkerMetrics.Timer(0, 0)))),
                duringDecisions);
        row(
                text,
                "workflow tasks per decision, until the task ended",
                systems,
                m -> perDecision(m, m.timer(WorkerMetrics.TASK_WRITE).count()),
                untilSettled);
        row(text, "activities per decision, until the task ended", systems, m -> activities(m, false), untilSettled);
        row(text, "local activities per decision", systems, m -> activities(m, true), untilSettled);
        return text.append('\n').toString();
    }

    private void row(
            StringBuilder text,
            String what,
            List<String> systems,
            java.util.function.Function<WorkerMetrics, String> figure,
            Map<String, WorkerMetrics> window) {
        text.append("| ").append(what);
        systems.forEach(system -> text.append(" | ").append(figure.apply(window.get(system))));
        text.append(" |\n");
    }

    private static String mean(WorkerMetrics.Timer timer) {
        return timer.count() == 0 ? "—" : "%.2f".formatted(timer.meanMillis());
    }

    private static String perDecision(WorkerMetrics metrics, long count) {
        long decisions = metrics.timer(WorkerMetrics.DECISION_REQUEST).count();
        return decisions == 0 ? "—" : "%.1f".formatted((double) count / decisions);
    }

    /** Per decision, by activity type: {@code ExecuteTool 1.0, NextStep 1.0}. */
    private static String activities(WorkerMetrics metrics, boolean local) {
        long decisions = metrics.timer(WorkerMetrics.DECISION_REQUEST).count();
        Map<String, WorkerMetrics.Timer> byType =
                metrics.byLabel(local ? WorkerMetrics.LOCAL_ACTIVITY_RUN : WorkerMetrics.ACTIVITY_RUN, "activity_type");
        List<String> parts = byType.entrySet().stream()
                .filter(entry -> entry.getValue().count() > 0)
                .map(entry -> "%s %.1f"
                        .formatted(entry.getKey(), (double) entry.getValue().count() / decisions))
                .toList();
        return decisions == 0 || parts.isEmpty() ? "none" : String.join(", ", parts);
    }

    private String saturation(Report report) {
        StringBuilder text = new StringBuilder("### Throughput at saturation\n\n");
        text.append("Completed gates per second (from the first decision to the last tool call) when ")
                .append(options.integer("saturation-gates"))
                .append(" waiting gates are decided with ")
                .append(options.integer("concurrency"))
                .append(" decisions in flight; one figure per round.\n\n");
        text.append("| system | per round | median |\n| --- | --- | --- |\n");
        Map<String, Double> medians = new LinkedHashMap<>();
        throughput.forEach((system, perRound) -> {
            double median = median(perRound);
            medians.put(system, median);
            text.append("| %s | %s | %.1f |\n"
                    .formatted(
                            system,
                            String.join(
                                    ", ",
                                    perRound.stream()
                                            .map(v -> "%.1f".formatted(v))
                                            .toList()),
                            median));
        });
        Charts.bars(
                "Completed gates per second at saturation (median of rounds)",
                "gates/s",
                medians,
                report.image("throughput"));
        text.append('\n')
                .append(Report.imageLink("throughput", "completed gates per second at saturation"))
                .append("\n\n");
        if (medians.containsKey(countersign) && medians.containsKey(bare)) {
            double r = medians.get(countersign) / medians.get(bare);
            report.target(
                    "throughput at saturation, Countersign / bare Temporal",
                    "≥ 0.90×",
                    "%.2f× (%.1f / %.1f gates/s)".formatted(r, medians.get(countersign), medians.get(bare)),
                    r >= 0.90);
        }
        if (medians.containsKey(localTool) && medians.containsKey(bare)) {
            report.beside(
                    "throughput at saturation, " + localTool + " / bare Temporal",
                    "%.2f× (%.1f / %.1f gates/s)"
                            .formatted(
                                    medians.get(localTool) / medians.get(bare),
                                    medians.get(localTool),
                                    medians.get(bare)));
        }
        return text.toString();
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String ratio(Histogram h, Histogram base, int percentile) {
        if (base == null || base.getTotalCount() == 0) {
            return "";
        }
        return "%.2f×".formatted((double) h.getValueAtPercentile(percentile) / base.getValueAtPercentile(percentile));
    }

    static String trim(double rate) {
        return rate == Math.rint(rate) ? String.valueOf((long) rate) : String.valueOf(rate);
    }
}
