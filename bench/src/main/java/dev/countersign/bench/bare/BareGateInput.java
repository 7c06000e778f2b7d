package dev.countersign.bench.bare;

/**
 * The gate id the tool is called with, and how the gate runs: the tool as a local activity; the
 * activity heartbeating once before it calls the tool (as Countersign's guard of tools that are not
 * idempotent does); and the decision's workflow task shaped as Countersign's (two search-attribute
 * upserts and a second activity scheduled beside the tool's).
 */
public record BareGateInput(String gate, boolean local, boolean heartbeatFirst, boolean countersignShaped) {}
