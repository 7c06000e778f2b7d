package dev.countersign.bench.bare;

/**
 * The gate id the tool is called with, and how the gate runs: the tool as a local activity; the
 * activity heartbeating once before it calls the tool (as Countersign's guard of tools that are not
 * idempotent does on a retry); and the decision's workflow task shaped as Countersign's (a memo upsert,
 * two search-attribute upserts and a timer started beside the tool's activity).
 */
public record BareGateInput(String gate, boolean local, boolean heartbeatFirst, boolean countersignShaped) {}
