"""The approval gate in LangGraph, durable on PostgreSQL: the LangGraph column of the benchmark.

A StateGraph proposes a tool call and pauses on interrupt() until a human decides; resumed with
Command(resume={"decision": "approve"}) it runs the tool node. Checkpoints go to PostgreSQL through
PostgresSaver (sync) over a psycopg ConnectionPool, as LangGraph's Postgres persistence docs show.

The benchmark pre-creates COUNT + WARMUP gates, each run until it is interrupted, then resumes one
gate per 1/RATE seconds, open-loop: every resume is scheduled at its intended instant and handed to
a thread pool, so a slow resume never delays the next; both latencies are measured from the intended
instant, so a late send counts. The first WARMUP gates are not reported.

  .venv/bin/python gate.py --dsn postgresql://USER@127.0.0.1:PORT/DB --rate R --count N \
      --warmup W --out FILE.json [--durability sync|async|exit]

The password comes from libpq's usual places (PGPASSWORD, ~/.pgpass or PGPASSFILE) or the DSN.
"""

from __future__ import annotations

import argparse
import json
import math
import platform
import sys
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from importlib.metadata import version
from typing import TypedDict

import psycopg
from langgraph.checkpoint.postgres import PostgresSaver
from langgraph.graph import END, START, StateGraph
from langgraph.types import Command, interrupt
from psycopg.rows import dict_row
from psycopg_pool import ConnectionPool

# Threads that send decisions; enough that the schedule never waits for a previous send at the
# rates measured. The pool also serves the checkpointer's background writes (durability "async").
SENDERS = 8
CONNECTIONS = 2 * SENDERS


class Gate(TypedDict, total=False):
    gate_id: str
    tool_call: dict
    decision: str
    result: str


