package dev.countersign.bench.bare;

import io.temporal.activity.ActivityInterface;

/** The tool call of the bare gate: the bench MCP server's touch tool. */
@ActivityInterface
public interface TouchActivity {

    void touch(String gate);

    /** Records a heartbeat (one RPC to the server, which it persists) and then calls the tool. */
    void touchAfterHeartbeat(String gate);
}
