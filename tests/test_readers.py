"""Tests for generator.readers: files in, articles (dated, classified, split) out."""

from __future__ import annotations

import datetime as dt
import shutil
import textwrap
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.model import Article, Diagnostic
from generator.reading.corpus import read_corpus
from generator.reading.readers import UNDATED, read_article, split_sentences

SEEDS = Path(__file__).resolve().parent.parent / "tests" / "corpora" / "example"
FURNITURE_WORDS = ("Loading", "ADVERTISEMENT", "Photo Credit", "To contact", "©", "/TASS/",
                   "Bloomberg) --")


def read(text: str | bytes, name: str = "a.txt", entry: dict | None = None) -> tuple[
    Article | None, list[Diagnostic]
]:
    """Read one article from inline text."""
    raw = text.encode("utf-8") if isinstance(text, str) else text
    return read_article(Path(name), name, raw, entry)


def article(text: str, name: str = "a.txt", entry: dict | None = None) -> Article:
    """Read one article that must be readable."""
    art, _ = read(text, name, entry)
    assert art is not None
    return art


def write(folder: Path, files: dict[str, str | bytes]) -> Path:
    """Create `files` (relative path -> content) under `folder`."""
    for rel, content in files.items():
        path = folder / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return folder


def kinds(art: Article) -> list[tuple[str, str]]:
    """(kind, text) of each paragraph."""
    return [(p.kind, art.text[p.start : p.end]) for p in art.paragraphs]


def messages(diags: tuple[Diagnostic, ...] | list[Diagnostic]) -> str:
    """All diagnostics as one string."""
    return "\n".join(str(d) for d in diags)


# --- metadata precedence ----------------------------------------------------------------------

CATALOG = """\
articles:
  - file: a.txt
    title: Catalog title A
    outlet: Catalog Outlet
    published: 2020-01-01
    url: https://example.com/a
  - file: b.txt
    title: Catalog title B
    date: 2020-02-03
"""
DATELINE_TEXT = "LONDON, March 3, 2020 — The minister resigned on Tuesday.\n"


def test_front_matter_beats_catalog_beats_inference(tmp_path: Path) -> None:
    write(tmp_path, {
        "catalog.yaml": CATALOG,
        "a.txt": "---\ntitle: Front title\ndate: 2021-05-06\nsection: World\n---\n" + DATELINE_TEXT,
        "b.txt": DATELINE_TEXT,
        "c.txt": DATELINE_TEXT,
    })
    arts, diags = read_corpus(tmp_path)
    a, b, c = arts
    assert (a.title, a.date, a.date_origin) == ("Front title", dt.date(2021, 5, 6), "front matter")
    assert (a.outlet, a.url) == ("Catalog Outlet", "https://example.com/a")
    assert a.metadata == (("section", "World"),)
    assert (b.title, b.date, b.date_origin) == ("Catalog title B", dt.date(2020, 2, 3), "catalog")
    assert (c.date, c.date_origin) == (dt.date(2020, 3, 3), "dateline")
    assert not [d for d in diags if d.level != "info"]


def test_catalog_entry_for_missing_file_names_the_line(tmp_path: Path) -> None:
    write(tmp_path, {"catalog.yaml": CATALOG, "a.txt": DATELINE_TEXT})
    _, diags = read_corpus(tmp_path)
    missing = [d for d in diags if "b.txt" in d.message]
    assert len(missing) == 1
    assert (missing[0].path, missing[0].line, missing[0].level) == ("catalog.yaml", 7, "warning")


def test_catalog_in_subfolder_applies_to_that_folder(tmp_path: Path) -> None:
    write(tmp_path, {"sub/catalog.yaml": CATALOG, "sub/a.txt": "Text.\n", "a.txt": "Text.\n"})
    arts, _ = read_corpus(tmp_path)
    by_path = {a.path: a for a in arts}
    assert by_path["sub/a.txt"].date == dt.date(2020, 1, 1)
    assert by_path["a.txt"].date is None


