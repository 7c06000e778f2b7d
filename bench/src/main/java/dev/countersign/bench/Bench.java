package dev.countersign.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run: sets up PostgreSQL, the Temporal server, the service, the bench's MCP server and model
 * endpoint and the bare workers; runs each scenario (a failed one is reported as failed, the others
 * go on); writes the report; stops everything it started.
 */
final class Bench {

    private static final Logger log = LoggerFactory.getLogger(Bench.class);
    private static final String COUNTERSIGN = "Countersign";
    private static final String LOCAL_TOOL = "Countersign, tool as local activity";
    private static final String LOCAL_TOOL_CHANGES = "the bench's tool listed in `local-tools`: it runs as a local"
            + " activity in the workflow task that applies the decision; the decision's answer comes after it ran";

    private final BenchOptions options;
    private final Path repo;
    private final Path dir;
    private final Report report;
    private final Touches touches = new Touches();
    private final BenchUsers users = BenchUsers.random();
    private final Map<String, String> machine;
    private final List<AutoCloseable> started = new ArrayList<>();

    Bench(BenchOptions options) {
        this.options = options;
        this.repo = options.path("repo");
        this.dir = fresh(options.path("work-dir"));
        this.report = new Report(options.path("out"));
        this.machine = new LinkedHashMap<>(Machine.facts(repo));
    }

    void run() {
        long began = System.nanoTime();
        // Interrupted (Ctrl-C, SIGTERM): the servers it started are stopped all the same.
        Thread stopper = new Thread(this::stopAll, "bench-stop");
        Runtime.getRuntime().addShutdownHook(stopper);
        try {
            Environment environment = setUp();
            scenarios(environment);
        } catch (RuntimeException e) {
            log.error("the bench could not set up or run", e);
            report.section("## The run failed\n\n```\n" + e + "\n```\n");
        } finally {
            machine.put("load average at the end (1, 5, 15 min)", Machine.loadAverage());
            stopAll();
            Runtime.getRuntime().removeShutdownHook(stopper);
            String took = "%d min %d s"
                    .formatted(
                            Duration.ofNanos(System.nanoTime() - began).toMinutes(),
                            Duration.ofNanos(System.nanoTime() - began).toSecondsPart());
            report.write(machine, command(), took);
            log.info("wrote {} in {}", options.path("out").resolve("performance.md"), took);
        }
    }

    /** Everything the scenarios talk to. */
    record Environment(
            TemporalOnPostgres temporal,
            ServiceProcess service,
            ServiceApi api,
            BareTemporal bare,
            String requesterToken,
            String reviewerToken,
            String operatorToken,
            String langGraphPassword,
            TouchServer touchServer) {}

