package dev.countersign.bench.bare;

/** The gate id the tool is called with, and whether the tool runs as a local activity. */
public record BareGateInput(String gate, boolean local) {}