# --- publication dates from the text ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "date", "origin"),
    [
        ("Headline\n\nMOSCOW, December 10. /TASS/. Putin spoke.\n\n©2019 TASS\n",
         dt.date(2019, 12, 10), "dateline"),
        ("WASHINGTON, Jan 5 (Reuters) - Officials met.\n\nCopyright 2021 Reuters\n",
         dt.date(2021, 1, 5), "dateline"),
        ("LONDON, March 3, 2020 — Officials met.\n", dt.date(2020, 3, 3), "dateline"),
        ("ISTANBUL, 8 January 2020 (AP) — Officials met.\n", dt.date(2020, 1, 8), "dateline"),
        ("Officials met.\n\nSource: TASS, June 20, 2020\n", dt.date(2020, 6, 20), "source line"),
        ("Published: 2020-06-17\n\nOfficials met.\n", dt.date(2020, 6, 17), "published line"),
        ("Published on June 17, 2020\n\nOfficials met.\n", dt.date(2020, 6, 17), "published line"),
        ("Officials met.\n\nUpdated June 17, 2020 10:00 GMT\n", dt.date(2020, 6, 17),
         "updated line"),  # only an update time: said so (issue 13)
        ("Updated June 18, 2020\n\nPublished 17 June 2020\n\nOfficials met.\n",
         dt.date(2020, 6, 17), "published line"),
        # a dateline without a year takes it from a published line, never landing after it
        ("MOSCOW, December 30. /TASS/. Officials met.\n\nPublished: 2021-01-02\n",
         dt.date(2020, 12, 30), "dateline"),
    ],
)
def test_date_inference_patterns(text: str, date: dt.date, origin: str) -> None:
    art, diags = read(text)
    assert art is not None
    assert (art.date, art.date_origin) == (date, origin)
    assert not diags


def test_undated_article_is_still_returned_with_a_warning() -> None:
    art, diags = read("Headline\n\nSomething happened on Monday.\n")
    assert art is not None and art.date is None and art.date_origin == "undated"
    assert [d.level for d in diags] == ["warning"]
    assert UNDATED in diags[0].message


def test_dateline_without_any_year_says_why() -> None:
    art, diags = read("Headline\n\nMOSCOW, December 10. /TASS/. Putin spoke.\n")
    assert art is not None and art.date is None
    assert "dateline" in diags[0].message and diags[0].line == 3


def test_dateline_on_a_line_of_its_own() -> None:
    art = article("Headline\n\nA standfirst.\n\nMOSCOW, December 10. /TASS/.\n\nPutin spoke.\n\n©2019 TASS")
    assert kinds(art)[2] == ("furniture", "MOSCOW, December 10. /TASS/.")
    assert art.date == dt.date(2019, 12, 10) and art.outlet == "TASS"
    assert art.sentences[art.lead].text == "Putin spoke."


def test_invalid_dates_are_reported_and_ignored() -> None:
    art, diags = read("---\ntitle: T\ndate: 2020-02-30\n---\nText.\n\nSource: TASS, June 20, 2020\n")
    assert art is not None and art.date == dt.date(2020, 6, 20)
    bad = [d for d in diags if "2020-02-30" in d.message]
    assert bad and bad[0].line == 3
    art2 = article("LONDON, February 30, 2020 — Text.\n")
    assert art2.date is None


# --- paragraph kinds --------------------------------------------------------------------------

PAGE = """\
ADVERTISEMENT

Rivals Agree to Talks

By Jane Doe

Rivals Agree to Talks

WASHINGTON, Jan 5 (Reuters) - The rivals agreed to talks on Monday.

Putin and Erdogan at a news conference in Moscow on Jan. 13, 2020. (AP Photo/Pavel Golovkin)

Failed ceasefire

A truce collapsed in March.

Read more

Share

Loading ...

Photo: Reuters

--With assistance from Firat Kozok.

Reporting by A. Smith; Editing by B. Jones

To contact the reporters on this story: Jane Doe in Ankara at jdoe@example.net

press@example.com

Copyright 2020 Reuters. All rights reserved.

Source: Reuters, January 5, 2020
"""


