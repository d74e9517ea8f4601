"""Page furniture: whether a paragraph is ads, sharing, credits, contacts, copyright or
a bare date rather than story text; photo credits, heading-like lines, titles compared."""

from __future__ import annotations

import re
import unicodedata

from generator.reading import dateline
from generator.reading.newsdates import DATE, published_line
from generator.reading.paragraphs import ends_sentence

_FURNITURE_WORDS = (
    r"advertisement|advertising|sponsored(?: content)?|loading|all news|latest news|read more"
    r"|read also|also read|read next|see also|more on this|share|share this(?: article| story)?"
    r"|subscribe(?: now| here)?|sign up(?: now)?|newsletter|follow us(?: on \w+)?"
    r"|related(?: articles| stories| news| content)?|most read|most popular|comments?|print"
    r"|e-?mail|tweet|skip to (?:main )?content|back to top|menu|home|tags?|topics?|watch|listen"
    r"|click here[^.]*|top stories|trending|recommended"
)
_FURNITURE_FULL = re.compile(rf"[\W_]*(?:{_FURNITURE_WORDS})[\s.…:!»>|]*", re.IGNORECASE)
_FURNITURE_START = re.compile(
    r"(?:to contact the (?:reporters?|editors?|authors?|writers?)\b|-*\s*with assistance from\b"
    r"|(?:additional |further )?(?:reporting|writing|editing|research|compiled|edited) by\b"
    r"|©|\(c\)\s*\d{4}|copyright\s*(?:©|\(c\)|\d{4})|source\s*:|credits?\s*:|contact\s*:"
    r"|tags\s*:|topics\s*:|published\s+in\s*:|filed\s+under\b|categor(?:y|ies)\s*:|posted\s+in\s*:"
    r"|share\s+(?:on|via|this)\b|related\s*:|more\s+from\b|read\s+more\s*:"
    r"|(?:photo|image|picture|photograph|video)s?(?:\s+credits?)?\s*(?::|by\b)"
    r"|\(?(?:ap|afp|reuters|getty|epa|xinhua)(?:\s+photo|\s+images?)\b|(?:reuters|afp|epa)/\S)",
    re.IGNORECASE,
)
_RIGHTS = re.compile(r".*\ball rights reserved\b[\s.]*", re.IGNORECASE)
# Credit sentences at the foot of wire stories: "Peter Okafor reported from Lagos.",
# "Anna Schmidt contributed reporting from Berlin.", "Follow Tom Becker on Twitter",
# "Maria Lopez is a correspondent for Example News based in Madrid."
_NAME = (r"(?!(?:The|A|An|This|That|Officials?|Police|Witnesses)\b)[A-Z][a-z’'.]+(?:-[A-Z]?[a-z’'.]+)*"
         r"(?:\s+(?:de|van|von|al|bin|da|di|le|la|[A-Z]\.))*\s+[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+)?")
_NAMES = rf"{_NAME}(?:,\s+{_NAME})*(?:,?\s+and\s+{_NAME})?"
_CREDIT_SENTENCE = (
    rf"(?:{_NAMES}\s+(?:reported\s+from\s+[A-Z][^.]{{0,30}}|wrote\s+from\s+[A-Z][^.]{{0,30}}"
    rf"|contributed\s+(?:reporting|to\s+this\s+(?:report|story))[^.]{{0,60}})"
    rf"|(?i:follow\s+[^.]{{1,60}}\s+on\s+(?:twitter|x|facebook|instagram|linkedin|bluesky|mastodon))"
    rf"\b[^\n]*"
    rf"|{_NAME}\s+is\s+an?\s+(?:[\w-]+\s+){{0,3}}(?:correspondent|reporter|journalist|editor|writer|"
    rf"columnist|contributor|producer|photographer)\b[^.]{{0,120}})"
)
_CREDITS = re.compile(rf"(?:{_CREDIT_SENTENCE}[.!]?\s*)+")
# "Associated Press writer Jane Doe in Cairo contributed to this report." and the like.
_CONTRIBUTED = re.compile(r".{0,160}\b(?:contributed|contributing)\s+(?:to\s+)?(?:this|the)\s+"
                          r"(?:report|story|article)[\s.]*", re.IGNORECASE)
