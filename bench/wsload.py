"""Concurrent Streamlit websocket clients: what the server does for N readers, without N
browsers competing with it for the same two cores.

Each client speaks Streamlit's own protocol (protobuf BackMsg/ForwardMsg over the websocket
the browser uses) and behaves like a reader who was sent a link: it opens the shared link
(a filtered map), reads for a think time (jittered), then changes one thing (a toggle, the
marker colouring, or the page), reads again, and so on. A rerun's latency is the time from
sending the request to the server's script_finished message for that session.

Like a browser, a client tells the server which large messages it already holds
(`cached_message_hashes`), so an unchanged figure is not sent twice. Each client carries its
own affinity cookie, as each browser would, so a proxy with sticky sessions spreads them.
"""

from __future__ import annotations

import asyncio
import random
import secrets
import threading
import time
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState

# A filtered map, as a reader would receive it in a message.
SHARED_LINK = "type=deployment&colour_by=Technology"
NOTICE = "Some link settings were not used"
TOGGLES = ("Anti-epidemic items only", "Disputed records only")
PAGES = ("map", "timeline", "compare", "records", "sources")
AFFINITY_COOKIE = "atlas_affinity"
MAX_ITERATIONS = 100_000


@dataclass
class Rerun:
    kind: str  # "open", "toggle", "radio" or "page"
    seconds: float


@dataclass
class Tally:
    reruns: list[Rerun] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    connected: int = 0


@dataclass
class Screen:
    """What the last run showed: the widgets a reader could change, and any error."""
    toggles: dict[str, tuple[str, bool]] = field(default_factory=dict)  # label -> (widget id, value)
    radios: dict[str, tuple[str, list[str], int]] = field(default_factory=dict)  # label -> (id, options, index)
    pages: dict[str, str] = field(default_factory=dict)  # url path -> page script hash
    page_hash: str = ""
    query: str = ""  # the address bar's query string, as the server last set it
    errors: list[str] = field(default_factory=list)
    chosen: dict[str, object] = field(default_factory=dict)  # widget id -> the value this reader set last


def rerun_message(query: str, page_hash: str = "", page_name: str = "", widget: WidgetState | None = None,
                  cached: set[str] | None = None) -> bytes:
    msg = BackMsg()
    state = msg.rerun_script
    state.query_string = query
    state.page_script_hash = page_hash
    state.page_name = page_name
    if widget is not None:
        state.widget_states.widgets.append(widget)
    if cached:
        state.cached_message_hashes.extend(sorted(cached))
    return msg.SerializeToString()


async def read_run(socket, screen: Screen, cached: set[str], timeout: float) -> None:
    """Read ForwardMsgs until the script run ends, noting widgets, pages and errors."""
    screen.toggles.clear()
    screen.radios.clear()
    screen.errors.clear()
    while True:
        msg = ForwardMsg()
        msg.ParseFromString(await asyncio.wait_for(socket.recv(), timeout))
        if msg.metadata.cacheable and msg.hash:
            cached.add(msg.hash)
        kind = msg.WhichOneof("type")
        if kind == "new_session":
            screen.page_hash = msg.new_session.page_script_hash or screen.page_hash
        elif kind == "navigation":
            screen.page_hash = msg.navigation.page_script_hash or screen.page_hash
            for page in msg.navigation.app_pages:
                screen.pages.setdefault(page.url_pathname or "home", page.page_script_hash)
        elif kind == "page_info_changed":
            screen.query = msg.page_info_changed.query_string
        elif kind == "page_not_found":
            screen.errors.append("page not found")
        elif kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
            element = msg.delta.new_element
            which = element.WhichOneof("type")
            if which == "checkbox" and element.checkbox.label in TOGGLES:
                box = element.checkbox
                screen.toggles[box.label] = (box.id, box.value if box.set_value else box.default)
            elif which == "radio":
                radio = element.radio
                options = list(radio.options)
                index = options.index(radio.raw_value) if radio.set_value and radio.raw_value in options else radio.default
                screen.radios[radio.label] = (radio.id, options, index)
            elif which == "exception":
                trace = element.exception.stack_trace
                screen.errors.append(f"{element.exception.type}: {element.exception.message[:200]}"
                                     + (" at " + " / ".join(t.strip().splitlines()[0][-90:] for t in trace[-4:]) if trace else ""))
            elif which == "markdown" and NOTICE in element.markdown.body:
                screen.errors.append("the shared link was not understood: " + element.markdown.body[:200])
        elif kind == "script_finished":
            return


