package dev.countersign.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The optional body of a cancellation. */
@JsonIgnoreProperties(ignoreUnknown = true)
record CancelRequest(String reason) {}
