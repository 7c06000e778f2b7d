"""Drives Countersign's MCP gateway with the Python `mcp` package from PyPI, as docs/gateway.md shows.

Run by PythonMcpClientIT (the integration suite) against a service whose gateway stands in front of the
reference "everything" and filesystem servers under worker/src/test/resources/gateway/gateway-policy.yaml; by hand:

    COUNTERSIGN_MCP_URL=http://127.0.0.1:8080/mcp COUNTERSIGN_TOKEN=cs_... \
    COUNTERSIGN_REVIEWER=alice:demo COUNTERSIGN_SANDBOX=/srv/sandbox python mcp_gateway_check.py

The client connects with exactly the URL and the `Authorization: Bearer cs_...` header of the README;
the reviewer decides through the REST API with HTTP Basic while a call waits. One line per step; any
mismatch ends the script with status 1 and a line starting "FAIL".
"""

import asyncio
import os
import sys
import time

import httpx2
from mcp import ClientSession, MCPError
from mcp.client.streamable_http import streamable_http_client

URL = os.environ["COUNTERSIGN_MCP_URL"]
TOKEN = os.environ["COUNTERSIGN_TOKEN"]
REVIEWER, REVIEWER_PASSWORD = os.environ["COUNTERSIGN_REVIEWER"].split(":", 1)
SANDBOX = os.environ["COUNTERSIGN_SANDBOX"]
# The service's countersign.gateway.wait: a call that needs approval answers within it (and a little more).
WAIT = float(os.environ.get("COUNTERSIGN_GATEWAY_WAIT_SECONDS", "45"))
CALL_TIMEOUT = WAIT + 30
API = URL.rsplit("/mcp", 1)[0]
INBOX_DEADLINE = 20.0


class Mismatch(Exception):
    """What the gateway answered differs from what docs/gateway.md promises."""


def expect(condition, message):
    if not condition:
        raise Mismatch(message)


async def call(session, tool, arguments):
    """One tools/call that must be answered within the gateway's wait and a margin."""
    try:
        return await session.call_tool(tool, arguments, read_timeout_seconds=CALL_TIMEOUT)
    except MCPError as error:
        raise Mismatch(
            f"{tool} {arguments} got no result but the MCP error {error.error.code} {error.error.message!r}"
            f" (the gateway's wait is {WAIT:g} s; the client gave up after {CALL_TIMEOUT:g} s)"
        ) from error


def text(result):
    return "\n".join(block.text for block in result.content if getattr(block, "type", None) == "text")


def sandboxed(name):
    return os.path.join(SANDBOX, name)


def read(path):
    with open(path, encoding="utf-8") as file:
        return file.read()


class Reviewer:
    """The reviewer's side: the inbox and decisions of the REST API, as HTTP Basic."""

    def __init__(self, http):
        self.http = http

    async def pending_for(self, path):
        """The pending approval of a write of `path` in the reviewer's inbox, once it is there."""
        deadline = time.monotonic() + INBOX_DEADLINE
        while time.monotonic() < deadline:
            inbox = await self.http.get(f"{API}/api/approvals")
            expect(inbox.status_code == 200, f"GET /api/approvals answered {inbox.status_code}: {inbox.text}")
            for entry in inbox.json():
                if entry.get("args", {}).get("path") == path:
                    return entry
            await asyncio.sleep(0.1)
        raise Mismatch(f"no approval of the write of {path} in {REVIEWER}'s inbox within {INBOX_DEADLINE} s")

    async def decide(self, approval, decision, comment=None):
        body = {"decision": decision}
        if comment is not None:
            body["comment"] = comment
        answer = await self.http.post(f"{API}/api/approvals/{approval['approvalId']}/decision", json=body)
        expect(answer.status_code < 300, f"deciding {approval['approvalId']} answered {answer.status_code}: {answer.text}")


async def list_tools(session):
    names = {tool.name for tool in (await session.list_tools()).tools}
    for offered in ("files_write_file", "files_read_text_file", "files_list_directory", "everything_echo"):
        expect(offered in names, f"tools/list lacks {offered}: {sorted(names)}")
    expect("files_create_directory" not in names, f"tools/list offers files_create_directory, denied outright: {sorted(names)}")
    return f"{len(names)} tools: {', '.join(sorted(names))}"