def test_paragraph_kinds() -> None:
    art = article(PAGE)
    got = kinds(art)
    assert art.title == "Rivals Agree to Talks"
    assert [k for k, _ in got] == [
        "furniture", "title", "furniture", "title", "body", "caption", "heading", "body",
        "furniture", "furniture", "furniture", "furniture", "furniture", "furniture",
        "furniture", "furniture", "furniture", "furniture",
    ]
    for sentence in art.sentences:
        assert not any(word in sentence.text for word in ("Photo", "Reuters", "Read", "Smith"))
    assert [s.text for s in art.sentences] == [
        "The rivals agreed to talks on Monday.",
        "Putin and Erdogan at a news conference in Moscow on Jan. 13, 2020.",
        "A truce collapsed in March.",
    ]
    assert art.lead == 0 and art.outlet == "Reuters"


def test_caption_with_trailing_agency_credit() -> None:
    art = article("Title\n\nLeaders meet in Istanbul, January 8, 2020. REUTERS/Murad Sezer\n\nBody.\n")
    assert kinds(art)[1][0] == "caption"
    assert art.sentences[0].text == "Leaders meet in Istanbul, January 8, 2020."
    assert art.lead == 1  # the first sentence of the first body paragraph, not the caption


def test_short_last_line_is_not_a_heading() -> None:
    art = article("Title\n\nFirst body sentence.\n\nThe end\n")
    assert [k for k, _ in kinds(art)] == ["title", "body", "body"]


def test_one_paragraph_per_line_and_hard_wrapped_text() -> None:
    lines = "Headline here\nA first paragraph.\nShort heading\nA second paragraph follows it.\n"
    assert [k for k, _ in kinds(article(lines))] == ["title", "body", "heading", "body"]
    para1 = textwrap.fill("The ministers met in Moscow on Monday to discuss the war. " * 4, 72)
    para2 = textwrap.fill("They agreed on nothing at all, officials said afterwards. " * 3, 72)
    art = article(f"Headline here\n\n{para1}\n\n{para2}\n")
    assert [k for k, _ in kinds(art)] == ["title", "body", "body"]
    assert len(art.sentences) == 7
    assert all(p.start < p.end for p in art.paragraphs)


def test_title_inferred_from_first_line_unless_it_is_a_sentence() -> None:
    assert article("ADVERTISEMENT\n\nHeadline\n\nBody.\n").title == "Headline"
    art = article("Officials met in Moscow on Monday. They agreed.\n")
    assert art.title == "Officials met in Moscow on Monday."
    assert kinds(art)[0][0] == "body" and len(art.sentences) == 2


# --- sentences --------------------------------------------------------------------------------


def test_sentence_spans_match_the_text() -> None:
    art = article(PAGE)
    assert [s.index for s in art.sentences] == list(range(len(art.sentences)))
    for s in art.sentences:
        assert art.text[s.start : s.end] == s.text == s.text.strip()
        assert art.paragraphs[s.paragraph].kind in ("body", "caption")


