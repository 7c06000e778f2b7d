package dev.countersign.service.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Map;

/** The body of POST /api/tasks. The requester is never read from it: it is the caller. */
@JsonIgnoreProperties(ignoreUnknown = true)
record StartTaskRequest(String taskId, String agent, String goal, Map<String, Object> input) {}
