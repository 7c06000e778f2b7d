package dev.countersign.service.api;

import java.util.Map;

/** What the agent's own run of an allowed call returned ({@code POST /api/gates/{id}/outcome}). */
record GateReport(Boolean success, Map<String, Object> result, String error) {}