@pytest.mark.parametrize(
    ("opening", "first"),
    [
        ("MOSCOW, December 10. /TASS/. ", "Putin"),
        ("(Bloomberg) -- ", "Putin"),
        ("WASHINGTON (Reuters) - ", "Putin"),
        ("WASHINGTON, Jan 5 (Reuters) - ", "Putin"),
        ("ISTANBUL, Turkey (AP) — ", "Putin"),
        ("LONDON, March 3, 2020 — ", "Putin"),
        ("UN officials say ", "UN"),
    ],
)
def test_dateline_is_stripped_from_the_first_sentence(opening: str, first: str) -> None:
    art = article(f"Title\n\n{opening}Putin spoke. Erdogan listened.\n")
    assert art.sentences[0].text.startswith(first)
    assert art.sentences[0].text.endswith("spoke.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Gen. Haftar met Mr. Smith and Dr. Jones in St. Petersburg. They talked.",
         ["Gen. Haftar met Mr. Smith and Dr. Jones in St. Petersburg.", "They talked."]),
        ("The truce began on Jan. 12. It failed by Feb. 3.",
         ["The truce began on Jan. 12.", "It failed by Feb. 3."]),
        ("The U.S. and the U.N. agreed. The U.S. Navy left at 10 a.m. Moscow time.",
         ["The U.S. and the U.N. agreed.", "The U.S. Navy left at 10 a.m. Moscow time."]),
        ("He cited Resolution No. 2510 and John F. Kennedy. Growth was 3.5 percent.",
         ["He cited Resolution No. 2510 and John F. Kennedy.", "Growth was 3.5 percent."]),
        ("“It would be very positive. We’ll see”, – Lavrov said. Next.",
         ["“It would be very positive.", "We’ll see”, – Lavrov said.", "Next."]),
        ("“We stressed the need.” The ministry said so.",
         ["“We stressed the need.”", "The ministry said so."]),
        ("Will it hold? Nobody knows! “Really?” he asked.",
         ["Will it hold?", "Nobody knows!", "“Really?” he asked."]),
        ("They left the U.S. The talks ended.", ["They left the U.S.", "The talks ended."]),
        ("   ", []),
    ],
)
def test_split_sentences(text: str, expected: list[str]) -> None:
    padded = "xx " + text + " yy"
    spans = split_sentences(padded, 3, 3 + len(text))
    assert [padded[s:e] for s, e in spans] == expected


# --- files, encodings, front matter -----------------------------------------------------------


def test_malformed_front_matter_reported_with_the_article_line() -> None:
    text = "---\ntitle: Fine\noutlet: [unclosed\n---\nLONDON, March 3, 2020 — Text.\n"
    art, diags = read(text)
    assert art is not None and art.title != "Fine" and art.date == dt.date(2020, 3, 3)
    assert art.text.startswith("LONDON")
    assert len(diags) == 1 and diags[0].level == "warning"
    assert diags[0].line in (3, 4) and "front matter" in diags[0].message
    art, diags = read("\n\n---\ntitle: x\n---\nText.")  # not at the very start: plain text
    assert art is not None and "---" in art.text


def test_front_matter_offsets_and_line_endings() -> None:
    art = article("---\r\ntitle: T\r\ndate: 2020-01-02\r\n---\r\nOne.\r\n\r\nTwo. Three.\r\n")
    assert art.text == "One.\n\nTwo. Three.\n"
    assert [s.text for s in art.sentences] == ["One.", "Two.", "Three."]


def test_encoding_fallback() -> None:
    art, diags = read(b"\x93Quoted\x94 text, caf\xe9.\n\nSource: TASS, June 20, 2020\n")
    assert art is not None and art.sentences[0].text == "\u201cQuoted\u201d text, caf\u00e9."
    assert any("cp1252" in d.message for d in diags)
    art, diags = read(b"A \x81 byte. Published 2020-01-01\n")
    assert art is not None and any("latin-1" in d.message for d in diags)
    art, diags = read("\ufeffTitle\n\nText.\n\nSource: TASS, June 20, 2020".encode())
    assert art is not None and art.text.startswith("Title") and not diags


def test_empty_and_skipped_files(tmp_path: Path) -> None:
    write(tmp_path, {
        "empty.txt": "", "blank.md": "  \n\n", "notes.pdf": b"%PDF", ".hidden.txt": "x",
        ".git/x.txt": "x", "a.txt~": "x", "a.txt.bak": "x", ".a.txt.swp": "x", "b.swp": "x",
        "actors.yaml": "actors: []", "ok.txt": "Headline\n\nPublished: 2020-01-01\n\nText.\n",
    })
    arts, diags = read_corpus(tmp_path)
    assert [a.path for a in arts] == ["ok.txt"]
    assert [(d.path, d.level) for d in diags] == [
        ("blank.md", "warning"), ("empty.txt", "warning"), ("notes.pdf", "info"),
    ]
    assert "unsupported file type" in diags[2].message


