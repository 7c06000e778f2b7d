package dev.countersign.service.api;

import java.util.List;

/** The answer to a bulk decision: what became of each approval, in the request's order, and the counts. */
record BulkDecisionResult(List<BulkItemResult> results, int recorded, int refused) {

    static BulkDecisionResult of(List<BulkItemResult> results) {
        int recorded = (int) results.stream().filter(BulkItemResult::recorded).count();
        return new BulkDecisionResult(List.copyOf(results), recorded, results.size() - recorded);
    }
}
