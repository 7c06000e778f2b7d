package dev.countersign.service.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The body of an operator's termination: why, recorded in the task's history with who. */
@JsonIgnoreProperties(ignoreUnknown = true)
record TerminateRequest(String reason) {}
