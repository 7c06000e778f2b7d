package dev.countersign.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Countersign service's own account of a system's decisions, from the Temporal SDK's and Spring's
 * timers on its {@code /actuator/prometheus}: read before the decisions and after their tasks settled,
 * the difference covers those decisions and everything their tasks did after them. It says which part
 * of a decision is the service's (the HTTP request around the Update, each workflow task's run on the
 * worker, the tool) and which is the server's (a workflow task's wait to be picked up, the write behind
 * each RespondWorkflowTaskCompleted), and how much work each decision makes.
 */
final class WorkerMetrics {

    /** One timer: the seconds it summed and the times it counted. */
    record Timer(double seconds, long count) {

        Timer minus(Timer before) {
            return new Timer(seconds - before.seconds, count - before.count);
        }

        Timer plus(Timer other) {
            return new Timer(seconds + other.seconds, count + other.count);
        }

        double meanMillis() {
            return count == 0 ? Double.NaN : seconds * 1000 / count;
        }
    }

    /** A timer's series: the metric and the labels a series must have to count. */
    record Series(String metric, Map<String, String> labels) {}

    static final Series DECISION_REQUEST = new Series(
            "http_server_requests_seconds", Map.of("uri", "/api/approvals/{approvalId}/decision", "method", "POST"));
    static final Series UPDATE =
            new Series("temporal_long_request_latency_seconds", Map.of("operation", "UpdateWorkflowExecution"));
    static final Series TASK_WAIT = new Series("temporal_workflow_task_schedule_to_start_latency_seconds", Map.of());
    static final Series TASK_RUN = new Series("temporal_workflow_task_execution_latency_seconds", Map.of());
    static final Series TASK_WRITE =
            new Series("temporal_request_latency_seconds", Map.of("operation", "RespondWorkflowTaskCompleted"));
    static final String ACTIVITY_RUN = "temporal_activity_execution_latency_seconds";
    static final String LOCAL_ACTIVITY_RUN = "temporal_local_activity_execution_latency_seconds";

    // A label's value may hold braces (a URI template), so the labels end at the first brace outside quotes.
    private static final Pattern LINE =
            Pattern.compile("(?m)^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{((?:[^\"}]|\"(?:[^\"\\\\]|\\\\.)*\")*)\\})? (\\S+)$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** Every {@code _sum} and {@code _count} series of the page, by metric (without the suffix) and labels. */
    private final Map<String, List<Map.Entry<Map<String, String>, Timer>>> timers;

    private WorkerMetrics(Map<String, List<Map.Entry<Map<String, String>, Timer>>> timers) {
        this.timers = timers;
    }

    /** Reads the page now; null when there is nothing to read ({@code page} is null). */
    static WorkerMetrics read(Supplier<String> page) {
        return page == null ? null : parse(page.get());
    }

    static WorkerMetrics parse(String text) {
        Map<String, Map<Map<String, String>, double[]>> found = new LinkedHashMap<>();
        Matcher line = LINE.matcher(text);
        while (line.find()) {
            String name = line.group(1);
            boolean sum = name.endsWith("_sum");
            if (!sum && !name.endsWith("_count")) {
                continue;
            }
            String metric = name.substring(0, name.lastIndexOf('_'));
            Map<String, String> labels = new TreeMap<>();
            if (line.group(2) != null) {
                Matcher label = LABEL.matcher(line.group(2));
                while (label.find()) {
                    labels.put(label.group(1), label.group(2));
                }
            }
            double value = Double.parseDouble(line.group(3));
            double[] both = found.computeIfAbsent(metric, m -> new LinkedHashMap<>())
                    .computeIfAbsent(labels, l -> new double[2]);
            both[sum ? 0 : 1] = value;
        }
        Map<String, List<Map.Entry<Map<String, String>, Timer>>> timers = new LinkedHashMap<>();
        found.forEach((metric, series) -> timers.put(
                metric,
                series.entrySet().stream()
                        .map(entry ->
                                Map.entry(entry.getKey(), new Timer(entry.getValue()[0], (long) entry.getValue()[1])))
                        .toList()));
        return new WorkerMetrics(timers);
    }

    /** The series' timers added up over every series with its labels. */
    Timer timer(Series series) {
        return timers.getOrDefault(series.metric(), List.of()).stream()
                .filter(entry ->
                        entry.getKey().entrySet().containsAll(series.labels().entrySet()))
                .map(Map.Entry::getValue)
                .reduce(new Timer(0, 0), Timer::plus);
    }

    /** One timer for each value of {@code label} among the metric's series, added up over the others. */
    Map<String, Timer> byLabel(String metric, String label) {
        Map<String, Timer> by = new TreeMap<>();
        timers.getOrDefault(metric, List.of()).forEach(entry -> {
            String value = entry.getKey().get(label);
            if (value != null) {
                by.merge(value, entry.getValue(), Timer::plus);
            }
        });
        return by;
    }

    /** What happened between {@code before} and this reading, series by series. */
    WorkerMetrics since(WorkerMetrics before) {
        Map<String, List<Map.Entry<Map<String, String>, Timer>>> delta = new LinkedHashMap<>();
        timers.forEach((metric, series) -> delta.put(
                metric,
                series.stream()
                        .map(entry ->
                                Map.entry(entry.getKey(), entry.getValue().minus(before.find(metric, entry.getKey()))))
                        .toList()));
        return new WorkerMetrics(delta);
    }

    /** The sum of two differences (two rounds of one system). */
    WorkerMetrics plus(WorkerMetrics other) {
        if (other == null) {
            return this;
        }
        Map<String, List<Map.Entry<Map<String, String>, Timer>>> sum = new LinkedHashMap<>();
        timers.forEach((metric, series) -> sum.put(
                metric,
                series.stream()
                        .map(entry ->
                                Map.entry(entry.getKey(), entry.getValue().plus(other.find(metric, entry.getKey()))))
                        .toList()));
        other.timers.forEach(sum::putIfAbsent);
        return new WorkerMetrics(sum);
    }

    private Timer find(String metric, Map<String, String> labels) {
        return timers.getOrDefault(metric, List.of()).stream()
                .filter(entry -> Objects.equals(entry.getKey(), labels))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(new Timer(0, 0));
    }
}
