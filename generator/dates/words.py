"""Vocabulary and regular expressions for temporal expressions in English news."""

from __future__ import annotations

import re

from generator.lang import language  # noqa: E402

_EN = language("en")
MONTHS = _EN.months
# A month's name or its abbreviation, as news pages write them in date lines (no flags:
# each pattern that uses it says whether case counts).
MONTH_NAME = _EN.month_name
WEEKDAYS = _EN.weekdays
NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
    "a dozen": 12, "dozen": 12, "half a": 0.5, "a half": 0.5,
}
VAGUE_NUMBERS = ("several", "a few", "few", "many", "some", "a couple of", "a number of")
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
    "final": 4, "last": 4,
}
CENTURY_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17,
    "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "twenty-first": 21,
}
UNITS = {
    "second": "S", "minute": "M", "hour": "H", "day": "D", "week": "W", "month": "M",
    "year": "Y", "decade": "DE", "century": "CE", "centuries": "CE", "fortnight": "W",
    "quarter": "Q",
}
SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
PARTS_OF_DAY = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI",
}

# Words before a number that make it a label, not a year ("Resolution 2510", "S-400").
LABEL_WORDS = frozenset(
    "resolution resolutions no no. number nos flight route page pages room model article articles "
    "section paragraph chapter item rule code bill law decree order highway road bus train "
    "platform gate seat vol volume issue version v series type class batch unit units lot case "
    "file box step level grade size apartment suite precinct district zone sector hill height "
    "point km mile kilometre kilometer miles km² height elevation population".split()
)
# Nouns after a number that make it a count, not a year ("2000 people").
COUNT_NOUNS = frozenset(
    "people persons troops soldiers fighters civilians killed dead deaths died wounded injured "
    "refugees migrants votes seats members cases km kilometres kilometers miles metres meters feet "
    "tonnes tons barrels dollars euros pounds points vehicles tanks aircraft planes jets drones "
    "missiles rockets units homes houses families children men women prisoners detainees hostages "
    "workers jobs employees households residents participants delegates pages words calories "
    "hectares acres square percent per cent times mercenaries bodies shares rounds cars buses "
    "ships boats".split()
)

_MONTH_ALT = (
    r"January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?"
)
_FULL_MONTH = (
    r"January|February|March|April|May|June|July|August|September|October|November|December"
)
_WEEKDAY = r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_NUM_WORD = (
    r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five"
    r"|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
    r"|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|hundred"
)
QUANT = (
    r"(?:(?:almost|nearly|about|around|roughly|some|approximately|more\s+than|less\s+than|"
    r"fewer\s+than|over|under|at\s+least|at\s+most|up\s+to|just|only|barely|well\s+over|"
    r"close\s+to|the\s+past|the\s+last|the\s+next|the\s+first|the\s+coming|another|"
    r"an\s+additional|a\s+further)\s+)"
)
AMOUNT = (
    rf"(?:\d+(?:\.\d+)?|{_NUM_WORD}|a\s+dozen|dozens\s+of|a\s+couple\s+of|a\s+few|several|"
    r"a|an|half\s+a)"
)
UNIT = r"(?:seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|years?|decades?|century|centuries)"
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
YEAR = r"(?:1[5-9]\d\d|20\d\d)"
PART = r"(?:morning|afternoon|evening|night)"


def _c(pattern: str, flags: int = 0) -> re.Pattern[str]:
    return re.compile(pattern, flags | re.VERBOSE)