_BYLINE = re.compile(r"(?i:by)\s+[A-Z][\w.'’\-]*(?:,?\s+(?:[A-Z][\w.'’\-]*|and|&))*[\s.]*")
_LINK = re.compile(r"[^@\s]+@[^@\s]+\.\w+|https?://\S+|www\.\S+")
_DATE_ONLY = re.compile(rf"\s*{DATE}(?:[\s,|]+\d{{1,2}}:\d{{2}}.*)?", re.IGNORECASE)


def _only_links(para: str) -> bool:
    """Whether a paragraph is nothing but e-mail addresses and URLs."""
    tokens = [t for t in re.split(r"[\s,;|()<>]+", para) if t]
    return bool(tokens) and all(_LINK.fullmatch(t) for t in tokens)


def _pipe_list(para: str) -> bool:
    """A navigation, category or share bar: short pieces between vertical bars."""
    pieces = [p.strip() for p in para.split("|") if p.strip()]
    return para.count("|") >= 2 and len(pieces) >= 2 and all(len(p.split()) <= 6 for p in pieces)


def is_furniture(para: str) -> bool:
    """Whether a paragraph is page furniture (ads, sharing, credits, contacts, copyright...)."""
    para = " ".join(para.split())
    if not any(c.isalnum() for c in para) or para.lower().startswith("to contact the"):
        return True
    if len(para) > 300:
        return False
    if _FURNITURE_START.match(para) and len(para) <= 200:
        return True
    patterns = (_FURNITURE_FULL, _RIGHTS, _CONTRIBUTED, _CREDITS, _DATE_ONLY)
    if any(p.fullmatch(para) for p in patterns) or published_line(para) or _only_links(para):
        return True
    if _pipe_list(para):  # "Home | World | Business", "| Published in: Politics | Europe"
        return True
    if dateline.is_date_line(para):  # "Kyiv Post | Monday, June 8, 2020", "Added: 08.06.2020"
        return True
    return len(para.split()) <= 8 and bool(_BYLINE.fullmatch(para))


_CREDIT = re.compile(
    r"\((?:photo|photograph|image|picture|pic|credit|courtesy)s?\b[^()]*\)"
    r"|\((?:ap|afp|reuters|epa|getty images?|xinhua|sputnik|tass|anadolu)\b[^()]*/[^()]*\)"
    r"|(?:^|(?<=\s))(?-i:(?:REUTERS|Reuters|AFP|EPA(?:-EFE)?|AP|TASS)/[A-Z])[^\n]*$"
    r"|(?:^|(?<=[\s|.]))(?-i:Photo|PHOTO|Image|Picture|Photograph)s?(?:\s+credit)?\s*(?::|by\b)"
    r"[^\n]{1,80}$",
    re.IGNORECASE | re.MULTILINE,
)


def credit_span(para: str) -> tuple[int, int] | None:
    """Span (within `para`) of a photo credit, the last one if several."""
    found = list(_CREDIT.finditer(para))
    return found[-1].span() if found else None


def looks_like_heading(para: str) -> bool:
    """A short line with no final sentence punctuation, starting with a letter or digit."""
    words = para.split()
    return 0 < len(words) <= 8 and "\n" not in para.strip() and para[0].isalnum() and not (
        ends_sentence(para)
    )


def norm_title(text: str) -> str:
    """A title compared case-, space-, quote- and dash-insensitively."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = re.sub(r"[‘’‛′`]", "'", re.sub(r"[“”„″]", '"', text))
    text = re.sub(r"\s*[‐-―−-]+\s*", " - ", text)
    return " ".join(text.split()).strip(" .")
