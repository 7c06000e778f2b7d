package dev.countersign.service.api;

import dev.countersign.client.Countersign;
import dev.countersign.history.TaskHistory;
import dev.countersign.service.security.CurrentUser;
import dev.countersign.service.security.TaskAccess;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A task's story, read from its workflow history, for those who may read the task ({@link
 * TaskAccess}); for anyone else it is not found, as for an unknown id.
 */
@RestController
@RequestMapping(path = "/api/tasks", produces = MediaType.APPLICATION_JSON_VALUE)
public class TaskHistoryController {

    private final Countersign countersign;
    private final TaskAccess access;

    public TaskHistoryController(Countersign countersign, TaskAccess access) {
        this.countersign = countersign;
        this.access = access;
    }

    @GetMapping("/{taskId}/history")
    public TaskHistory history(@PathVariable String taskId, Authentication authentication) {
        access.requireReadable(CurrentUser.of(authentication), taskId, countersign::task);
        return countersign.history(taskId);
    }
}
