"""Stage 4, events: dated sentences -> events with actors, places, sources and headlines.

Extraction per sentence, coreference for subjects, headlines, and merging of one happening
told by several articles. Entry: `extract_events(articles, mentions, places, actors)`.
"""

from generator.events.extract import extract_events

__all__ = ["extract_events"]
