"""One id policy (generator/ids.py): readable, file-safe ids for actors, articles and events,
non-Latin names transliterated, Latin ids as they always were, collisions reported."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator import ids
from generator.actors.names import slug as actor_slug
from generator.actors.resolve import RegistryEntry, find_actors, load_registry
from generator.build import build
from generator.model import Article, Paragraph, Sentence
from generator.site import urls

HEX8 = r"[0-9a-f]{8}"


def article(text: str, aid: str = "a1") -> Article:
    """A one-sentence article: a title paragraph, then `text` as its body."""
    title = "Talks"
    body_start = len(title) + 2
    full = f"{title}\n\n{text}"
    return Article(aid, f"{aid}.txt", title, dt.date(2020, 6, 8), "test", None, None, full,
                   (Paragraph(0, 0, len(title), "title"), Paragraph(1, body_start, len(full), "body")),
                   (Sentence(0, body_start, len(full), text, 1),))


# --- non-Latin names ---------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "expected"), [
    ("Сергей Лавров", "sergei-lavrov"),
    ("Владимир Путин", "vladimir-putin"),
    ("Володимир Зеленський", "volodimir-zelenskii"),  # the soft sign is no word break
    ("Юрий Гагарин", "yurii-gagarin"),
    ("Αλέξης Τσίπρας", "alexis-tsipras"),
    ("Κυριάκος Μητσοτάκης", "kyriakos-mitsotakis"),
    ("习近平", "xijinping"),
])
def test_cyrillic_greek_and_chinese_names_get_readable_slugs(name: str, expected: str) -> None:
    assert ids.slug(name) == expected
    assert actor_slug(name) == expected  # actors use the one policy
    assert urls.actor_path(expected) == f"actors/{expected}.html"  # safe as it is


def test_nothing_left_to_read_still_gives_an_id() -> None:
    assert ids.slug("🙂 ★") == "" and actor_slug("🙂 ★") == "actor"
    assert re.fullmatch(rf"article-{HEX8}", ids.article_slug("🙂.txt"))


# --- Latin names keep their ids ----------------------------------------------------------------


@pytest.mark.parametrize(("name", "expected"), [
    # the slugs these names had before transliteration (names.fold, NFKD and its own table)
    ("Mevlüt Çavuşoğlu", "mevlut-cavusoglu"),
    ("Recep Tayyip Erdoğan", "recep-tayyip-erdogan"),
    ("Fayez al-Sarraj", "fayez-al-sarraj"),
    ("Bashar al-Assad", "bashar-al-assad"),
    ("Ursula von der Leyen", "ursula-von-der-leyen"),
    ("Jean-Yves Le Drian", "jean-yves-le-drian"),
    ("Conor O’Brien", "conor-o-brien"),  # a curly apostrophe parts words, like a straight one
    ("Œuvre d'Orient", "oeuvre-d-orient"),
    ("Lech Wałęsa", "lech-walesa"),
    ("Søren Kierkegaard", "soren-kierkegaard"),
    ("Lars Løkke Rasmussen", "lars-lokke-rasmussen"),
    ("Franz Josef Strauß", "franz-josef-strauss"),
    ("Novak Đoković", "novak-dokovic"),
    ("Ægir Æthelred", "aegir-aethelred"),
    ("Ólafur Ragnar Grímsson", "olafur-ragnar-grimsson"),
    ("Wolfgang Schäuble", "wolfgang-schauble"),
    ("François Hollande", "francois-hollande"),
    ("Hawaiʻi", "hawai-i"),  # a modifier letter still parts words
])
def test_latin_names_keep_their_slugs(name: str, expected: str) -> None:
    assert actor_slug(name) == expected


@pytest.mark.parametrize(("rel", "expected"), [
    ("Über die Lage.txt", "uber-die-lage"),
    ("2020/Çavuşoğlu visit.md", "2020-cavusoglu-visit"),
    ("it’s here – now.txt", "its-here-now"),  # symbols in file names vanish, as before
    ("Reuters_2020-06-06.txt", "reuters_2020-06-06"),
    ("000_e03eaf84c137d225.txt", "000_e03eaf84c137d225"),
])
def test_latin_article_paths_keep_their_ids(rel: str, expected: str) -> None:
    assert ids.article_slug(rel) == expected


# --- articles ------------------------------------------------------------------------------------


def test_an_article_named_in_cyrillic_gets_a_readable_id() -> None:
    made = ids.article_slug("Новости/Переговоры в Женеве.txt")
    assert re.fullmatch(rf"novosti-peregovory-v-zheneve-{HEX8}", made)
    assert re.fullmatch(rf"athina-{HEX8}", ids.article_slug("Αθήνα.md"))
    assert ids.article_slug("Новости/Переговоры в Женеве.txt") == made  # stable
    # a letter folding would lose is transliterated, and the hash keeps the id unique
    assert re.fullmatch(rf"soren-{HEX8}", ids.article_slug("Søren.txt"))


def test_names_transliterating_alike_get_distinct_ids() -> None:
    # articles: the hash of the path tells them apart
    assert ids.article_slug("Novosti.txt") == "novosti"
    assert len({ids.article_slug(p) for p in ("Novosti.txt", "Новости.txt", "Новосты.txt")}) == 3
    # actors: two registry entries, one page name; the later one gets a numbered id and a warning
    found = find_actors([], (RegistryEntry("Лавров", "person", line=1),
                             RegistryEntry("Lavrov", "person", line=3)))
    assert sorted(a.id for a in found.actors) == ["lavrov", "lavrov-2"]
    # and the generic rule, with both owners of a clash
    assert ids.numbered([("a", "x"), ("b", "x"), ("c", "y"), ("d", "x")]) == (
        {"a": "x", "b": "x-2", "c": "y", "d": "x-3"}, [("b", "a", "x"), ("d", "a", "x")])


def test_a_registry_clash_names_both_entries(tmp_path: Path) -> None:
    path = tmp_path / "actors.yaml"
    path.write_text("- name: Лавров\n  kind: person\n- name: Lavrov\n  kind: person\n",
                    encoding="utf-8")
    entries, diags = load_registry(path, display="actors.yaml")
    assert len(entries) == 2
    assert [(d.level, d.line) for d in diags] == [("warning", 3)]
    assert "`Lavrov` would write the same page as `Лавров` (line 1)" in diags[0].message


def test_a_discovered_actor_clashing_with_a_declared_one_is_reported() -> None:
    registry = (RegistryEntry("Сергей Лавров", "person", line=1),)
    found = find_actors([article("Russian Foreign Minister Sergei Lavrov spoke in Geneva.")],
                        registry)
    assert {a.name: a.id for a in found.actors} == {"Sergei Lavrov": "sergei-lavrov",
                                                    "Сергей Лавров": "sergei-lavrov-2"}
    clash = [d for d in found.diagnostics if "same actor id" in d.message]
    assert len(clash) == 1 and clash[0].path == "a1.txt"
    message = clash[0].message
    assert "`Сергей Лавров` (person, actors.yaml line 1)" in message
    assert "`Sergei Lavrov` (person, named in a1.txt)" in message
    assert "`sergei-lavrov-2`" in message
    assert "add `Sergei Lavrov` to the aliases of `Сергей Лавров`" in message


# --- file safety ---------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["CON", "con", "Nul", "aux", "prn", "COM1", "lpt9", "conin$"])
def test_windows_reserved_names_never_become_files(name: str) -> None:
    assert ids.is_reserved(name) and ids.is_reserved(f"{name}.html")
    safe = ids.safe_name(name)
    assert safe != name and not ids.is_reserved(safe)
    assert not ids.is_reserved(urls.actor_path(name).split("/")[1])
    made = ids.article_slug(f"{name}.txt")
    assert not ids.is_reserved(made) and made.split("-")[0] == name.lower().rstrip("$")
    # an actor named like a device still gets a page a Windows checkout can hold
    page = urls.actor_path(actor_slug(name)).removeprefix("actors/")
    assert not ids.is_reserved(page) and page.endswith(".html")


def test_safe_names_are_kept_and_unsafe_ones_get_a_readable_prefix() -> None:
    assert ids.safe_name("sergei-lavrov") == "sergei-lavrov"
    assert urls.safe_name is ids.safe_name  # urls only formats paths from ids
    assert re.fullmatch(r"index-[0-9a-f]{10}", ids.safe_name("index"))  # actors/index.html is taken
    assert re.fullmatch(r"sergei-lavrov-[0-9a-f]{10}", ids.safe_name("Сергей Лавров"))
    assert ids.safe_name("Ré") != ids.safe_name("Re") and ids.safe_name("Ré").startswith("re-")


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_every_id_is_file_safe_whatever_the_text(text: str) -> None:
    made = ids.slug(text)
    assert re.fullmatch(r"([a-z0-9]+(-[a-z0-9]+)*)?", made)
    assert ids.slug(made) == made  # a slug is its own slug
    article_id = ids.article_slug(text + ".txt")
    assert article_id and len(article_id) <= ids.MAX_SLUG and not ids.is_reserved(article_id)
    assert re.fullmatch(r"[a-z0-9_-]+", article_id)
    safe = ids.safe_name(text)
    assert re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]*", safe) and not ids.is_reserved(safe)


# --- a whole site --------------------------------------------------------------------------------


def test_a_site_with_a_russian_named_actor_and_article(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    (src / "actors.yaml").write_text(
        "- name: Сергей Лавров\n  kind: person\n  aliases: [Sergei Lavrov]\n", encoding="utf-8")
    text = ("---\ndate: 2020-06-08\n---\nTalks in Geneva\n\nRussian Foreign Minister Sergei Lavrov "
            "met his Turkish counterpart in Geneva on 6 June 2020.\n")
    (src / "Переговоры.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "site"
    result = build(src, out, with_search=False)
    assert not result.failed(), [str(d) for d in result.timeline.diagnostics]
    assert [(a.id, a.name) for a in result.timeline.actors] == [("sergei-lavrov", "Сергей Лавров")]
    assert (out / "actors" / "sergei-lavrov.html").is_file()
    assert "Сергей Лавров" in (out / "actors" / "sergei-lavrov.html").read_text(encoding="utf-8")
    [page] = (out / "articles").glob("peregovory-*.html")
    assert re.fullmatch(rf"peregovory-{HEX8}\.html", page.name)
    assert not [d for d in result.timeline.diagnostics if d.level != "info"]
