package dev.countersign.service.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The body of guidance and answers: the text only; the sender is the caller. */
@JsonIgnoreProperties(ignoreUnknown = true)
record MessageRequest(String text) {}