async def auto_call(session):
    echo = await call(session, "everything_echo", {"message": "hello from python"})
    expect(not echo.is_error, f"the auto echo failed: {text(echo)}")
    expect("hello from python" in text(echo), f"the auto echo answered {text(echo)!r}")
    result = await call(session, "files_read_text_file", {"path": sandboxed("notes.txt")})
    expect(not result.is_error, f"the auto read failed: {text(result)}")
    expect("first line" in text(result), f"the auto read answered {text(result)!r}")
    return f"everything_echo answered {text(echo).strip()!r}, files_read_text_file {text(result).strip()!r}"


def write(session, name, content):
    """Starts a write of `name` in the sandbox; the task ends with the call's result."""
    return asyncio.create_task(call(session, "files_write_file", {"path": sandboxed(name), "content": content}))


async def approved_write(session, reviewer):
    call = write(session, "approved.txt", "approved content")
    approval = await reviewer.pending_for(sandboxed("approved.txt"))
    expect(not call.done(), "the write answered before anyone decided")
    await reviewer.decide(approval, "approve", "fine")
    result = await call
    expect(not result.is_error, f"the approved write answered an error: {text(result)}")
    expect(read(sandboxed("approved.txt")) == "approved content", "approved.txt does not hold the approved content")
    return f"{approval['approvalId']} approved while the call waited; the call answered {text(result).strip()!r}"


async def rejected_write(session, reviewer):
    call = write(session, "rejected.txt", "never")
    approval = await reviewer.pending_for(sandboxed("rejected.txt"))
    await reviewer.decide(approval, "reject", "not in this folder")
    result = await call
    expect(result.is_error, f"the rejected write is not an error result: {text(result)}")
    expect(f"{REVIEWER} rejected: not in this folder" in text(result), f"the rejection lacks the reason: {text(result)}")
    expect(not os.path.exists(sandboxed("rejected.txt")), "rejected.txt was written")
    return f"{approval['approvalId']} rejected; the call answered {text(result).strip()!r}"


async def pending_then_retry(session, reviewer):
    arguments = {"path": sandboxed("later.txt"), "content": "later content"}
    started = time.monotonic()
    pending = await call(session, "files_write_file", arguments)
    waited = time.monotonic() - started
    expect(pending.is_error, f"the undecided write is not an error result: {text(pending)}")
    expect(text(pending).startswith("PENDING"), f"the undecided write does not start with PENDING: {text(pending)}")
    approval = await reviewer.pending_for(arguments["path"])
    expect(approval["approvalId"] in text(pending), f"PENDING does not name {approval['approvalId']}: {text(pending)}")
    expect(not os.path.exists(arguments["path"]), "later.txt was written before approval")
    await reviewer.decide(approval, "approve")
    collected = await call(session, "files_write_file", arguments)
    expect(not collected.is_error, f"the retry did not collect the approved write: {text(collected)}")
    expect(read(arguments["path"]) == "later content", "later.txt does not hold the approved content")
    return (f"PENDING after {waited:.1f} s naming {approval['approvalId']}; approved, the retry with the same"
            f" arguments answered {text(collected).strip()!r}")


async def main():
    # Exactly the client set-up of docs/gateway.md ("Connecting an MCP client", Python).
    headers = {"Authorization": f"Bearer {TOKEN}"}
    async with httpx2.AsyncClient(headers=headers, timeout=httpx2.Timeout(30, read=300), follow_redirects=True) as http:
        async with streamable_http_client(URL, http_client=http) as (read_stream, write_stream):
            async with ClientSession(read_stream, write_stream) as session:
                initialized = await session.initialize()
                print(f"initialize: {initialized.server_info.name} speaks {initialized.protocol_version}", flush=True)
                async with httpx2.AsyncClient(auth=(REVIEWER, REVIEWER_PASSWORD), timeout=30) as rest:
                    reviewer = Reviewer(rest)
                    steps = [
                        ("list", lambda: list_tools(session)),
                        ("auto call", lambda: auto_call(session)),
                        ("approved write", lambda: approved_write(session, reviewer)),
                        ("rejected write", lambda: rejected_write(session, reviewer)),
                        ("pending, then retry", lambda: pending_then_retry(session, reviewer)),
                    ]
                    for name, step in steps:
                        try:
                            print(f"{name}: {await step()}", flush=True)
                        except Mismatch as mismatch:
                            print(f"FAIL {name}: {mismatch}", flush=True)
                            return 1
    print("all steps passed", flush=True)
    return 0


if __name__ == "__main__":
    try:
        sys.exit(asyncio.run(main()))
    except Exception as error:  # a protocol or transport failure of the client: say what it was
        print(f"FAIL: the mcp client raised {type(error).__name__}: {error!r}", flush=True)
        raise