# Each pattern names its groups; the order of this table is the tie-break between
# equally long matches (earlier wins).
PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso-date", _c(r"(?<![\w/.-])(?P<year>\d{4})-(?P<month>[01]\d)-(?P<day>[0-3]\d)"
                    r"(?:T(?P<hour>[0-2]\d):(?P<minute>[0-5]\d))?(?![\w/-])")),
    ("numeric-date", _c(r"(?<![\w/.-])(?P<a>[0-3]?\d)/(?P<b>[0-3]?\d)/(?P<year>\d{4})(?![\w/])")),
    ("month-day-year", _c(
        rf"(?:(?P<weekday>{_WEEKDAY}),?\s+)?(?:the\s+)?(?P<month>{_MONTH_ALT})\s+(?P<day>{DAY})\b"
        rf"(?:,?\s+(?P<year>{YEAR})\b|\s+of\s+(?P<relyear>this|last|next)\s+year)?")),
    ("day-month-year", _c(
        rf"(?:(?P<weekday>{_WEEKDAY}),?\s+)?(?:the\s+)?(?P<day>{DAY})\s+(?:of\s+)?"
        rf"(?P<month>{_MONTH_ALT})(?![a-z])(?:,?\s+(?P<year>{YEAR})\b"
        r"|\s+of\s+(?P<relyear>this|last|next)\s+year)?")),
    ("month-year", _c(
        rf"(?:(?P<mod>early|late|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|"
        rf"the\s+middle\s+of)[\s-]+)?(?P<month>{_MONTH_ALT})(?:\s+of)?,?\s+(?P<year>{YEAR})\b")),
    ("month", _c(
        rf"(?:(?P<rel>last|next|this|early|late|mid|the\s+end\s+of|the\s+beginning\s+of|"
        rf"the\s+start\s+of|the\s+middle\s+of)[\s-]+)?(?P<month>{_FULL_MONTH})\b(?P<poss>['’]s)?")),
    ("year-range", _c(rf"(?<![\w$€£#.,-])(?P<year>{YEAR})\s?[-–]\s?(?P<year2>{YEAR}|\d\d)(?![\w%])")),
    ("decade", _c(r"(?:the\s+)?(?:(?P<mod>early|late|mid)[\s-]+)?(?P<decade>1[5-9]\d0|20\d0)s\b")),
    ("century", _c(
        r"(?:the\s+)?(?P<ord>\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|"
        r"seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|"
        r"sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-first)\s+century\b")),
    ("quarter", _c(
        rf"(?:the\s+)?(?:fiscal\s+)?(?P<ord>first|second|third|fourth|final|last|1st|2nd|3rd|4th)[\s-]+quarter"
        rf"(?:\s+of\s+(?P<year>{YEAR})|\s+of\s+(?P<relyear>this|last|next)\s+year)?\b"
        rf"|\bQ(?P<qnum>[1-4])(?:\s+(?P<qyear>{YEAR}))?\b", re.IGNORECASE)),
    ("half", _c(
        rf"(?:the\s+)?(?P<ord>first|second)\s+half\s+of\s+(?:(?P<year>{YEAR})|"
        r"(?P<relyear>this|last|next)\s+year)")),
    ("fiscal", _c(rf"\b(?:fiscal(?:\s+year)?\s+|FY\s?)(?P<year>{YEAR}|\d\d)\b")),
    ("season", _c(
        rf"(?:(?P<rel>last|this\s+past|this|next|early|late|the|past)\s+)?(?P<season>spring|summer|autumn|fall|winter)"
        rf"(?:\s+(?:of\s+)?(?P<year>{YEAR}))?\b", re.IGNORECASE)),
    ("year", _c(
        rf"(?:(?P<mod>early|late|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|"
        rf"the\s+middle\s+of)[\s-]+|(?<![\w$€£#.,/-]))(?P<year>{YEAR})(?![\w%]|[.,]\d|[-–]\d)")),
    ("relative-day", _c(
        r"\b(?P<word>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|today|"
        r"yesterday|tomorrow|tonight)\b(?:\s+(?P<part>morning|afternoon|evening|night))?",
        re.IGNORECASE)),
    ("this-part", _c(r"\b(?:this|last)\s+(?P<part>morning|afternoon|evening|night)\b",
                     re.IGNORECASE)),
    ("relative-unit", _c(
        r"\b(?:(?P<mod>earlier|later|early|late|mid|the\s+end\s+of|the\s+beginning\s+of|"
        r"the\s+start\s+of|the\s+middle\s+of)[\s-]+)?(?P<the>the\s+)?(?P<rel>last|next|this|coming|"
        r"previous|following|current|same|past)\s+(?:fiscal\s+)?(?P<unit>week|weekend|month|year|quarter|"
        r"decade|century)\b", re.IGNORECASE)),
    ("period-end", _c(
        r"\b(?P<mod>(?:the\s+)?(?:end|beginning|start|middle|rest|remainder))\s+of\s+the\s+"
        r"(?P<unit>week|month|year|quarter|decade|century)\b", re.IGNORECASE)),
    ("weekend", _c(r"\b(?P<the>the|this|last|next|that)\s+weekend\b", re.IGNORECASE)),
    ("day-range", _c(
        rf"(?P<month>{_MONTH_ALT})\s+(?P<day>{DAY})\s?[-–]\s?(?P<day2>{DAY})\b"
        rf"(?:,?\s+(?P<year>{YEAR})\b)?")),
    ("anaphoric-day", _c(
        r"\b(?:the|that)\s+(?P<word>same\s+day|next\s+day|following\s+day|previous\s+day|"
        r"day\s+before|day\s+after)\b(?!\s+(?:yesterday|tomorrow))|\b(?P<that>that)\s+day\b",
        re.IGNORECASE)),
    ("year-earlier", _c(r"\b(?P<word>year-earlier|year-ago|a\s+year\s+earlier|a\s+year\s+ago)\b",
                        re.IGNORECASE)),
    ("rate", _c(
        r"(?<=\s)(?P<per>a|an|per|each)\s+(?P<unit>hour|day|week|month|year|quarter)\b",
        re.IGNORECASE)),
    ("ago", _c(
        rf"\b{QUANT}?(?P<amount>{AMOUNT})[\s-]+(?P<unit>{UNIT})\s+(?P<dir>ago|earlier|before|"
        r"later|from\s+now|hence)\b", re.IGNORECASE)),
    ("weekday", _c(
        rf"(?:\b(?P<rel>(?i:last|next|this|coming|past|this\s+coming))\s+)?(?P<weekday>{_WEEKDAY})"
        rf"(?P<poss>['’]s)?(?:\s+(?P<part>{PART}))?\b")),
    ("clock", _c(
        r"(?:(?P<h12>1[0-2]|0?[1-9])(?::(?P<m12>[0-5]\d))?\s*(?P<ampm>a\.m\.|p\.m\.|am\b|pm\b|"
        r"AM\b|PM\b|a\.m\b|p\.m\b)|(?<![\d:.,])(?P<h24>[01]?\d|2[0-3]):(?P<m24>[0-5]\d)(?![\d:])"
        r"|(?P<word>midnight|noon|midday)\b)(?:\s+(?P<tz>GMT|UTC|CET|CEST|EST|EDT|PST|PDT|"
        r"BST|local\s+time|Moscow\s+time))?", re.IGNORECASE)),
    ("set", _c(
        rf"\b(?:(?P<every>every|each)\s+(?P<other>other\s+)?(?P<unit>day|week|month|year|"
        rf"{_WEEKDAY}|morning|evening|night)|(?P<adverb>daily|weekly|monthly|annually|yearly|"
        r"hourly|nightly|biweekly|quarterly))\b")),
    ("duration", _c(
        rf"\b{QUANT}?(?P<amount>{AMOUNT})[\s-]+(?P<unit>{UNIT})\b(?:[\s-]+long\b)?",
        re.IGNORECASE)),
    ("vague-duration", _c(
        r"(?<=\bfor\s)(?P<unit>seconds|minutes|hours|days|weeks|months|years|decades|centuries)\b"
        r"|\b(?P<unit2>decades|centuries)\b"
        r"|(?<![\w-])(?P<unit3>hours|days|weeks|months|years)(?=\s+(?:after|before|later|earlier|of|"
        r"ago)\b)", re.IGNORECASE)),
    ("ref", _c(
        r"\b(?P<present>now|currently|at\s+present|at\s+the\s+moment|nowadays|presently|"
        r"these\s+days|the\s+present)\b|\b(?P<past>the\s+past|recently|lately|recent\s+(?:days|"
        r"weeks|months|years)|at\s+the\s+time)\b|\b(?P<future>the\s+"
        r"future(?!\s+of\b)|the\s+coming\s+(?:days|weeks|months|years)|coming\s+(?:days|weeks|months|years)|"
        r"the\s+days\s+ahead|the\s+weeks\s+ahead|the\s+months\s+ahead|the\s+years\s+ahead)\b",
        re.IGNORECASE)),
]

