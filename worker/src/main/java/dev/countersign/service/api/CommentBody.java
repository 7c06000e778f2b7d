package dev.countersign.service.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The optional body of a rollback, a retry or a resolution: a comment for the record. */
@JsonIgnoreProperties(ignoreUnknown = true)
record CommentBody(String comment) {

    static String of(CommentBody body) {
        return body == null || body.comment() == null ? "" : body.comment();
    }
}