class Tool:
    """The gated tool: records the instant it starts ("executed") and counts its calls per gate."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.calls: dict[str, int] = {}
        self.started_perf_ns: dict[str, int] = {}
        self.started_wall_ns: dict[str, int] = {}

    def run(self, gate_id: str, arguments: dict) -> str:
        perf_ns, wall_ns = time.perf_counter_ns(), time.time_ns()
        with self._lock:
            self.calls[gate_id] = self.calls.get(gate_id, 0) + 1
            self.started_perf_ns.setdefault(gate_id, perf_ns)
            self.started_wall_ns.setdefault(gate_id, wall_ns)
        return f"refunded {arguments['amount']} to {arguments['order']}"


def build_graph(tool: Tool, checkpointer: PostgresSaver):
    def propose(state: Gate) -> dict:
        # The agent's proposal; interrupt() pauses here until Command(resume=...) supplies the
        # decision (on resume LangGraph re-runs this node and interrupt() returns the decision).
        tool_call = {"name": "refund", "args": {"order": state["gate_id"], "amount": 42}}
        decision = interrupt({"tool_call": tool_call})
        return {"tool_call": tool_call, "decision": decision["decision"]}

    def run_tool(state: Gate) -> dict:
        return {"result": tool.run(state["gate_id"], state["tool_call"]["args"])}

    def route(state: Gate) -> str:
        return "tool" if state["decision"] == "approve" else END

    builder = StateGraph(Gate)
    builder.add_node("propose", propose)
    builder.add_node("tool", run_tool)
    builder.add_edge(START, "propose")
    builder.add_conditional_edges("propose", route, ["tool", END])
    builder.add_edge("tool", END)
    return builder.compile(checkpointer=checkpointer)


def config_of(thread_id: str) -> dict:
    return {"configurable": {"thread_id": thread_id}}


def percentile(sorted_values: list[int], p: float) -> int:
    """Nearest rank, as HdrHistogram reports it."""
    return sorted_values[max(0, math.ceil(p / 100 * len(sorted_values)) - 1)]


def summary(name: str, micros: list[int]) -> str:
    s = sorted(micros)
    figures = " ".join(f"p{p:g}={percentile(s, p) / 1000:.2f}" for p in (50, 90, 99))
    return f"{name}: {figures} max={s[-1] / 1000:.2f} ms (n={len(s)})"


def create_gates(graph, threads: list[str], durability: str, executor: ThreadPoolExecutor) -> None:
    def start(thread_id: str) -> None:
        out = graph.invoke({"gate_id": thread_id}, config_of(thread_id), durability=durability)
        if "__interrupt__" not in out:
            raise RuntimeError(f"gate {thread_id} did not stop at interrupt(): {out}")

    for future in [executor.submit(start, t) for t in threads]:
        future.result()


def resume_open_loop(graph, threads, rate, durability, executor):
    """Resumes threads[i] at t0 + i/rate; returns (intended, acknowledged) perf_counter_ns lists."""
    intended = [0] * len(threads)
    acknowledged = [0] * len(threads)
    failures: list[BaseException] = []

    def decide(i: int) -> None:
        try:
            graph.invoke(
                Command(resume={"decision": "approve"}),
                config_of(threads[i]),
                durability=durability,
            )
            acknowledged[i] = time.perf_counter_ns()
        except BaseException as e:  # reported after the run; the schedule goes on
            failures.append(e)

    period_ns = round(1e9 / rate)
    t0 = time.perf_counter_ns() + 20_000_000
    futures = []
    for i in range(len(threads)):
        intended[i] = t0 + i * period_ns
        delay = intended[i] - time.perf_counter_ns()
        if delay > 0:
            time.sleep(delay / 1e9)
        futures.append(executor.submit(decide, i))
    for f in futures:
        f.result()
    if failures:
        raise RuntimeError(f"{len(failures)} resumes failed; first: {failures[0]!r}") from failures[0]
    return intended, acknowledged


def verify(graph, tool: Tool, threads: list[str]) -> None:
    wrong = {t: tool.calls.get(t, 0) for t in threads if tool.calls.get(t, 0) != 1}
    if wrong:
        sample = dict(list(wrong.items())[:5])
        raise RuntimeError(f"the tool must run exactly once per gate; {len(wrong)} did not: {sample}")
    for t in threads:  # what PostgreSQL holds after the run: each gate finished with its result
        state = graph.get_state(config_of(t))
        if state.values.get("result") is None or state.next:
            raise RuntimeError(f"gate {t} is not recorded as finished in PostgreSQL: {state.values}")


def run(args) -> dict:
    tool = Tool()
    pool = ConnectionPool(
        conninfo=args.dsn,
        min_size=CONNECTIONS,
        max_size=CONNECTIONS,
        kwargs={"autocommit": True, "prepare_threshold": 0, "row_factory": dict_row},
        open=False,
    )
    # One direct connection first: the pool would retry a bad DSN quietly until its timeout.
    with psycopg.connect(args.dsn, connect_timeout=10):
        pass
    pool.open(wait=True, timeout=30)
    with pool:
        checkpointer = PostgresSaver(pool)
        checkpointer.setup()  # creates LangGraph's checkpoint tables (and migrates them) if needed
        graph = build_graph(tool, checkpointer)
        run_id = uuid.uuid4().hex
        threads = [f"bench-{run_id}-{i}" for i in range(args.warmup + args.count)]
        with ThreadPoolExecutor(max_workers=SENDERS, thread_name_prefix="sender") as executor:
            create_gates(graph, threads, args.durability, executor)
            if tool.calls:
                raise RuntimeError(f"the tool ran before any decision: {len(tool.calls)} gates")
            intended, acknowledged = resume_open_loop(
                graph, threads, args.rate, args.durability, executor
            )
        verify(graph, tool, threads)

    measured = range(args.warmup, len(threads))
    executed = [(tool.started_perf_ns[threads[i]] - intended[i]) // 1000 for i in measured]
    acked = [(acknowledged[i] - intended[i]) // 1000 for i in measured]
    return {
        "system": (
            f"LangGraph {version('langgraph')} + langgraph-checkpoint-postgres "
            f"{version('langgraph-checkpoint-postgres')}, Python {platform.python_version()}"
        ),
        "durability": args.durability,
        "rate": int(args.rate) if args.rate.is_integer() else args.rate,
        "count": args.count,
        "decisionToExecutedMicros": executed,
        "decisionToAckMicros": acked,
    }


def parse(argv: list[str]):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--dsn", required=True, help="postgresql://USER@127.0.0.1:PORT/DB")
    p.add_argument("--rate", type=float, required=True, help="decisions per second (open-loop)")
    p.add_argument("--count", type=int, required=True, help="gates measured")
    p.add_argument("--warmup", type=int, required=True, help="gates decided first, not reported")
    p.add_argument("--out", required=True, help="the JSON file written")
    p.add_argument(
        "--durability",
        choices=["sync", "async", "exit"],
        default="async",
        help="LangGraph's durability mode; async is LangGraph's default",
    )
    args = p.parse_args(argv)
    if args.rate <= 0 or args.count <= 0 or args.warmup < 0:
        p.error("--rate and --count must be positive and --warmup not negative")
    return args


def main(argv: list[str]) -> int:
    args = parse(argv)
    try:
        result = run(args)
    except (psycopg.OperationalError, psycopg.ProgrammingError) as e:
        print(f"gate.py: cannot use PostgreSQL at {args.dsn}: {str(e).strip()}", file=sys.stderr)
        return 2
    except Exception as e:  # noqa: BLE001 - any failure ends the run with a clear message
        print(f"gate.py: the benchmark failed: {type(e).__name__}: {e}", file=sys.stderr)
        return 1
    with open(args.out, "w") as f:
        json.dump(result, f)
    print(
        f"{result['system']}, durability {args.durability}, {args.rate:g}/s, {args.count} gates\n"
        f"  {summary('decision->executed', result['decisionToExecutedMicros'])}\n"
        f"  {summary('decision->ack     ', result['decisionToAckMicros'])}",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
