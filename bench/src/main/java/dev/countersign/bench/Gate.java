package dev.countersign.bench;

/**
 * One gate waiting for its decision: {@code id} is what the MCP tool is called with (and records), the
 * approval id and arguments digest are Countersign's (null for a bare gate, whose workflow id is its id).
 */
record Gate(String id, String approvalId, String argsDigest) {

    static Gate bare(String id) {
        return new Gate(id, null, null);
    }
}
