"""A stand-in for the Nager.Date API that the holiday-service check points the server at.

`GET /api/v3/PublicHolidays/{year}/{country}` answers the same made-up calendar for every
year and country (below), and counts the calls per (year, country). Each (year, country)
can be switched to answer slowly, with a 500, a 404, a body that is not JSON, or JSON of the
wrong shape, so that every rule of the check can give its years the behaviour it needs.
"""

from __future__ import annotations

import json
import threading
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any

# How long a "slow" answer takes: more than the 3 s within which the API must answer, so a
# server without its 2 s budget is seen to be late (and gets the holidays, not null).
SLOW_SECONDS = 4.0
MODES = ("ok", "slow", "500", "404", "garbage", "wrong-shape")


def calendar(year: int, country: str) -> list[dict[str, Any]]:
    """Public holidays in the Nager.Date shape; `counties` null means a national holiday."""

    def entry(day: str, local: str, name: str, counties: list[str] | None) -> dict[str, Any]:
        return {
            "date": f"{year:04d}-{day}",
            "localName": local,
            "name": name,
            "countryCode": country,
            "fixed": False,
            "global": counties is None,
            "counties": counties,
            "launchYear": None,
            "types": ["Public"],
        }

    return [
        entry("01-01", "New Year's Day", "New Year's Day", None),
        # regional only: not a holiday for the API
        entry("03-17", "Evacuation Day", "Evacuation Day", ["US-MA"]),
        # localName differs from name, so the check can tell the two apart
        entry("07-04", "Fourth of July", "Independence Day", None),
        # several entries for one date: the first national one wins
        entry("10-12", "Indigenous Peoples' Day", "Indigenous Peoples' Day", ["US-AK", "US-VT"]),
        entry("10-12", "Columbus Day", "Columbus Day", None),
        entry("10-12", "Second National Name", "Second National Name", None),
        entry("12-25", "Christmas Day", "Christmas Day", None),
    ]


class StubUpstream:
    """The stub server, on a free loopback port while in its `with` block."""

    def __init__(self) -> None:
        self.calls: Counter[tuple[int, str]] = Counter()
        self.modes: dict[int, str] = {}  # year -> mode ("ok" when absent), for every country
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._server: ThreadingHTTPServer | None = None

    @property
    def url(self) -> str:
        assert self._server is not None, "the stub is not running"
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def set_mode(self, year: int, mode: str) -> None:
        if mode not in MODES:
            raise ValueError(f"unknown mode {mode!r}: one of {MODES}")
        with self._lock:
            self.modes[year] = mode

    def calls_for(self, year: int) -> int:
        """Calls for `year`, whatever the country."""
        with self._lock:
            return sum(n for (y, _), n in self.calls.items() if y == year)

    def countries(self) -> set[str]:
        with self._lock:
            return {country for _, country in self.calls}

    def _answer(self, year: int, country: str) -> tuple[int, str, bytes, float]:
        """(status, content type, body, delay) for one call, counted."""
        with self._lock:
            self.calls[(year, country)] += 1
            mode = self.modes.get(year, "ok")
        body = json.dumps(calendar(year, country)).encode()
        if mode == "slow":
            return 200, "application/json; charset=utf-8", body, SLOW_SECONDS
        if mode == "500":
            return 500, "text/plain", b"upstream exploded", 0.0
        if mode == "404":
            return 404, "text/plain", b"", 0.0
        if mode == "garbage":
            return 200, "application/json", b"<html>Service Unavailable</html>", 0.0
        if mode == "wrong-shape":
            return 200, "application/json", b'{"message": "rate limited"}', 0.0
        return 200, "application/json; charset=utf-8", body, 0.0

    def __enter__(self) -> StubUpstream:
        stub = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                parts = self.path.split("?")[0].strip("/").split("/")
                if len(parts) != 5 or parts[:3] != ["api", "v3", "PublicHolidays"]:
                    self.send_error(404)
                    return
                try:
                    year = int(parts[3])
                except ValueError:
                    self.send_error(400)
                    return
                status, content_type, body, delay = stub._answer(year, parts[4])
                if delay and stub._stopping.wait(delay):
                    return  # the check is over: do not keep the thread
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", content_type)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except OSError:
                    pass  # the server under check gave up waiting: that is allowed

            def log_message(self, format: str, *args: Any) -> None:
                pass  # quiet: the check reports what matters

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self._stopping.set()
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None
