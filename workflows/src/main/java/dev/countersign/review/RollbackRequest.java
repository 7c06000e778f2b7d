package dev.countersign.review;

import java.util.Set;

/**
 * A request to roll back a whole task: every executed action that has a compensation and is not
 * rolled back yet, newest first. {@code by}, {@code groups} and {@code operator} come from
 * authentication; {@code rollbackId} makes a repeated delivery get the earlier answer.
 */
public record RollbackRequest(String rollbackId, String by, Set<String> groups, boolean operator, String comment) {

    public RollbackRequest {
        if (rollbackId == null || rollbackId.isBlank()) {
            throw new IllegalArgumentException("a rollback needs an id");
        }
        if (by == null || by.isBlank()) {
            throw new IllegalArgumentException("a rollback needs an authenticated caller");
        }
        groups = groups == null ? Set.of() : Set.copyOf(groups);
        comment = comment == null ? "" : comment;
    }
}