    private Environment setUp() {
        TouchServer touchServer = keep(TouchServer.start(touches));
        ModelEndpoint model = keep(new ModelEndpoint());
        log.info("starting PostgreSQL and the Temporal server (scripts/temporal-server.sh)");
        TemporalOnPostgres temporal = keep(TemporalOnPostgres.start(repo.resolve("scripts"), dir.resolve("temporal")));
        machine.put("PostgreSQL", temporal.query("SHOW server_version"));
        String servicePassword = temporal.createDatabase("countersign");
        String langGraphPassword = temporal.createDatabase("langgraph");
        Map<String, String> env = new HashMap<>();
        env.put("TEMPORAL_ADDRESS", temporal.address());
        env.put("TEMPORAL_NAMESPACE", BareTemporal.NAMESPACE);
        env.put("SPRING_DATASOURCE_URL", "jdbc:postgresql://127.0.0.1:" + temporal.pgPort() + "/countersign");
        env.put("SPRING_DATASOURCE_USERNAME", "countersign");
        env.put("SPRING_DATASOURCE_PASSWORD", servicePassword);
        env.put("COUNTERSIGN_AGENTS", "file:" + BenchFiles.agents(dir, touchServer.url()));
        env.put("COUNTERSIGN_POLICY", "file:" + BenchFiles.policy(dir));
        env.put("OPENAI_BASE_URL", model.baseUrl());
        env.put("COUNTERSIGN_MODEL", ModelEndpoint.MODEL);
        env.put("COUNTERSIGN_DEMO_REVIEW_SAMPLE", "0");
        List<String> args = new ArrayList<>(users.serviceArguments());
        args.add("--spring.temporal.workflow-cache.max-instances=" + options.integer("workflow-cache"));
        args.addAll(BenchFiles.gatewayArguments());
        List<String> jvm =
                new ArrayList<>(Arrays.asList(options.text("worker-jvm").trim().split("\\s+")));
        if (options.flag("jfr")) {
            jvm.add("-XX:StartFlightRecording=settings=profile,filename=" + dir.resolve("worker.jfr"));
        }
        log.info("starting the service: {} -jar {}", String.join(" ", jvm), workerJar());
        ServiceProcess service = keep(ServiceProcess.start(workerJar(), dir, jvm, env, args));
        machine.put(
                "Countersign worker JVM",
                String.join(" ", jvm) + "; workflow cache " + options.integer("workflow-cache"));
        ServiceApi api = new ServiceApi(service.port());
        String requesterToken = api.createToken(BenchUsers.REQUESTER, users.password(), "bench");
        String reviewerToken = api.createToken(BenchUsers.REVIEWER, users.password(), "bench");
        String operatorToken = api.createToken(BenchUsers.OPERATOR, users.password(), "bench");
        BareTemporal bare = keep(BareTemporal.start(temporal.address(), touchServer.base()));
        machine.put(
                "bare Temporal workers",
                "in the bench JVM (" + Runtime.getRuntime().maxMemory() / 1024 / 1024 + " MB max heap); workflow cache "
                        + BareTemporal.defaultCacheSize() + " (0 for sticky off)");
        return new Environment(
                temporal,
                service,
                api,
                bare,
                requesterToken,
                reviewerToken,
                operatorToken,
                langGraphPassword,
                touchServer);
    }

    private void scenarios(Environment environment) {
        if (!options.skips("gate")) {
            scenario("the approval gate", () -> gateLatency(environment));
        }
        if (!options.skips("gateway")) {
            scenario(
                    "the MCP gateway's overhead",
                    () -> new GatewayOverhead(options).run(environment.api(), environment.requesterToken(), report));
        }
        if (!options.skips("auth")) {
            scenario(
                    "HTTP Basic versus a token",
                    () -> new AuthCost()
                            .run(
                                    environment.api(),
                                    BenchUsers.REVIEWER,
                                    users.password(),
                                    environment.reviewerToken(),
                                    options.integer("auth-requests"),
                                    report));
        }
        if (!options.skips("cli")) {
            scenario(
                    "the CLI's start-up",
                    () -> new CliStartup()
                            .run(
                                    repo,
                                    dir,
                                    environment.api().root(),
                                    environment.reviewerToken(),
                                    options.integer("cli-runs"),
                                    report));
        }
        if (!options.skips("pending")) {
            scenario(
                    "tasks pending at once",
                    () -> new PendingAtScale(options, touches)
                            .run(
                                    environment.service(),
                                    environment.api(),
                                    countersignGates(environment, BenchFiles.AGENT, COUNTERSIGN),
                                    ServiceApi.bearer(environment.reviewerToken()),
                                    ServiceApi.bearer(environment.operatorToken()),
                                    dir,
                                    report));
        }
        if (options.flag("jfr")) {
            environment.service().dumpFlightRecording(dir.resolve("worker.jfr"));
        }
    }

    private static CountersignGates countersignGates(Environment environment, String agent, String name) {
        return new CountersignGates(
                environment.api(),
                ServiceApi.bearer(environment.requesterToken()),
                ServiceApi.bearer(environment.reviewerToken()),
                agent,
                name);
    }

