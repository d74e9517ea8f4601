"""Pure text helpers for the readers: news date lines, paragraphs, furniture, sentences."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from html.parser import HTMLParser
from typing import Any, NamedTuple

import markdown

from generator.lang import language
from generator.reading import dateline
from generator.reading.safety import clean_html

MONTHS = language().months
MONTH_NAME = language().month_name

# --- dates as news pages write them -------------------------------------------------------

MONTH = rf"(?i:{MONTH_NAME})"
_WEEKDAY = r"(?i:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?)"
_ORD = r"(?:st|nd|rd|th)?"
DATE = (
    rf"(?:{_WEEKDAY},?\s+)?(?:\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}\.\d{{1,2}}\.\d{{4}}"
    rf"|{MONTH}\b\.?\s+\d{{1,2}}{_ORD}\b(?:,?\s+\d{{4}}\b)?"
    rf"|\d{{1,2}}{_ORD}\s+{MONTH}\b\.?(?:,?\s+\d{{4}}\b)?)"
)
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_DOTTED = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")
_MDY = re.compile(rf"({MONTH})\b\.?\s+(\d{{1,2}}){_ORD}\b(?:,?\s+(\d{{4}})\b)?")
_DMY = re.compile(rf"(?<!\d)(\d{{1,2}}){_ORD}\s+({MONTH})\b\.?(?:,?\s+(\d{{4}})\b)?")

MonthDay = tuple[int | None, int, int]


def parse_date_text(text: str) -> MonthDay | None:
    """Read one written date (`June 20, 2020`, `10 December`, `2020-06-17`): (year, month, day)."""
    if m := _ISO.search(text):
        parts: MonthDay = (int(m[1]), int(m[2]), int(m[3]))
    elif m := _DOTTED.search(text):
        parts = (int(m[3]), int(m[2]), int(m[1]))
    elif m := _MDY.search(text):
        parts = (int(m[3]) if m[3] else None, MONTHS[m[1][:3].lower()], int(m[2]))
    elif m := _DMY.search(text):
        parts = (int(m[3]) if m[3] else None, MONTHS[m[2][:3].lower()], int(m[1]))
    else:
        return None
    year, month, day = parts
    try:
        dt.date(year or 2000, month, day)  # 2000 is a leap year: 29 February stays possible
    except ValueError:
        return None
    return parts


def complete_date(parts: MonthDay, year: int) -> dt.date | None:
    """The date `parts` gives, in `year` when it has none of its own."""
    try:
        return dt.date(parts[0] or year, parts[1], parts[2])
    except ValueError:
        return None


def nearest_date(parts: MonthDay, ref: dt.date) -> dt.date | None:
    """Complete a year-less date with the year that puts it last on or (by a day) after `ref`."""
    latest = ref + dt.timedelta(days=1) if ref < dt.date.max else ref
    options = [d for y in (ref.year - 1, ref.year, ref.year + 1) if (d := complete_date(parts, y))]
    return max((d for d in options if d <= latest), default=None)


class Dateline(NamedTuple):
    """A dateline opening a paragraph: `MOSCOW, December 10. /TASS/.`, `(Bloomberg) --`."""

    start: int
    end: int
    text: str
    agency: str | None
    date: MonthDay | None


_CITY = r"[A-Z][A-Z'’.\-]+(?:[ \t]+[A-Z][A-Z'’.\-]+)*"
_REGION = rf",[ \t]+(?!{MONTH}\b)[A-Z][\w.'’\-]*(?:[ \t]+[A-Z][\w.'’\-]*){{0,2}}"
_AGENCY = r"(?:/[A-Za-z][\w.\- ]{0,20}/|\([A-Z][\w.&'’\- ]{0,30}\))"
_SEP = r"(?:--|[-–—:])"
_DATELINE = re.compile(
    rf"(?P<city>{_CITY})(?:{_REGION})?(?:,?\s+(?P<date>{DATE}))?(?P<dot>\.)?\s*"
    rf"(?P<agency>{_AGENCY})?\.?\s*(?P<sep>{_SEP})?\s*"
)
_AGENCY_ONLY = re.compile(r"(?P<agency>\([A-Z][\w.&'’\- ]{0,30}\))\s*(?P<sep>--|[-–—])\s*")


def find_dateline(text: str, start: int, end: int) -> Dateline | None:
    """The dateline at `text[start:end]`'s beginning, if there is one."""
    m = _AGENCY_ONLY.match(text, start, end) or _DATELINE.match(text, start, end)
    if not m:
        return None
    groups = m.groupdict()
    date, agency, sep = groups.get("date"), groups["agency"], groups["sep"]
    if not (date and (agency or sep or groups.get("dot"))) and not (agency and sep):
        return None
    parts = parse_date_text(date) if date else None
    if date and parts is None:
        return None
    name = agency.strip("()/ ") if agency else None
    return Dateline(start, m.end(), text[start : m.end()].strip(), name, parts)