_DIGIT = ("0", "1", "2", "3", "4", "5", "6", "7", "8", "9")
_MONTH_KEYS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_UNIT_KEYS = ("second", "minute", "hour", "day", "week", "fortnight", "month", "year", "decade",
              "centur")
# A pattern can only match a sentence that contains one of its trigger strings (lower-cased);
# checking that first keeps the engine fast on sentences with nothing temporal in them.
_TRIGGER_WORDS: dict[str, tuple[str, ...]] = {
    "iso-date": _DIGIT, "numeric-date": ("/",), "month-day-year": _MONTH_KEYS,
    "day-month-year": _MONTH_KEYS, "month-year": _MONTH_KEYS, "month": _MONTH_KEYS,
    "year-range": _DIGIT, "decade": ("0s",), "century": ("century",),
    "quarter": ("quarter", "q1", "q2", "q3", "q4"), "half": ("half",),
    "fiscal": ("fiscal", "fy"), "season": ("spring", "summer", "autumn", "fall", "winter"),
    "anaphoric-day": ("day",), "year": _DIGIT,
    "year-earlier": ("year-earlier", "year-ago", "year earlier", "year ago"),
    "rate": ("a ", "an ", "per ", "each "), "relative-day": ("today", "yesterday", "tomorrow", "tonight"),
    "this-part": ("morning", "afternoon", "evening", "night"),
    "relative-unit": ("week", "month", "year", "quarter", "decade", "century"),
    "period-end": (" of the ",), "weekend": ("weekend",), "day-range": ("-", "–"),
    "ago": ("ago", "earlier", "before", "later", "from now", "hence"),
    "weekday": ("day",), "clock": ("a.m", "p.m", "am", "pm", ":", "midnight", "noon", "midday"),
    "set": ("every", "each", "daily", "weekly", "monthly", "annually", "yearly", "hourly",
            "nightly", "biweekly", "quarterly"),
    "duration": _UNIT_KEYS, "vague-duration": _UNIT_KEYS,
    "ref": ("now", "current", "present", "moment", "these days", "past", "recent", "lately",
            "time", "future", "coming", "ahead"),
}
TRIGGERS: dict[str, re.Pattern[str]] = {
    name: re.compile("|".join(re.escape(w) for w in words)) for name, words in _TRIGGER_WORDS.items()
}
