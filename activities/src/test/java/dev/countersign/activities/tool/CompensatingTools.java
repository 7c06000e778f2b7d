package dev.countersign.activities.tool;

import dev.countersign.tool.CompensationRequest;
import dev.countersign.tool.ToolInvocation;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** Small tools for the tool tests: one with a compensation, one without, one irreversible. */
final class CompensatingTools {

    private CompensatingTools() {}

    static final ArgumentSchema ANY = new ArgumentSchema(Map.of(), List.of(), true);

    static Tool tool(String name, List<String> tags, Compensation compensation) {
        return new Tool() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public ArgumentSchema schema() {
                return ANY;
            }

            @Override
            public List<String> tags() {
                return tags;
            }

            @Override
            public Map<String, Object> execute(ToolInvocation invocation) {
                return Map.of("done", invocation.idempotencyKey());
            }

            @Override
            public Compensation compensation() {
                return compensation;
            }
        };
    }

    /** A compensating action that remembers every request it was given. */
    static final class Recorder implements Compensation.Handler {

        final List<CompensationRequest> requests = new CopyOnWriteArrayList<>();

        @Override
        public Map<String, Object> compensate(CompensationRequest request) {
            requests.add(request);
            return Map.of("undone", request.idempotencyKey());
        }
    }
}