_COPYRIGHT = re.compile(
    r"(?:©|\(c\)|\bcopyright\b)\s*(?:©\s*)?(?:\d{4}\s*[-–]\s*)?(\d{4})\b", re.IGNORECASE
)
_SOURCE_LINE = re.compile(rf"(?i:source)\s*:\s*(?P<who>[^,\n]{{1,60}}?)\s*,\s*(?P<date>{DATE})")
_PUBLISHED_LINE = re.compile(
    r"(?P<kind>(?i:first published|published|posted|last updated|updated|last modified))"
    rf"(?:\s+(?i:on|at))?\s*:?\s*(?P<date>{DATE})"
)


def copyright_year(line: str) -> int | None:
    """The (last) year of a copyright notice in `line`."""
    m = _COPYRIGHT.search(line)
    return int(m[1]) if m else None


def source_line(line: str) -> tuple[str, dt.date] | None:
    """`Source: TASS, June 20, 2020` -> ("TASS", date); only a full date counts."""
    m = _SOURCE_LINE.match(line)
    parts = parse_date_text(m["date"]) if m else None
    if not m or not parts or parts[0] is None:
        return None
    day = complete_date(parts, parts[0])
    return (m["who"].strip(), day) if day else None


def published_line(line: str) -> tuple[str, dt.date] | None:
    """`Published: 2020-06-17`, `Updated June 17, 2020 10:00 GMT` -> (keyword, date)."""
    m = _PUBLISHED_LINE.match(line)
    parts = parse_date_text(m["date"]) if m else None
    if not m or not parts or parts[0] is None:
        return None
    day = complete_date(parts, parts[0])
    return (m["kind"].lower(), day) if day else None


# --- paragraphs of plain text -------------------------------------------------------------

_CLOSERS = "\"'”’»)]"
_TERMINAL = ".!?:;…"


def ends_sentence(line: str) -> bool:
    """Whether `line` ends with sentence punctuation (closing quotes allowed after it)."""
    stripped = line.rstrip().rstrip(_CLOSERS)
    return bool(stripped) and stripped[-1] in _TERMINAL


