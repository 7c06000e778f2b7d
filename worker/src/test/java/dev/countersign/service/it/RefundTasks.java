package dev.countersign.service.it;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Refund tasks a scenario starts: task id to amount. Each task refunds its own order id, one the
 * demo shop does not know, so every refund is made as asked and no two tasks share an order.
 */
final class RefundTasks {

    private RefundTasks() {}

    static Map<String, BigDecimal> of(String prefix, int count, String amount) {
        Map<String, BigDecimal> tasks = new LinkedHashMap<>();
        for (int i = 1; i <= count; i++) {
            tasks.put(prefix + "-" + i, new BigDecimal(amount));
        }
        return tasks;
    }

    @SafeVarargs
    static Map<String, BigDecimal> union(Map<String, BigDecimal>... groups) {
        Map<String, BigDecimal> all = new LinkedHashMap<>();
        for (Map<String, BigDecimal> group : groups) {
            all.putAll(group);
        }
        return all;
    }

    static String orderId(String taskId) {
        return "Z-" + taskId;
    }

    static List<String> approvalIds(Map<String, BigDecimal> tasks) {
        return tasks.keySet().stream().map(Desk::refundApproval).toList();
    }

    /** The entries of an inbox that belong to these tasks' refund approvals. */
    static Map<String, String> inboxEntries(Map<String, String> inbox, Map<String, BigDecimal> tasks) {
        List<String> wanted = approvalIds(tasks);
        return inbox.entrySet().stream()
                .filter(entry -> wanted.contains(entry.getKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
    }
}
