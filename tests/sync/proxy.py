"""A loopback TCP proxy that misbehaves on purpose, request by request.

Each request (a client chunk starting with an HTTP method) draws a fault from the plan:
``pass``; ``drop_response`` (the server gets the request and answers, the client gets a reset
instead of the answer: the server committed, the client does not know); ``reset`` (the
connection is reset before the server sees anything); ``delay`` (the request waits, then
goes); ``cut_up`` (the request never reaches the server, the connection stays open: the client
times out); ``cut_down`` (the server gets the request, the answer never comes back, the
connection stays open).
"""

from __future__ import annotations

import random
import socket
import struct
import threading
import time
from collections import Counter
from collections.abc import Callable

METHODS = (b"GET ", b"POST ", b"PUT ", b"DELETE ", b"HEAD ", b"PATCH ")
FAULTS = ("drop_response", "reset", "delay", "cut_up", "cut_down")


def _rst(sock: socket.socket) -> None:
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    except OSError:
        pass
    try:
        sock.close()
    except OSError:
        pass


class FaultyProxy:
    """Listens on 127.0.0.1 (free port) and forwards to ``target_port``.

    ``chooser(request_head) -> fault`` decides each request; :meth:`random_faults` and
    :meth:`next_faults` build the usual ones. ``counts`` tallies the faults dealt.
    """

    def __init__(self, target_port: int, delay: float = 0.3) -> None:
        self.target_port = target_port
        self.delay = delay
        self.chooser: Callable[[bytes], str] = lambda head: "pass"
        self.counts: Counter[str] = Counter()
        # Bytes both ways of the requests whose head holds ``meter_match`` (benchmarks).
        self.meter_match = b"/sync/push"
        self.metered = 0
        self._listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._listener.bind(("127.0.0.1", 0))
        self._listener.listen(64)
        self.port = self._listener.getsockname()[1]
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    # --- plans ------------------------------------------------------------------------------
    def random_faults(
        self, rng: random.Random, rate: float, faults: tuple[str, ...] = FAULTS
    ) -> None:
        def choose(head: bytes) -> str:
            with self._lock:
                return rng.choice(faults) if rng.random() < rate else "pass"

        self.chooser = choose

    def next_faults(self, plan: list[str], match: bytes = b"") -> None:
        """The next requests whose head contains ``match`` get these faults, in order."""
        queue = list(plan)

        def choose(head: bytes) -> str:
            with self._lock:
                if queue and match in head:
                    return queue.pop(0)
                return "pass"

        self.chooser = choose

    def heal(self) -> None:
        self.chooser = lambda head: "pass"

    def close(self) -> None:
        self._stop.set()
        self._listener.close()

    # --- plumbing ---------------------------------------------------------------------------
    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(client,), daemon=True).start()

    def _serve(self, client: socket.socket) -> None:
        try:
            upstream = socket.create_connection(("127.0.0.1", self.target_port), timeout=5)
        except OSError:
            _rst(client)
            return
        upstream.settimeout(None)
        state = {"mode": "pass", "dead": False}
        down = threading.Thread(target=self._down, args=(upstream, client, state), daemon=True)
        down.start()
        try:
            while not state["dead"]:
                chunk = client.recv(65536)
                if not chunk:
                    break
                if chunk.startswith(METHODS):
                    mode = self.chooser(chunk[:200])
                    state["mode"] = mode
                    state["metered"] = self.meter_match in chunk[:200]
                    with self._lock:
                        self.counts[mode] += 1
                    if mode == "reset":
                        state["dead"] = True
                        _rst(client)
                        upstream.close()
                        return
                    if mode == "delay":
                        time.sleep(self.delay)
                if state["mode"] == "cut_up":
                    continue  # swallowed: the server never sees it
                if state.get("metered"):
                    self.metered += len(chunk)
                upstream.sendall(chunk)
        except OSError:
            pass
        finally:
            state["dead"] = True
            for s in (client, upstream):
                try:
                    s.close()
                except OSError:
                    pass

    def _down(
        self, upstream: socket.socket, client: socket.socket, state: dict[str, object]
    ) -> None:
        try:
            while True:
                chunk = upstream.recv(65536)
                if not chunk:
                    break
                mode = state["mode"]
                if mode == "drop_response":
                    state["dead"] = True
                    _rst(client)
                    upstream.close()
                    return
                if mode == "cut_down":
                    continue
                if state.get("metered"):
                    self.metered += len(chunk)
                client.sendall(chunk)
        except OSError:
            pass
        finally:
            try:
                client.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
