"""Stage 2, dates: text -> temporal expressions normalised at their real precision.

The TIMEX engine (`engine`), its calendar and relative rules, the words it reads, tense cues,
and the report of what an undated article loses. Entry: `tag(text, anchor)`.
"""

from generator.dates.engine import Timex, tag

__all__ = ["Timex", "tag"]
