package dev.countersign.activities.model;

import dev.countersign.activities.tool.ArgumentSchema;
import dev.countersign.activities.tool.ArgumentSpec;
import dev.countersign.activities.tool.Tool;
import dev.countersign.activities.tool.ToolRegistry;
import dev.countersign.agent.AgentRequest;
import dev.countersign.agent.TranscriptEntry;
import dev.countersign.tool.ToolInvocation;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** A support agent on two tools that record every run, pointed at a local OpenAI server. */
final class TestAgents {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    static final String KEY = "sk-test-secret-key-123";

    /** A tool that records every time it runs; the adapter must never make it run. */
    static final class RecordingTool implements Tool {

        final List<ToolInvocation> runs = new CopyOnWriteArrayList<>();
        private final String name;
        private final ArgumentSchema schema;

        RecordingTool(String name, ArgumentSchema schema) {
            this.name = name;
            this.schema = schema;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String description() {
            return "the tool " + name + " of the test shop";
        }

        @Override
        public ArgumentSchema schema() {
            return schema;
        }

        @Override
        public Map<String, Object> execute(ToolInvocation invocation) {
            runs.add(invocation);
            return Map.of("ran", true);
        }
    }

    final RecordingTool lookupOrder = new RecordingTool(
            "lookup_order", ArgumentSchema.of(Map.of("orderId", ArgumentSpec.string("the order")), "orderId"));
    final RecordingTool issueRefund =
            new RecordingTool("issue_refund", ArgumentSchema.of(refundArguments(), "orderId", "amount"));
    final ToolRegistry registry = new ToolRegistry(List.of(lookupOrder, issueRefund));

    LanguageModelAgent agent(OpenAiStub server) {
        return agent(server.baseUrl());
    }

    LanguageModelAgent agent(String baseUrl) {
        return agent(baseUrl, profile());
    }

    LanguageModelAgent agent(String baseUrl, AgentSetup setup) {
        OpenAiEndpoint endpoint = new OpenAiEndpoint(baseUrl, KEY, "gpt-test", null);
        return new LanguageModelAgent(setup, registry, endpoint, endpoint.chatModel(), CLOCK);
    }

    /** The support agent, allowed to ask a person through ask_human. */
    static AgentSetup askingProfile() {
        AgentSetup plain = profile();
        return new AgentSetup(plain.name(), plain.instructions(), plain.model(), plain.tools(), true);
    }

    static AgentSetup profile() {
        return new AgentSetup(
                "support", "You are a careful support agent.", null, List.of("lookup_order", "issue_refund"));
    }

    static AgentRequest request(TranscriptEntry... transcript) {
        return new AgentRequest("task-1", "support", "refund order A-7", Map.of("orderId", "A-7"), List.of(transcript));
    }

    List<Object> toolRuns() {
        List<Object> runs = new CopyOnWriteArrayList<>(lookupOrder.runs);
        runs.addAll(issueRefund.runs);
        return runs;
    }

    private static Map<String, ArgumentSpec> refundArguments() {
        Map<String, ArgumentSpec> specs = new LinkedHashMap<>();
        specs.put("orderId", ArgumentSpec.string("the order").withPattern("A-[0-9]+"));
        specs.put("amount", ArgumentSpec.number("how much", new BigDecimal("0.01"), new BigDecimal("500")));
        return specs;
    }
}
