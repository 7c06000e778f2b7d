package dev.countersign.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Many tasks pending at once on the Postgres-backed server: started through the REST API, counted by
 * the pending gauge (a visibility count), the worker's heap after a full GC, the inbox's first page
 * for a reviewer who may decide them all, the time to approve them all through the bulk path, and
 * that each tool ran exactly once.
 */
final class PendingAtScale {

    private static final Logger log = LoggerFactory.getLogger(PendingAtScale.class);
    private static final Pattern GAUGE = Pattern.compile("(?m)^countersign_approvals_pending(?:\\{[^}]*\\})? (\\S+)");
    private static final Pattern NEXT = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"?next\"?");
    private static final int BULK = 500;

    private final BenchOptions options;
    private final Touches touches;

    PendingAtScale(BenchOptions options, Touches touches) {
        this.options = options;
        this.touches = touches;
    }

    void run(
            ServiceProcess service,
            ServiceApi api,
            CountersignGates gates,
            String reviewer,
            String operator,
            Path dir,
            Report report) {
        int count = options.integer("pending");
        int cache = options.integer("workflow-cache");
        long heapEmpty = service.heapAfterFullGc(dir);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add("pending-" + i);
        }
        log.info("starting {} tasks", count);
        long began = System.nanoTime();
        startAll(gates, ids);
        double startSeconds = secondsSince(began);
        log.info("started {} tasks in {} s; waiting for the pending gauge", count, (long) startSeconds);
        awaitGauge(api, operator, count);
        double pendingSeconds = secondsSince(began);
        long heapFull = service.heapAfterFullGc(dir);
        int cached = Math.min(count, cache);
        long perCached = (heapFull - heapEmpty) / Math.max(1, cached);

        log.info("{} pending; reading the inbox's first page {} times", count, options.integer("inbox-requests"));
        Histogram inbox = OpenLoop.histogram();
        int rows = 0;
        for (int i = 0; i < options.integer("inbox-requests"); i++) {
            long start = System.nanoTime();
            ServiceApi.Reply page = api.get("/api/approvals?limit=50", reviewer).expect(200);
            inbox.recordValue((System.nanoTime() - start) / 1_000);
            rows = page.json().size();
        }

        log.info("listing every approval through the inbox's pages");
        long listing = System.nanoTime();
        Map<String, String> digests = listAll(api, reviewer);
        double listSeconds = secondsSince(listing);

        log.info("approving {} approvals through POST /api/approvals/decisions", digests.size());
        long approving = System.nanoTime();
        int recorded = 0;
        int refused = 0;
        List<Map.Entry<String, String>> all = new ArrayList<>(digests.entrySet());
        for (int from = 0; from < all.size(); from += BULK) {
            List<Map<String, String>> items = all.subList(from, Math.min(all.size(), from + BULK)).stream()
                    .map(entry -> Map.of("approvalId", entry.getKey(), "argsDigest", entry.getValue()))
                    .toList();
            JsonNode answer = api.post(
                            "/api/approvals/decisions",
                            reviewer,
                            Map.of("decision", "approve", "comment", "bench bulk", "approvals", items),
                            Map.of())
                    .expect(200)
                    .json();
            recorded += answer.path("recorded").asInt();
            refused += answer.path("refused").asInt();
        }
        double approveSeconds = secondsSince(approving);
        log.info("recorded {}, refused {} in {} s; waiting for every tool call", recorded, refused, (long)
                approveSeconds);
        int missing = touches.awaitAll(ids, Duration.ofMinutes(30));
        double executedSeconds = secondsSince(approving);
        long once = ids.stream()
                .filter(id -> touches.of(id) != null && touches.of(id).calls() == 1)
                .count();
        long twice = ids.stream()
                .filter(id -> touches.of(id) != null && touches.of(id).calls() > 1)
                .count();

        StringBuilder text = new StringBuilder("## %,d tasks pending at once\n\n".formatted(count));
        text.append("""
                %,d tasks of the `bench` agent started through `POST /api/tasks` (16 at a time), each waiting for its
                approval; the count comes from `countersign_approvals_pending` on `/actuator/prometheus` (a visibility
                count). Heap: `jcmd <pid> GC.run`, then `GC.heap_info`, before the first task and with all pending; the
                worker's workflow cache holds %d workflows, so the difference over %d is an upper bound of the bytes a
                cached task costs (it includes everything else the tasks added). The inbox: `GET /api/approvals?limit=50`
                as the reviewer, who may decide all of them, one request at a time. Then every approval is read from the
                inbox's pages (`limit=500`, following `Link: rel="next"`) and approved with `POST /api/approvals/decisions`,
                %d at a time, and the bench waits for each task's tool call.

                | | |
                | --- | --- |
                | started (REST answers) | %.0f s (%.1f tasks/s) |
                | all pending (gauge shows %,d) | %.0f s after the first start |
                | worker heap after full GC, no task | %s |
                | worker heap after full GC, %,d pending | %s |
                | workflow cache (spring.temporal.workflow-cache.max-instances) | %d |
                | bytes per cached workflow (upper bound) | %,d |
                | inbox first page (%d rows): p50 / p90 / p99 / max | %s / %s / %s / %s ms (%d requests) |
                | listing all approvals through the inbox's pages | %.0f s |
                | bulk approval: requests answered | %.0f s (%d recorded, %d refused) |
                | bulk approval until the last tool call | %.0f s (%.1f tasks/s) |
                | tools run exactly once / more than once / never | %,d / %,d / %,d |

                Raw: [inbox first page](%s).
                """.formatted(
                        count,
                        cache,
                        cached,
                        BULK,
                        startSeconds,
                        count / startSeconds,
                        count,
                        pendingSeconds,
                        mb(heapEmpty),
                        count,
                        mb(heapFull),
                        cache,
                        perCached,
                        rows,
                        Report.ms(inbox.getValueAtPercentile(50)),
                        Report.ms(inbox.getValueAtPercentile(90)),
                        Report.ms(inbox.getValueAtPercentile(99)),
                        Report.ms(inbox.getMaxValue()),
                        inbox.getTotalCount(),
                        listSeconds,
                        approveSeconds,
                        recorded,
                        refused,
                        executedSeconds,
                        count / executedSeconds,
                        once,
                        twice,
                        missing,
                        report.hgrm("pending-inbox-first-page", inbox)));
        report.section(text.toString());
        report.target(
                "inbox first page p99 with %,d pending".formatted(count),
                "< 100 ms",
                Report.ms(inbox.getValueAtPercentile(99)) + " ms",
                inbox.getValueAtPercentile(99) < 100_000);
        report.target(
                "worker heap after GC with %,d pending".formatted(count),
                "< 256 MB",
                mb(heapFull),
                heapFull < 256L * 1024 * 1024);
        report.target(
                "each tool ran exactly once (%,d tasks)".formatted(count),
                "all",
                "%,d of %,d".formatted(once, count),
                once == count);
    }

    private void startAll(CountersignGates gates, List<String> ids) {
        ExecutorService pool = Executors.newFixedThreadPool(16, Threads.daemon("bench-start"));
        try {
            List<Future<Object>> started = new ArrayList<>();
            for (String id : ids) {
                started.add(pool.submit(() -> {
                    gates.start(id);
                    return null;
                }));
            }
            Futures.all(started, Duration.ofMinutes(30));
        } finally {
            pool.shutdownNow();
        }
    }

    private void awaitGauge(ServiceApi api, String operator, int count) {
        long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
        double last = -1;
        while (System.nanoTime() < deadline) {
            Matcher value = GAUGE.matcher(
                    api.get("/actuator/prometheus", operator).expect(200).body());
            double pending = 0;
            while (value.find()) {
                pending += Double.parseDouble(value.group(1));
            }
            if (pending >= count) {
                return;
            }
            if (pending != last) {
                log.info("pending gauge: {}", (long) pending);
                last = pending;
            }
            Pause.millis(2_000);
        }
        throw new IllegalStateException("the pending gauge did not reach " + count + " within 30 minutes");
    }

    /** Every pending approval's id and arguments digest, read page by page as a client does. */
    private static Map<String, String> listAll(ServiceApi api, String reviewer) {
        Map<String, String> digests = new LinkedHashMap<>();
        String path = "/api/approvals?limit=500";
        while (path != null) {
            ServiceApi.Reply page = api.get(path, reviewer).expect(200);
            for (JsonNode row : page.json()) {
                if (row.hasNonNull("approvalId") && row.hasNonNull("argsDigest")) {
                    digests.put(
                            row.path("approvalId").asText(),
                            row.path("argsDigest").asText());
                }
            }
            path = next(page.link(), api.root());
        }
        return digests;
    }

    private static String next(String link, String root) {
        if (link == null) {
            return null;
        }
        Matcher next = NEXT.matcher(link);
        if (!next.find()) {
            return null;
        }
        String target = next.group(1);
        return target.startsWith(root) ? target.substring(root.length()) : target.replaceFirst("^https?://[^/]+", "");
    }

    private static String mb(long bytes) {
        return "%.1f MB".formatted(bytes / 1024.0 / 1024.0);
    }

    private static double secondsSince(long nanos) {
        return (System.nanoTime() - nanos) / 1e9;
    }
}
