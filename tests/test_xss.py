"""Hostile text in every field never becomes a script, a handler or a script link in the site.

The payloads go through titles, outlets, URLs, body text (.txt and .md, raw HTML
included), file names, front-matter metadata, catalog fields, and the registry's actor
names, aliases, descriptions and role titles; then every file of the built site is read
as what it is (HTML, JSON, XML, calendar) and searched for anything a browser or a feed
reader would run.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest

from generator import cli

SCRIPT = "<script>alert('xss')</script>"
IMG = "<img src=x onerror=alert('xss')>"
TITLE = "</title><script>alert('xss')</script>"
JS_URL = "javascript:alert('xss')"
QUOTE = "\"'><svg onload=alert('xss')>"
ALL = f"{SCRIPT} {IMG} {TITLE} {QUOTE} {JS_URL}"



def q(text: str) -> str:
    """A YAML scalar for any text (a JSON string is a YAML double-quoted scalar)."""
    return json.dumps(text)


FRONT = f"""---
title: {q(f"{TITLE} Talks {IMG}")}
outlet: {q(f"{IMG} {QUOTE}")}
url: {q(JS_URL)}
author: {q(SCRIPT)}
tags: [{q(TITLE)}, {q(QUOTE)}]
date: 2020-06-07
---
{SCRIPT}

President Nadia Farouk met Vladimir Putin in Moscow on 6 June 2020. {IMG} {QUOTE}
<a href="{JS_URL}">click</a> <b onmouseover="alert('xss')">bold</b>

<iframe src="{JS_URL}"></iframe><style>body{{display:none}}</style>
Talks resumed on 8 June 2020 with {ALL}.
"""
PLAIN = f"""{TITLE} {IMG}

Vladimir Putin met Nadia Farouk in Moscow on 9 June 2020. {ALL}

Published: 2020-06-10
"""
CATALOG = f"""articles:
  - file: catalogued.txt
    title: {q(f"{TITLE} {SCRIPT}")}
    outlet: {q(QUOTE)}
    url: {q(JS_URL)}
    published: 2020-06-11
    summary: {q(IMG)}
"""
REGISTRY = f"""- name: Nadia Farouk
  kind: person
  aliases: [{q(f"N. Farouk {IMG}")}]
  description: {q(f"{SCRIPT} {QUOTE} {JS_URL}")}
  roles:
    - {{title: {q(TITLE)}, from: 2019}}
- name: {q(SCRIPT)}
  kind: organization
  aliases: [{q(JS_URL)}, {q(QUOTE)}]
  description: {q(TITLE)}
"""
URL_ATTRS = {"href", "src", "action", "formaction", "srcset", "poster", "data", "xlink:href",
             "background", "cite", "ping"}
BAD_SCHEMES = ("javascript:", "vbscript:", "data:")
JSON_URL_KEYS = {"url", "href", "src", "link", "external_url", "image", "banner_image", "icon",
                 "favicon", "home_page_url", "feed_url", "media"}


def bad_url(value: str) -> bool:
    """Whether a browser would run or load script from this URL."""
    squeezed = re.sub(r"[\x00-\x20]", "", value).lower()
    return squeezed.startswith(BAD_SCHEMES)


class Checker(HTMLParser):
    """Collects every way an HTML document could run script."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self._script: dict[str, str | None] | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}=...> event handler")
            if name in URL_ATTRS and value and bad_url(value):
                self.problems.append(f"<{tag} {name}={value!r}> script URL")
            if tag == "meta" and name == "content" and value and "url=" in value.lower() \
                    and bad_url(value.lower().split("url=", 1)[1]):
                self.problems.append("meta refresh to a script URL")
        if tag == "script":
            self._script, self._text = dict(attrs), []
        if tag in ("iframe", "object", "embed", "frame", "base", "form"):
            self.problems.append(f"<{tag}> element")

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script is not None:
            self._check_script(self._script, "".join(self._text))
            self._script = None

    def _check_script(self, attrs: dict[str, str | None], body: str) -> None:
        src = attrs.get("src") or ""
        if "xss" in src or "alert" in src:
            self.problems.append(f"<script src={src!r}>")
        if "alert(" in body or "xss" in body:
            is_data = (attrs.get("type") or "") in ("application/json", "application/ld+json")
            if not is_data or "<" in body:
                self.problems.append(f"<script> running {body[:60]!r}")


def html_problems(text: str) -> list[str]:
    checker = Checker()
    checker.feed(text)
    checker.close()
    return checker.problems


def json_problems(node, key: str = "") -> list[str]:
    """Script URLs under URL keys, and live HTML under keys that hold HTML, in parsed JSON."""
    if isinstance(node, dict):
        return [p for k, v in node.items() for p in json_problems(v, str(k))]
    if isinstance(node, list):
        return [p for v in node for p in json_problems(v, key)]
    if not isinstance(node, str):
        return []
    problems = [f"{key}: script URL"] if key.lower() in JSON_URL_KEYS and bad_url(node) else []
    # JSON Feed's content_html and TimelineJS's headline/text are shown as HTML by readers.
    if key.endswith("_html") or key in ("headline", "text"):
        problems += [f"{key}: {p}" for p in html_problems(node)]
    return problems


