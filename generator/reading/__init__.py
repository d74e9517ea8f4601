"""Stage 1, reading: a folder of articles -> `Article` records and diagnostics.

Files, front matter, catalog, saved web pages, furniture, paragraphs and sentences, and the
publication date printed in a page's header. Entry: `read_corpus(source)`.
"""

from generator.reading.corpus import read_corpus
from generator.reading.readers import read_article

__all__ = ["read_article", "read_corpus"]
