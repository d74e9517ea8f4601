"""The progress line a build shows on a terminal: formatted here, written by the CLI's
`write` (the CLI is the one place that prints)."""

from __future__ import annotations

import time
from collections.abc import Callable

_WHAT = {"read": "reading articles", "actors": "finding actors", "events": "finding events",
         "render": "rendering pages", "write": "writing files", "done": "done"}


class Meter:
    """A `build.Progress` that redraws one line (`\\r`) once the build has run `after`
    seconds, at most every `every` seconds; `finish` clears it. Silent unless `live`."""

    def __init__(self, write: Callable[[str], None], live: bool, after: float = 2.0,
                 every: float = 0.2, clock: Callable[[], float] = time.monotonic) -> None:
        self.write, self.live, self.after, self.every, self.clock = write, live, after, every, clock
        self.began = self.stage_began = clock()
        self.stage, self.drawn, self.shown_at, self.width = "", False, 0.0, 0

    def __call__(self, stage: str, done: int, total: int) -> None:
        now = self.clock()
        changed = stage != self.stage
        if changed:
            self.stage, self.stage_began = stage, now
        if not self.live or now - self.began < self.after \
                or (not changed and now - self.shown_at < self.every):
            return
        self.shown_at = now
        self._draw(line(stage, done, total, now - self.stage_began, now - self.began))

    def _draw(self, text: str) -> None:
        pad = max(0, self.width - len(text))
        self.write("\r" + text + " " * pad)
        self.width, self.drawn = len(text), True

    def finish(self) -> None:
        """Clear the line, if one was drawn, so what follows starts clean."""
        if self.drawn:
            self.write("\r" + " " * self.width + "\r")
            self.drawn = False


def line(stage: str, done: int, total: int, in_stage: float, elapsed: float) -> str:
    """`reading articles 420/1000 (85/s), 6 s`."""
    what = _WHAT.get(stage, stage)
    if stage == "read" and total:
        rate = f" ({done / in_stage:.0f}/s)" if in_stage > 0.05 else ""
        what = f"{what} {done}/{total}{rate}"
    elif stage == "write" and total:
        what = f"{what} ({total})"
    return f"timeline: {what}, {elapsed:.0f} s"
