package dev.countersign.service.api;

import dev.countersign.record.DecisionRecordStore;
import dev.countersign.service.security.CountersignSecurityProperties;
import dev.countersign.service.security.CurrentUser;
import dev.countersign.service.security.Reviewer;
import dev.countersign.stats.DecisionRecordRebuild;
import dev.countersign.stats.RebuildReport;
import dev.countersign.task.DecisionRecordRow;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The durable decision record: one task's rows, kept after Temporal's retention deleted its workflow
 * (for operators and admins, as the policy's statistics are), and the rebuild of the record from the
 * tasks Temporal still keeps (admins only: it writes to the record).
 */
@RestController
@RequestMapping(path = "/api/records", produces = MediaType.APPLICATION_JSON_VALUE)
public class DecisionRecordController {

    private final DecisionRecordStore store;
    private final DecisionRecordRebuild rebuild;
    private final CountersignSecurityProperties security;

    public DecisionRecordController(
            DecisionRecordStore store, DecisionRecordRebuild rebuild, CountersignSecurityProperties security) {
        this.store = store;
        this.rebuild = rebuild;
        this.security = security;
    }

    @GetMapping("/tasks/{taskId}")
    public List<DecisionRecordRow> task(@PathVariable String taskId, Authentication authentication) {
        RecordReaders.require(authentication, security, "the decision record");
        List<DecisionRecordRow> rows = store.rowsOf(List.of(taskId));
        if (rows.isEmpty()) {
            throw ApiProblem.notFound("TaskNotRecorded", "the decision record holds nothing of task " + taskId);
        }
        return rows;
    }

    @PostMapping("/rebuild")
    public RebuildReport rebuild(Authentication authentication) {
        Reviewer caller = CurrentUser.of(authentication);
        if (!caller.inAnyOf(security.adminGroups())) {
            throw ApiProblem.forbidden(
                    "NotAnAdmin", "rebuilding the decision record is for members of " + security.adminGroups());
        }
        return rebuild.rebuild();
    }
}
