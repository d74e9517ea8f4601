"""Stage 6, output: data exports, feeds, calendar, search index and the atomic write.

Entry: `write_site(files, output)` (`samefile`: each file linked from the old site when
its bytes, or a kept page's digest, are the old file's); the exports (`events.json`, CSV,
TimelineJS, iCalendar, Atom) are functions of the `Timeline` alone.
"""

from generator.output.writer import write_site

__all__ = ["write_site"]