def next_change(screen: Screen, rng: random.Random) -> tuple[str, bytes | None, str]:
    """One thing a reader changes: a toggle, the radio on the page, or the page itself."""
    choices = ["page"] + ["toggle"] * bool(screen.toggles) + ["radio"] * bool(screen.radios)
    kind = rng.choice(choices)
    if kind == "toggle":
        label = rng.choice(sorted(screen.toggles))
        widget_id, value = screen.toggles[label]
        value = not screen.chosen.get(widget_id, value)
        screen.chosen[widget_id] = value
        return kind, WidgetState(id=widget_id, bool_value=value), screen.page_hash
    if kind == "radio":
        label = rng.choice(sorted(screen.radios))
        widget_id, options, index = screen.radios[label]
        current = screen.chosen.get(widget_id, options[index])
        value = options[(options.index(current) + 1) % len(options)]
        screen.chosen[widget_id] = value
        return kind, WidgetState(id=widget_id, string_value=value), screen.page_hash
    here = next((path for path, h in screen.pages.items() if h == screen.page_hash), "")
    targets = [p for p in PAGES if p in screen.pages and p != here] or [p for p in screen.pages if p != here]
    target = rng.choice(targets)
    return target, None, screen.pages[target]


async def reader(url: str, origin: str, query: str, think: float, ramp: float, deadline: float,
                 tally: Tally, rng: random.Random, timeout: float) -> None:
    cached: set[str] = set()
    screen = Screen(query=query)
    headers = {"Origin": origin, "Cookie": f"{AFFINITY_COOKIE}={secrets.token_hex(8)}"}
    await asyncio.sleep(rng.uniform(0, ramp))  # readers arrive over time, not all in one instant
    if time.monotonic() > deadline:
        return
    try:
        async with websockets.connect(url, subprotocols=["streamlit"], max_size=2**26, open_timeout=timeout,
                                      additional_headers=headers, ping_interval=None) as socket:
            tally.connected += 1
            started = time.monotonic()
            await socket.send(rerun_message(query))
            await read_run(socket, screen, cached, timeout)
            tally.reruns.append(Rerun("open", time.monotonic() - started))
            tally.errors += screen.errors
            if not screen.pages:
                tally.errors.append("no pages in the first run")
                return
            for _ in range(MAX_ITERATIONS):
                pause = think * rng.uniform(0.5, 1.5)
                if time.monotonic() + pause > deadline:
                    break  # the next change would fall after the end of the run
                await asyncio.sleep(pause)
                kind, widget, page_hash = next_change(screen, rng)
                if widget is None:  # a page change: the browser sends the new page and its URL
                    message = rerun_message(screen.query, page_hash=page_hash, page_name=kind, cached=cached)
                    kind = "page"
                else:
                    message = rerun_message(screen.query, page_hash=page_hash, widget=widget, cached=cached)
                started = time.monotonic()
                await socket.send(message)
                await read_run(socket, screen, cached, timeout)
                tally.reruns.append(Rerun(kind, time.monotonic() - started))
                tally.errors += screen.errors
                if kind == "page" and screen.page_hash != page_hash:
                    tally.errors.append("the page did not change")
    except Exception as exc:  # noqa: BLE001 - counted, never stops the other readers
        tally.errors.append(f"{type(exc).__name__}: {exc}"[:200])


async def run_readers(base_url: str, sessions: int, seconds: float, think: float, ramp: float | None = None,
                      query: str = SHARED_LINK, seed: int = 0, timeout: float = 120) -> Tally:
    """N readers against base_url (http://host:port/ or a proxy's address) for `seconds`."""
    parts = urlsplit(base_url)
    origin = f"{parts.scheme}://{parts.netloc}"
    url = f"ws://{parts.netloc}{parts.path.rstrip('/')}/_stcore/stream"
    tally = Tally()
    deadline = time.monotonic() + seconds
    ramp = think if ramp is None else ramp
    master = random.Random(seed)
    await asyncio.gather(*(reader(url, origin, query, think, ramp, deadline, tally, random.Random(master.random()), timeout)
                           for _ in range(sessions)))
    return tally


def run_in_thread(make_coroutine):
    """asyncio.run in a thread of its own, for callers that already run an event loop in
    theirs (Playwright's sync API, a test session that started one)."""
    result, failure = [], []

    def target():
        try:
            result.append(asyncio.run(make_coroutine()))
        except BaseException as exc:  # noqa: BLE001 - raised again in the caller
            failure.append(exc)

    worker = threading.Thread(target=target)
    worker.start()
    worker.join()
    if failure:
        raise failure[0]
    return result[0]
