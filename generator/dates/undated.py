"""What an undated article loses: the dates in it that need the publication date.

"On Tuesday", "yesterday", "last year" or "June 8" mean nothing without the day the
article was published, so their events cannot be placed on the timeline. They are
listed in the build report and on the article's page, with the hint to add a date,
instead of vanishing silently.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import NamedTuple

from generator.dates import engine as dates
from generator.model import Article, Diagnostic

HINT = "add `date:` front matter or a catalog entry"
# Two publication days far apart: an expression whose value changes with the day needs it.
_PROBES = (dt.date(2001, 3, 14), dt.date(2013, 9, 26))
_SHOWN = 5


class Pending(NamedTuple):
    """A dated expression of an undated article that needs the publication date."""

    sentence: int  # index into `article.sentences`
    start: int
    end: int
    text: str


def pending(article: Article) -> tuple[Pending, ...]:
    """The expressions of an undated article whose date depends on its publication day."""
    if article.date is not None or not article.sentences:
        return ()
    spans = [(s.start, s.end) for s in article.sentences]
    runs = [{(t.start, t.end): t for t in dates.tag(article.text, day, spans)
             if t.type in ("DATE", "TIME")} for day in _PROBES]
    found = []
    for key in sorted(set(runs[0]) | set(runs[1])):
        first, second = runs[0].get(key), runs[1].get(key)
        if first and second and first.value == second.value:
            continue  # a fully written date: it makes its event without the article's date
        timex = first or second
        assert timex is not None
        index = article.sentence_at(key[0])
        if index is not None:
            found.append(Pending(index, key[0], key[1], timex.text))
    return tuple(found)


def report(articles: Sequence[Article]) -> list[Diagnostic]:
    """One warning per undated article that has events waiting for its date."""
    out = []
    for article in articles:
        waiting = pending(article)
        if not waiting:
            continue
        shown = ", ".join(f"{p.text!r}" for p in waiting[:_SHOWN])
        more = f" and {len(waiting) - _SHOWN} more" if len(waiting) > _SHOWN else ""
        count = f"{len(waiting)} date" + ("s" if len(waiting) > 1 else "")
        message = (f"{count} in it need the publication date, so their events are not on the "
                   f"timeline (undated): {shown}{more}; {HINT}")
        out.append(Diagnostic("warning", article.path, message))
    return out


def sentences(article: Article) -> list[dict[str, str]]:
    """For the article's page: each sentence with an undated event, and what needs the date."""
    rows: dict[int, list[str]] = {}
    for p in pending(article):
        rows.setdefault(p.sentence, []).append(p.text)
    return [{"sentence": article.sentences[i].text, "dates": ", ".join(words)}
            for i, words in sorted(rows.items())]
