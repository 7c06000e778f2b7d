package dev.countersign.cli.api;

import com.fasterxml.jackson.databind.JsonNode;

/** A successful answer: its status (200, 201 or 202) and its JSON body (a missing node when empty). */
public record ApiResponse(int status, JsonNode body) {}
