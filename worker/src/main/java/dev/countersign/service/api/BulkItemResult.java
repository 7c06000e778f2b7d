package dev.countersign.service.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.countersign.approval.DecisionResult;
import java.util.Map;
import org.springframework.http.ProblemDetail;

/**
 * What became of one approval of a bulk decision: recorded, with the approval's state after it and
 * the approvals counted of those required; or refused, with the problem+json body the same decision
 * made alone would have been answered with.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record BulkItemResult(
        String approvalId,
        boolean recorded,
        String state,
        Integer approvals,
        Integer required,
        Map<String, Object> problem) {

    static BulkItemResult recorded(DecisionResult result) {
        return new BulkItemResult(
                result.approvalId(), true, result.state().name(), result.approvals(), result.required(), null);
    }

    static BulkItemResult refused(String approvalId, ProblemDetail problem) {
        return new BulkItemResult(approvalId, false, null, null, null, Problems.fields(problem));
    }
}