def xml_problems(text: str) -> list[str]:
    """Script elements, script links and live HTML in feed bodies of an XML file."""
    problems = []
    for el in ET.fromstring(text.encode("utf-8")).iter():
        name = el.tag.rsplit("}", 1)[-1].lower()
        if name == "script":
            problems.append("<script> element")
        problems += [f"{name} {k}: script URL" for k, v in el.attrib.items()
                     if k.rsplit("}", 1)[-1] in URL_ATTRS and bad_url(v)]
        body = el.text or ""
        if name in ("link", "id", "loc", "url", "guid", "uri") and bad_url(body):
            problems.append(f"<{name}> script URL")
        # RSS descriptions are HTML; Atom content and summaries only when they say so.
        if name == "description" or (name in ("content", "summary")
                                     and el.get("type") in ("html", "xhtml")):
            problems += [f"<{name}>: {p}" for p in html_problems(body)]
    return problems


def file_problems(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    suffix = path.suffix.lower()
    if suffix in (".html", ".htm"):
        return html_problems(text)
    if suffix == ".json":
        raw = [] if not re.search(r"<\s*/?\s*script", text, re.I) else ["raw <script in JSON"]
        return raw + json_problems(json.loads(text))
    if suffix in (".xml", ".atom", ".rss"):
        return xml_problems(text)
    if suffix == ".ics":
        return [line for line in text.splitlines() if line.startswith("URL") and bad_url(line[4:])]
    return []


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    src = tmp_path_factory.mktemp("xss") / "src"
    src.mkdir()
    (src / "front.md").write_text(FRONT, encoding="utf-8")
    (src / f"{IMG} {QUOTE}.txt").write_text(PLAIN, encoding="utf-8")
    (src / "catalogued.txt").write_text(PLAIN, encoding="utf-8")
    (src / "catalog.yaml").write_text(CATALOG, encoding="utf-8")
    (src / "actors.yaml").write_text(REGISTRY, encoding="utf-8")
    out = src.parent / "site"
    code = cli.main(["build", "--source", str(src), "--output", str(out), "--no-search",
                     "--quiet", "--title", TITLE])
    assert code == 0
    return out


def output_files(site: Path) -> list[Path]:
    """Every file the build wrote from the articles (the copied static assets excepted)."""
    return [p for p in sorted(site.rglob("*"))
            if p.is_file() and p.relative_to(site).parts[0] not in ("static", "pagefind")]


def test_no_output_file_can_run_a_script(hostile_site: Path) -> None:
    found = {p.relative_to(hostile_site).as_posix(): problems
             for p in output_files(hostile_site) if (problems := file_problems(p))}
    assert found == {}


def test_the_payloads_really_went_through_every_field(hostile_site: Path) -> None:
    """The site shows the hostile text, escaped: the check above was not vacuous."""
    pages = "\n".join(p.read_text(encoding="utf-8") for p in hostile_site.rglob("*.html"))
    for escaped in ("&lt;/title&gt;&lt;script&gt;alert(", "&lt;img src=x onerror=alert(",
                    "&lt;svg onload=alert("):
        assert escaped in pages
    data = json.loads((hostile_site / "data" / "events.json").read_text(encoding="utf-8"))
    assert any(SCRIPT in a["name"] for a in data["actors"])
    assert any(IMG in a["file"] for a in data["articles"])
    assert any(TITLE in a["title"] for a in data["articles"])
    farouk = next(a for a in data["actors"] if a["name"] == "Nadia Farouk")
    assert SCRIPT in farouk["description"] and farouk["roles"][0]["title"] == TITLE
    assert all(a["url"] is None for a in data["articles"])  # javascript: URLs were dropped
    assert any(SCRIPT[:10] in e["title"] or IMG[:8] in e["title"] or "Farouk" in e["title"]
               for e in data["events"])


@pytest.mark.parametrize("sample", [
    '<p><script>alert(1)</script></p>', '<a href="javascript:alert(1)">x</a>',
    '<img src=x onerror=alert(1)>', '<a href=" JaVa\tscript:alert(1)">x</a>',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
])
def test_the_checker_catches_each_trick(sample: str) -> None:
    assert html_problems(sample)


def test_the_checker_passes_escaped_text_and_the_sites_own_scripts() -> None:
    assert html_problems('<title>&lt;/title&gt;&lt;script&gt;</title><script src="s.js"></script>'
                         '<a href="../a.html" title="&lt;img onerror=x&gt;">a</a>') == []
    assert json_problems({"url": "javascript:alert(1)"}) and json_problems(
        {"content_html": "<img src=x onerror=alert(1)>"})
    assert xml_problems('<feed><content type="html">&lt;script&gt;alert(1)&lt;/script&gt;'
                        "</content></feed>")
    assert xml_problems("<feed><summary>&lt;script&gt;alert(1)</summary></feed>") == []