    private void gateLatency(Environment environment) {
        List<GateSystem> systems = new ArrayList<>();
        systems.add(countersignGates(environment, BenchFiles.AGENT, COUNTERSIGN));
        systems.add(countersignGates(environment, BenchFiles.LOCAL_AGENT, LOCAL_TOOL));
        BareVariant.all().forEach(variant -> systems.add(environment.bare().gates(variant)));
        Map<String, String> variants = new LinkedHashMap<>();
        variants.put(LOCAL_TOOL, LOCAL_TOOL_CHANGES);
        BareVariant.all().forEach(variant -> variants.put(variant.name(), variant.technique()));
        LangGraphGate langGraph = null;
        String whyNot = null;
        if (options.skips("langgraph")) {
            whyNot = "left out with --skip langgraph.";
        } else if (!LangGraphGate.available(repo)) {
            whyNot = "bench/langgraph/gate.py or its virtual environment (bench/langgraph/setup.sh) is not in this"
                    + " checkout yet, so this run has no LangGraph figures.";
        } else {
            langGraph = new LangGraphGate(repo, environment.temporal().pgPort(), environment.langGraphPassword(), dir);
        }
        String operator = ServiceApi.bearer(environment.operatorToken());
        GateLatency gate = new GateLatency(
                options,
                touches,
                COUNTERSIGN,
                LOCAL_TOOL,
                BareVariant.BASELINE.name(),
                () -> environment
                        .api()
                        .get("/actuator/prometheus", operator)
                        .expect(200)
                        .body());
        gate.run(systems, langGraph, whyNot);
        gate.report(report, variants);
        report.section(anatomy(environment.bare()));
    }

    /** The histories of one decided gate of each kind, from the first round at the first rate. */
    private String anatomy(BareTemporal bare) {
        GateAnatomy anatomy = new GateAnatomy(bare.client());
        int rate = (int) Math.round(options.rates().get(0));
        int index = options.integer("warmup") + rate * options.integer("seconds") / 2;
        StringBuilder text = new StringBuilder("### Anatomy of one decision\n\n");
        text.append("""
                The history of one gate of each kind from round 1 at %d/s, as the server recorded it: each workflow
                task (scheduled, started, completed), activity and search-attribute upsert between the Update's
                acceptance and the tool's completion is a round trip between a worker and the server, and on this
                server each one is a write to PostgreSQL.

                """.formatted(rate));
        text.append(anatomy.describe(COUNTERSIGN, gateId(COUNTERSIGN, rate, index), "ExecuteTool"));
        text.append(anatomy.describe(LOCAL_TOOL, gateId(LOCAL_TOOL, rate, index), "local"));
        text.append(anatomy.describe(
                BareVariant.BASELINE.name(), gateId(BareVariant.BASELINE.name(), rate, index), "Touch"));
        text.append(anatomy.describe(BareVariant.LOCAL.name(), gateId(BareVariant.LOCAL.name(), rate, index), "local"));
        return text.toString();
    }

    /** The workflow id of a gate of round 1, as {@link GateLatency} names them. */
    private static String gateId(String system, int rate, int index) {
        return "r0-" + GateLatency.slug(system) + "-" + rate + "-" + index;
    }

    private void scenario(String name, Runnable scenario) {
        long began = System.nanoTime();
        log.info("scenario: {}", name);
        try {
            scenario.run();
        } catch (RuntimeException e) {
            log.error("scenario {} failed", name, e);
            report.section("## " + Character.toUpperCase(name.charAt(0)) + name.substring(1)
                    + "\n\n**Failed in this run:** `" + e + "`\n");
        }
        log.info(
                "scenario {} took {} s",
                name,
                Duration.ofNanos(System.nanoTime() - began).toSeconds());
    }

    private Path workerJar() {
        try (Stream<Path> files = Files.list(repo.resolve("worker/target"))) {
            return files.filter(file -> file.getFileName().toString().matches("countersign-worker-.*\\.jar"))
                    .filter(file -> !file.getFileName().toString().endsWith("-tests.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no worker jar in worker/target: build it first"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String command() {
        String changed = options.changed();
        return "scripts/bench.sh" + (changed.isEmpty() ? "" : " " + changed);
    }

    private <T extends AutoCloseable> T keep(T resource) {
        started.add(resource);
        return resource;
    }

    private synchronized void stopAll() {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.remove(i).close();
            } catch (Exception e) {
                log.warn("could not stop {}: {}", started.get(i).getClass().getSimpleName(), e.toString());
            }
        }
    }

    private static Path fresh(Path dir) {
        try {
            if (Files.exists(dir)) {
                try (Stream<Path> old = Files.walk(dir)) {
                    for (Path path : old.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(path);
                    }
                }
            }
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + dir, e);
        }
    }
}