def test_markdown_is_converted_to_plain_blocks() -> None:
    text = (
        "---\ntitle: Talks\ndate: 2020-01-02\n---\n# Talks\n\n"
        "The ministers *met* in\n<span class='x'>Moscow</span>. They agreed.\n\n"
        "## Background\n\n- Item one happened.\n- Item two happened.\n\n"
        "<div>Raw <b>html</b> block.</div>\n\n<script>alert('x')</script>\n\n> A quote.\n"
    )
    art = article(text, "a.md")
    assert "<" not in art.text and "alert" not in art.text
    assert kinds(art) == [
        ("title", "Talks"), ("body", "The ministers met in Moscow. They agreed."),
        ("heading", "Background"), ("body", "Item one happened."),
        ("body", "Item two happened."), ("body", "Raw html block."), ("body", "A quote."),
    ]
    assert [s.text for s in art.sentences][:2] == ["The ministers met in Moscow.", "They agreed."]


def test_ids_paths_and_deterministic_order(tmp_path: Path) -> None:
    files = {"b.txt": "B.\n", "sub/folder name.md": "C.\n", "a.txt": "A.\n", "sub/Ä b.txt": "D.\n"}
    write(tmp_path, files)
    arts, diags = read_corpus(tmp_path)
    assert [a.path for a in arts] == ["a.txt", "b.txt", "sub/folder name.md", "sub/Ä b.txt"]
    assert [a.id for a in arts] == ["a", "b", "sub-folder-name", "sub-a-b"]
    assert read_corpus(tmp_path) == (arts, diags)
    assert list(diags) == sorted(diags, key=lambda d: (d.path, d.line or 0))


def test_duplicate_ids_are_an_error(tmp_path: Path) -> None:
    write(tmp_path, {"a b.txt": "One.\n", "a-b.md": "Two.\n"})
    arts, diags = read_corpus(tmp_path)
    assert [a.path for a in arts] == ["a b.txt"]
    errors = [d for d in diags if d.level == "error"]
    assert len(errors) == 1 and errors[0].path == "a-b.md" and "a b.txt" in errors[0].message


def test_missing_source_folder(tmp_path: Path) -> None:
    arts, diags = read_corpus(tmp_path / "nope")
    assert arts == () and diags[0].level == "error"


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab .?!\n-:—“”'()/©A1\r\t")), max_size=200))
def test_bad_input_never_raises(text: str) -> None:
    for name in ("x.txt", "x.md"):
        art, diags = read("---\n" + text, name)
        art2, _ = read(text, name)
        for a in (art, art2):
            if a is not None:
                assert all(a.text[s.start : s.end] == s.text for s in a.sentences)
                assert all(d.level in ("error", "warning", "info") for d in diags)


# --- the example corpus -----------------------------------------------------------------------

SEED_DATES = {
    "000_e03eaf84c137d225": dt.date(2020, 6, 17),
    "001_ccb38a0cb269b36b": dt.date(2020, 6, 20),
    "002_f47aabea479b38b5": dt.date(2020, 6, 15),
    "003_2bbabcf24cb4ee97": dt.date(2020, 1, 8),
    "004_c12eecff19df1dbb": dt.date(2019, 12, 10),
}


def test_seed_corpus() -> None:
    arts, diags = read_corpus(SEEDS)
    assert {a.id: a.date for a in arts} == SEED_DATES
    assert {a.date_origin for a in arts} == {"catalog"}
    assert not [d for d in diags if d.level != "info"], messages(diags)
    for art in arts:
        assert art.sentences and art.lead is not None
        for sentence in art.sentences:
            assert not any(word in sentence.text for word in FURNITURE_WORDS), sentence.text
    by_id = {a.id: a for a in arts}
    assert by_id["004_c12eecff19df1dbb"].sentences[by_id["004_c12eecff19df1dbb"].lead].text \
        .startswith("Russian President Vladimir Putin and his Turkish counterpart")
    assert kinds(by_id["001_ccb38a0cb269b36b"])[0][0] == "caption"


