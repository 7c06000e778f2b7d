package dev.countersign.api;

import dev.countersign.client.Countersign;
import dev.countersign.history.TaskHistory;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A task's story for operators, read from its workflow history; any authenticated user may read it. */
@RestController
@RequestMapping(path = "/api/tasks", produces = MediaType.APPLICATION_JSON_VALUE)
public class TaskHistoryController {

    private final Countersign countersign;

    public TaskHistoryController(Countersign countersign) {
        this.countersign = countersign;
    }

    @GetMapping("/{taskId}/history")
    public TaskHistory history(@PathVariable String taskId) {
        return countersign.history(taskId);
    }
}