def _line_spans(text: str) -> list[tuple[int, int]]:
    """Each line's span without its newline."""
    spans, pos = [], 0
    for line in text.split("\n"):
        spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """`start, end` moved inward past whitespace."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def plain_paragraphs(text: str) -> list[tuple[int, int]]:
    """Paragraph spans of plain text: blank-line blocks, one per line unless hard-wrapped."""
    blocks: list[list[tuple[int, int]]] = [[]]
    for start, end in _line_spans(text):
        s, e = _trim(text, start, end)
        if s == e:
            blocks.append([])
        else:
            blocks[-1].append((s, e))
    return [span for block in blocks if block for span in _split_block(text, block)]


def _is_wrapped(lines: list[str]) -> bool:
    """Whether most lines of a block (but the last) are long-ish and stop mid-sentence."""
    width = max(len(line) for line in lines)
    if len(lines) < 2 or width > 200:
        return False
    wrapish = [ln for ln in lines[:-1] if len(ln) >= 0.6 * width and not ends_sentence(ln)]
    return 2 * len(wrapish) >= len(lines) - 1


def _breaks_after(line: str, following: str, width: int) -> bool:
    """Whether a hard-wrapped block ends a paragraph after `line`."""
    next_word = following.split(maxsplit=1)[0]
    fits = len(line) + 1 + len(next_word) <= width
    return len(line) < 0.5 * width or (fits and ends_sentence(line))


def _split_block(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """One block of lines as paragraphs."""
    lines = [text[s:e] for s, e in spans]
    if not _is_wrapped(lines):
        return spans
    width = max(len(line) for line in lines)
    out, first = [], 0
    for i in range(len(spans) - 1):
        if _breaks_after(lines[i], lines[i + 1], width):
            out.append((spans[first][0], spans[i][1]))
            first = i + 1
    out.append((spans[first][0], spans[-1][1]))
    return out


# --- what a paragraph is --------------------------------------------------------------------

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


# --- sentences ------------------------------------------------------------------------------


def wordset(words: str) -> frozenset[str]:
    """The set of space-separated words."""
    return frozenset(words.split())


_TITLES = wordset(
    "mr mrs ms messrs dr prof gen lt col maj capt cmdr cdr sgt adm gov sen rep rev hon pres supt"
    " insp st mt ft vs approx dept esp cf"
)
_BEFORE_NUMBER = wordset(
    "no nos nr vol p pp fig art ch sec para jan feb mar apr jun jul aug sep sept oct nov dec"
)
_AMBIGUOUS = wordset("jr sr inc corp co ltd llc plc etc bros")
_STARTERS = wordset(
    "the a an he she it they we i you in on at but and this that these those there his her its"
    " their our however meanwhile after before when while if as according since also for with"
    " some many yet so then still now"
)
_END = re.compile(r"(?:[.!?]+|…)[\"'”’»)\]]*(?=\s)")
_ACRONYM = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]|[A-Z]")
_OPENERS = "\"'“‘«([¿¡"
_WORD = re.compile(r"\w+")


def _word_before(text: str, pos: int, floor: int) -> str:
    """The token ending at `pos`, without opening punctuation."""
    i = pos
    while i > floor and not text[i - 1].isspace():
        i -= 1
    return text[i:pos].lstrip(_OPENERS)


def _next_word(text: str, pos: int, limit: int) -> str:
    """The word starting at or after `pos`, after spaces and opening quotes."""
    while pos < limit and (text[pos].isspace() or text[pos] in _OPENERS):
        pos += 1
    m = _WORD.match(text, pos, limit)
    return m[0] if m else text[pos : pos + 1]


def _is_boundary(text: str, m: re.Match[str], floor: int, limit: int) -> bool:
    """Whether the punctuation matched by `m` ends a sentence."""
    nxt = _next_word(text, m.end(), limit)
    if not nxt or not (nxt[0].isupper() or nxt[0].isdigit()):
        return False
    if m[0][0] in "!?…" or m[0].startswith(".."):
        return True
    word = _word_before(text, m.start(), floor)
    low = word.lower()
    if low in _TITLES:
        return False
    if low in _BEFORE_NUMBER:
        return not nxt[0].isdigit()
    if low in _AMBIGUOUS or _ACRONYM.fullmatch(word):
        return nxt.lower() in _STARTERS
    return True


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans (absolute offsets, trimmed of whitespace) inside `text[start:end]`."""
    spans, cur = [], start
    for m in _END.finditer(text, start, end):
        if _is_boundary(text, m, start, end):
            spans.append(_trim(text, cur, m.end()))
            cur = m.end()
    spans.append(_trim(text, cur, end))
    return [(s, e) for s, e in spans if s < e]


# --- Markdown -------------------------------------------------------------------------------


class _Blocks(HTMLParser):
    """HTML to plain-text blocks (paragraphs, list items, headings, quotes); tags dropped."""

    BLOCK = wordset(
        "p li h1 h2 h3 h4 h5 h6 blockquote pre dt dd tr td th div ul ol dl table hr figure"
        " figcaption section article header footer aside details summary"
    )
    SKIP = frozenset({"script", "style", "template", "noscript", "head", "iframe", "svg"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[tuple[str, bool]] = []
        self._buf: list[str] = []
        self._heading = False
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        if tag in self.SKIP:
            self._skip += 1
        elif tag in self.BLOCK:
            self.flush()
            self._heading = tag in {"h1", "h2", "h3", "h4", "h5", "h6"}
        elif tag == "br":
            self._buf.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP:
            self._skip = max(0, self._skip - 1)
        elif tag in self.BLOCK:
            self.flush()

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self._buf.append(data)

    def flush(self) -> None:
        """End the current block."""
        text = " ".join("".join(self._buf).split())
        if text:
            self.blocks.append((text, self._heading))
        self._buf, self._heading = [], False


def markdown_blocks(source: str) -> list[tuple[str, bool]]:
    """Markdown as plain-text blocks, each with whether it is a heading; HTML tags dropped.

    Raw HTML in the Markdown is sanitised first (`safety.clean_html`), so only harmless
    tags reach the block parser and no script or style text can become article text.
    """
    parser = _Blocks()
    parser.feed(clean_html(markdown.markdown(source)))
    parser.close()
    parser.flush()
    return parser.blocks