def test_seed_corpus_without_catalog(tmp_path: Path) -> None:
    for path in SEEDS.glob("*.txt"):
        shutil.copy(path, tmp_path / path.name)
    arts, diags = read_corpus(tmp_path)
    by_id = {a.id: a for a in arts}
    assert len(arts) == 5
    assert (by_id["001_ccb38a0cb269b36b"].date, by_id["001_ccb38a0cb269b36b"].date_origin) == (
        dt.date(2020, 6, 20), "source line")
    for key in ("000", "002", "003", "004"):
        assert next(a for a in arts if a.id.startswith(key)).date is None
    undated = {d.path[:3]: d.message for d in diags if UNDATED in d.message}
    assert sorted(undated) == ["000", "002", "003", "004"]
    assert "copyright" in undated["003"] and "dateline" in undated["004"]
    seed = tmp_path / "004_c12eecff19df1dbb.txt"
    seed.write_text(seed.read_text(encoding="utf-8") + "\n\n©2019 TASS\n", encoding="utf-8")
    arts, _ = read_corpus(tmp_path)
    tass = next(a for a in arts if a.id.startswith("004"))
    assert (tass.date, tass.date_origin, tass.outlet) == (dt.date(2019, 12, 10), "dateline", "TASS")


@pytest.mark.parametrize(("written", "expected"), [
    ("June 17, 2020", "2020-06-17"), ("17 juin 2020", "2020-06-17"),
    ("Wednesday, 17 June 2020", "2020-06-17"), ("17. Juni 2020", "2020-06-17"),
])
def test_front_matter_dates_may_be_written_out(tmp_path: Path, written: str, expected: str) -> None:
    (tmp_path / "a.md").write_text(f"---\ndate: {written}\n---\nTalks began.\n", encoding="utf-8")
    (article,), diags = read_corpus(tmp_path)
    assert article.date == dt.date.fromisoformat(expected)
    assert article.date_origin == "front matter"
    assert not [d for d in diags if d.level != "info"]


@pytest.mark.parametrize("written", ["tomorrow", "03/04/2020", "Feb 30, 2020", "June 2020"])
def test_vague_or_ambiguous_front_matter_dates_are_refused(tmp_path: Path, written: str) -> None:
    (tmp_path / "a.md").write_text(f"---\ndate: {written}\n---\nTalks began.\n", encoding="utf-8")
    (article,), diags = read_corpus(tmp_path)
    assert article.date is None
    assert any("is not a real date (write YYYY-MM-DD)" in d.message for d in diags)


@pytest.mark.parametrize(("paragraph", "furniture"), [
    ("Peter Okafor reported from Lagos. Anna Schmidt contributed reporting from Berlin.", True),
    ("Jean-Pierre Dupont and Ali Hassan contributed reporting from Paris and Cairo.", True),
    ("Follow Tom Becker on Twitter: @tombecker", True),
    ("Maria Lopez is a correspondent for Example News based in Madrid.", True),
    ("Officials reported heavy losses.", False),
    ("The UN reported from Geneva on Monday that talks began.", False),
    ("The army reported from the front line that it had advanced.", False),
    ("Ukraine is a country at war.", False),
])
def test_wire_credit_lines_are_furniture_and_news_is_not(
        tmp_path: Path, paragraph: str, furniture: bool) -> None:
    (tmp_path / "a.txt").write_text(f"Headline\n\nTalks resumed on 3 May 2023.\n\n{paragraph}\n")
    (article,), _ = read_corpus(tmp_path)
    kinds = {article.text[p.start:p.end]: p.kind for p in article.paragraphs}
    assert (kinds[paragraph] == "furniture") is furniture
