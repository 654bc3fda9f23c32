"""Concurrent Streamlit websocket clients: what the server does for N users changing
filters, without N browsers competing with it for the same two cores.

Each client speaks Streamlit's own protocol (protobuf BackMsg/ForwardMsg over the
websocket the browser uses): it runs the map page, finds the "Anti-epidemic items only"
toggle in the rendered elements, then flips it again and again; a rerun's latency is the
time from sending the new widget state to the server's script_finished message.
"""

from __future__ import annotations

import asyncio
import time

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState

TOGGLE_LABEL = "Anti-epidemic items only"
MAX_ITERATIONS = 100_000


def _rerun(page_hash: str, toggle_id: str | None = None, value: bool = False) -> bytes:
    msg = BackMsg()
    state = msg.rerun_script
    state.query_string = ""
    state.page_script_hash = page_hash
    if toggle_id:
        widget = WidgetState(id=toggle_id, bool_value=value)
        state.widget_states.widgets.append(widget)
    return msg.SerializeToString()


async def _until_finished(socket, timeout: float) -> tuple[str | None, str | None, list[str]]:
    """Read ForwardMsgs until the script run ends; return (page hash, toggle id, errors)."""
    page_hash = toggle_id = None
    errors: list[str] = []
    while True:
        msg = ForwardMsg()
        msg.ParseFromString(await asyncio.wait_for(socket.recv(), timeout))
        kind = msg.WhichOneof("type")
        if kind == "new_session":
            page_hash = msg.new_session.page_script_hash or page_hash
        elif kind == "page_info_changed":
            pass
        elif kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
            element = msg.delta.new_element
            which = element.WhichOneof("type")
            if which == "checkbox" and element.checkbox.label == TOGGLE_LABEL:
                toggle_id = element.checkbox.id
            elif which == "exception":
                errors.append(element.exception.message[:200])
        elif kind == "script_finished":
            return page_hash, toggle_id, errors


async def client(url: str, deadline: float, latencies: list[float], errors: list[str]) -> None:
    try:
        async with websockets.connect(url, subprotocols=["streamlit"], max_size=2**26,
                                      additional_headers={"Origin": url.replace("ws://", "http://").split("/_stcore")[0]}) as socket:
            await socket.send(_rerun(""))
            page_hash, toggle_id, found = await _until_finished(socket, 120)
            errors += found
            if not toggle_id:
                errors.append("toggle not found in the first run")
                return
            flag = False
            for _ in range(MAX_ITERATIONS):
                if time.monotonic() > deadline:
                    break
                flag = not flag
                started = time.monotonic()
                await socket.send(_rerun(page_hash or "", toggle_id, flag))
                _, _, found = await _until_finished(socket, 120)
                latencies.append(time.monotonic() - started)
                errors += found
    except Exception as exc:  # noqa: BLE001 - counted, never stops the other clients
        errors.append(f"{type(exc).__name__}: {exc}"[:200])


async def run(port: int, clients: int, seconds: float) -> tuple[list[float], list[str]]:
    url = f"ws://127.0.0.1:{port}/_stcore/stream"
    latencies: list[float] = []
    errors: list[str] = []
    deadline = time.monotonic() + seconds
    await asyncio.gather(*(client(url, deadline, latencies, errors) for _ in range(clients)))
    return latencies, errors
