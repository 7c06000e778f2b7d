package dev.countersign.service.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The optional body of a cancellation: a reason, and {@code rollback: true} to roll back what the
 * task ran before it ends (newest first, through each tool's compensation).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record CancelRequest(String reason, Boolean rollback) {

    boolean rollsBack() {
        return Boolean.TRUE.equals(rollback);
    }
}
