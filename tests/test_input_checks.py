"""The small pieces behind hostile-input handling: slugs, fields, sizes, decoding, escaping."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest

from generator import cli
from generator import ids as slugs
from generator.model import Diagnostic, Mention
from generator.reading import decoding, fields, safety, sourcefiles
from generator.site import urls

# --- slugs ------------------------------------------------------------------------------------


@pytest.mark.parametrize(("rel", "slug"), [
    ("000_e03eaf84c137d225.txt", "000_e03eaf84c137d225"),
    ("sub/folder name.md", "sub-folder-name"),
    ("sub/Ä b.txt", "sub-a-b"),
    ("it's $(echo pwned) & more; ok!.txt", "it-s-echo-pwned-more-ok"),
    ("../..\\evil.txt", "evil"),
])
def test_article_slugs_keep_only_safe_characters(rel: str, slug: str) -> None:
    assert slugs.article_slug(rel) == slug


def test_slugs_that_could_clash_or_are_reserved_get_a_stable_hash() -> None:
    cjk_a, cjk_b = slugs.article_slug("新闻.txt"), slugs.article_slug("报道.txt")
    assert cjk_a != cjk_b and cjk_a.startswith("xinwen-") and cjk_a.isascii()  # transliterated
    assert slugs.article_slug("新闻.txt") == cjk_a  # stable across runs
    for name in ("con.txt", "CON.md", "nul.txt", "com1.txt", "lpt9.md", "aux.txt"):
        slug = slugs.article_slug(name)
        assert not slugs.is_reserved(slug) and slug.startswith(name.split(".")[0].lower() + "-")
    long = slugs.article_slug("x" * 300 + ".txt")
    assert len(long) <= slugs.MAX_SLUG
    assert long != slugs.article_slug("x" * 301 + ".txt")


def test_reserved_names_and_case_clashes() -> None:
    assert slugs.is_reserved("CON") and slugs.is_reserved("con.html") and slugs.is_reserved("Com3")
    assert not slugs.is_reserved("console") and not slugs.is_reserved("icon")
    assert urls.safe_name("con") != "con" and urls.actor_path("aux").startswith("actors/aux-")
    assert slugs.case_clashes([("a/X.html", "one"), ("a/x.html", "two"), ("b.html", "three")]) \
        == [("a/x.html", "one", "two")]


# --- fields -----------------------------------------------------------------------------------

WHERE = fields.Where("a.md", "front-matter", {"titel": fields.Spot(2, 1)},
                     {"date": fields.Spot(3, 7), "title": fields.Spot(2, 8)})


def read(data: dict) -> tuple[fields.Fields, list[str]]:
    found, diags = fields.read_fields(data, WHERE)
    return found, [str(d) for d in diags]


def test_fields_with_the_right_types_are_read_quietly() -> None:
    found, problems = read({"title": " A  title ", "date": "2020-01-08", "outlet": 42,
                            "url": "https://example.com/a", "tags": ["x", "y"], "author": "Jo"})
    assert problems == []
    assert found == fields.Fields("A title", dt.date(2020, 1, 8), "42", "https://example.com/a",
                                  (("author", "Jo"), ("tags", "x, y")))


def test_wrong_types_are_ignored_with_a_message_where_they_are() -> None:
    found, problems = read({"title": [1, 2], "date": "soon", "titel": "T", "summary": {"a": 1}})
    assert found.title is None and found.date is None
    assert problems == [
        "a.md:2:8: warning: front-matter `title` must be text, not a list; ignored",
        "a.md:3:7: warning: front-matter `date` 'soon' is not a real date (write YYYY-MM-DD); "
        "ignored",
        "a.md: warning: front-matter `summary` must be text or a list of text; ignored",
        "a.md:2:1: warning: unknown front-matter key `titel` kept as metadata; did you mean "
        "`title`?",
    ]
    assert found.extra == (("titel", "T"),)
    assert read({"date": "2020-02-30"})[0].date is None
    assert "not a list" in read({"date": [1]})[1][0]


def test_urls_must_be_web_addresses() -> None:
    for bad in ("javascript:alert(1)", "JAVASCRIPT:x", "data:text/html,x", "ftp://x", "/a"):
        assert read({"url": bad})[0].url is None
    assert "did you mean 'https://example.com/a'?" in read({"url": "example.com/a"})[1][0]
    assert read({"url": "HTTP://EXAMPLE.COM"})[0].url == "HTTP://EXAMPLE.COM"


# --- sizes, decoding, escaping ----------------------------------------------------------------


@pytest.mark.parametrize(("text", "size"), [
    ("2048", 2048), ("2K", 2048), ("2k", 2048), ("1.5M", 1572864), ("2MB", 2097152),
    ("1GiB", 1073741824), (" 10 ", 10),
])
def test_sizes(text: str, size: int) -> None:
    assert sourcefiles.parse_size(text) == size


def test_a_bad_size_is_a_usage_error(capsys) -> None:
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["build", "--max-size", "big"])
    assert exit_info.value.code == 2
    assert "not a size: 'big'" in capsys.readouterr().err


def test_ignored_names() -> None:
    for name in (".x.txt", "a.txt~", "#a.txt#", "a.swp", "A.BAK", "~$doc.txt", "Thumbs.db",
                 "page.crdownload"):
        assert sourcefiles.is_ignored(name), name
    for name in ("a.txt", "#hashtag.txt", "notes.md", "backup plan.txt"):
        assert not sourcefiles.is_ignored(name), name


def test_decoding_says_which_encoding_it_used() -> None:
    text, diags = decoding.prepare("Caf\u00e9\r\nline\x0c two\x07".encode("utf-16"), "a.txt")
    assert text == "Café\nline two" and "UTF-16" in diags[0].message
    text, diags = decoding.prepare(b"ok\nna\xefve", "a.txt")
    assert text == "ok\nna\u00efve" and (diags[0].line, diags[0].col) == (2, 3)
    assert decoding.prepare(b"\x00\x01\x02binary", "a.bin") == (
        None, [Diagnostic("warning", "a.bin", decoding.BINARY)])
    assert decoding.prepare(b"\xef\xbb\xbf \n", "a.txt")[1][0].message == decoding.EMPTY


def test_markdown_html_is_sanitised() -> None:
    dirty = ('<p>a <scr<script>ipt>alert(1)</script><img src=x onerror=alert(1)>'
             '<a href="javascript:x" onclick="y">l</a><!-- c --><style>p{}</style></p>')
    clean = safety.clean_html(dirty)
    assert "<script" not in clean and "onerror" not in clean and "onclick" not in clean
    assert "javascript" not in clean and "<!--" not in clean and "p{}" not in clean
    assert "<a>l</a>" in clean


def test_json_cannot_close_a_script_block() -> None:
    text = safety.json_text({"t": "</script><b>&\u2028"})
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == {"t": "</script><b>&\u2028"}



def test_markup_json_keeps_its_tags_but_cannot_close_a_script_block() -> None:
    data = {"events": [{"t": "<p><a href=\"x\">&lt;script&gt;</a></P><!-- </SCRIPT \u2029"}]}
    text = b"".join(safety.json_records_pieces(data, markup=True)).decode("utf-8")
    assert json.loads(text) == data
    assert "<p><a href" in text  # a fifth smaller than with every < escaped
    assert not re.search(r"<\s*/|<!|\u2029", text)  # no way out of a <script> block

def test_record_files_hold_one_safe_record_per_line() -> None:
    data = {"events": [{"t": "</script><b>&\u2028"}, {"t": "two", "n": [1, None]}],
            "title": {"text": "x"}, "none": []}
    raw = safety.json_records_bytes(data)
    text = raw.decode("utf-8")
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == data and raw.endswith(b"\n")
    lines = text.splitlines()
    assert '    {"t":"two","n":[1,null]}' in lines  # a record per line, compact
    assert safety.json_records_bytes({}) == b"{}\n"
    made = {key: iter(value) if isinstance(value, list) else value for key, value in data.items()}
    assert safety.json_records_bytes(made) == raw  # records made one at a time: same file


def test_messages_are_always_one_line() -> None:
    d = Diagnostic("warning", "a\nb.txt", "bad `x\ny`", 1, 2)
    assert str(d) == "a\\nb.txt:1:2: warning: bad `x\\ny`"


def test_an_empty_articles_folder_is_a_warning(tmp_path) -> None:
    from generator.reading.corpus import read_corpus
    from generator.reading.readers import NO_ARTICLES

    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    assert Diagnostic("warning", str(tmp_path), NO_ARTICLES) in read_corpus(tmp_path)[1]


def test_pages_that_differ_only_in_case_are_an_error_naming_both() -> None:
    from generator import build
    from generator.model import Actor, Article

    def article(ident: str, path: str) -> Article:
        return Article(ident, path, "T", None, "undated", None, None, "x", (), ())

    articles = [article("a", "a.txt"), article("b", "b.txt")]
    actors = [Actor("Lavrov", "Lavrov", "person", origin="registry"),
              Actor("lavrov", "lavrov", "person")]
    mentions = {"b": [Mention("lavrov", 0, 1, "x")]}
    assert [str(d) for d in build.page_clashes(articles, actors, mentions)] == [
        "b.txt: error: would write the same page as actors.yaml (actors/lavrov.html) on a file "
        "system that ignores case; rename one"]
