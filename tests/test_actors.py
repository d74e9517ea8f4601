"""Actor finding: registry, knowledge, discovery, merging and resolution."""

from __future__ import annotations

import datetime as dt
import random
import re
from pathlib import Path

import pytest
import yaml

from generator.actors.names import fold, name_key, phonetic, same_person, slug
from generator.actors.resolve import ActorResult, RegistryEntry, find_actors, load_registry
from generator.actors.tokens import tokenize
from generator.model import Article, Paragraph, PartialDate, Role, Sentence

SEEDS = Path(__file__).resolve().parent.parent / "tests" / "corpora" / "example"


# --- helpers ----------------------------------------------------------------------------------


def _sentences(text: str, start: int, end: int, paragraph: int, first: int) -> list[Sentence]:
    """Split text[start:end] naively after each `. `."""
    out = []
    pos = start
    while pos < end:
        cut = text.find(". ", pos, end)
        stop = end if cut < 0 else cut + 1
        lead = len(text[pos:stop]) - len(text[pos:stop].lstrip())
        s, e = pos + lead, stop - (len(text[pos:stop]) - len(text[pos:stop].rstrip()))
        if s < e:
            out.append(Sentence(first + len(out), s, e, text[s:e], paragraph))
        pos = stop + 1 if cut >= 0 else end
    return out


def make_article(
    body: str | list[str],
    aid: str = "a1",
    date: dt.date | None = dt.date(2020, 1, 8),
    title: str = "A headline",
    furniture: tuple[str, ...] = (),
) -> Article:
    """An article: a title paragraph, body paragraphs, then furniture paragraphs."""
    bodies = [body] if isinstance(body, str) else body
    parts = [("title", title), *(("body", b) for b in bodies), *(("furniture", f) for f in furniture)]
    text, paragraphs, sentences = "", [], []
    for kind, chunk in parts:
        text += "\n\n" if text else ""
        start = len(text)
        text += chunk
        paragraphs.append(Paragraph(len(paragraphs), start, len(text), kind))
        if kind == "body":
            sentences += _sentences(text, start, len(text), len(paragraphs) - 1, len(sentences))
    return Article(aid, f"{aid}.txt", title, date, "test", None, None, text,
                   tuple(paragraphs), tuple(sentences))


def by_name(result: ActorResult) -> dict[str, object]:
    return {a.name: a for a in result.actors}


def mentioned(result: ActorResult, article_id: str) -> list[tuple[str, str, str]]:
    return [(m.text, m.actor, m.via) for m in result.mentions[article_id]]


def actor_of(result: ActorResult, spelling: str):
    """The one actor whose name or an alias is `spelling`."""
    found = [a for a in result.actors if spelling == a.name or spelling in a.aliases]
    assert len(found) == 1, (spelling, [a.name for a in found])
    return found[0]


# --- names ------------------------------------------------------------------------------------


def test_fold_and_phonetic_keys():
    assert fold("Çavuşoğlu") == "cavusoglu"
    assert phonetic("Sergei") == phonetic("Sergey")
    assert phonetic("Gaddafi") == phonetic("Qaddafi") == phonetic("Kadhafi") == phonetic("Gadhafi")
    assert phonetic("Lavrov") != phonetic("Peskov")
    assert slug("Fayez al-Sarraj") == "fayez-al-sarraj"


def test_name_keys_drop_particles_and_keep_middle_names():
    assert name_key("Fayez al-Sarraj") == name_key("Fayez Sarraj")
    assert name_key("Mevlüt Çavuşoğlu") == name_key("Mevlut Cavusoglu")
    assert same_person(name_key("Abdullah Abdurrahman al-Thani"), name_key("Abdullah al-Thani"))
    assert same_person(name_key("Recep Tayyip Erdogan"), name_key("Tayyip Erdogan"))
    assert not same_person(name_key("Bashar al-Assad"), name_key("Hafez al-Assad"))
    assert name_key("Al Gore") == (phonetic("Al"), phonetic("Gore"))  # a leading particle stays


def test_tokenizer_keeps_acronyms_hyphens_and_compounds():
    words = [(t.text, t.kind) for t in tokenize("the U.S.-backed al-Sarraj and NATO-led Turkey’s")]
    assert ("U.S.", "acr") in words and ("-backed", "suffix") in words
    assert ("al-Sarraj", "word") in words and ("-led", "suffix") in words
    assert ("’s", "poss") in words


# --- registry ---------------------------------------------------------------------------------

REGISTRY = """\
- name: Sergey Lavrov
  kind: person
  aliases: [Sergei Viktorovich Lavrov]
  roles:
    - {title: Russian Foreign Minister, from: 2004-03-09}
  description: Russia's top diplomat.
- name: Widget Works
  kind: company
- just a string
- name: Lavrov Fan Club
  kind: organization
  aliases: [Sergey Lavrov]
- kind: person
- name: Ali Veli
  kind: person
  roles:
    - {title: Turkish Foreign Minister, from: 2015, to: 2018-12}
    - {title: Turkish Prime Minister, from: 2019-01, to: 2019-06}
- name: Bad Dates
  kind: person
  roles:
    - {title: Mayor, from: 2019-13}
"""


def test_registry_loads_entries_and_reports_errors_with_lines(tmp_path):
    path = tmp_path / "actors.yaml"
    path.write_text(REGISTRY, encoding="utf-8")
    entries, diags = load_registry(path)
    assert [e.name for e in entries] == ["Sergey Lavrov", "Ali Veli"]
    lavrov = entries[0]
    assert lavrov.kind == "person" and lavrov.line == 1
    assert lavrov.roles == (Role("Russian Foreign Minister", PartialDate(2004, 3, 9)),)
    assert lavrov.description == "Russia's top diplomat."
    assert entries[1].roles[0] == Role("Turkish Foreign Minister", PartialDate(2015),
                                       PartialDate(2018, 12))
    problems = {d.line: d.message for d in diags}
    assert all(d.level == "error" and d.path == str(path) for d in diags)
    assert "unknown kind" in problems[8]  # the line of `kind:`, not of the entry
    assert "mapping" in problems[9]
    assert "already claimed by `Sergey Lavrov`" in problems[12]  # the `aliases:` line
    assert "needs a `name`" in problems[13]
    assert "Bad Dates" in problems[22] and 22 in problems


def test_registry_diagnostics_name_the_display_path_and_the_field_line(tmp_path):
    path = tmp_path / "src" / "actors.yaml"
    path.parent.mkdir()
    path.write_text("- name: X\n  kind: robot\n"
                    "- name: Y\n  kind: person\n  aliases: 7\n"
                    "- name: Z\n  kind: person\n  colour: red\n"
                    "- name: W\n  kind: person\n  roles: nope\n", encoding="utf-8")
    entries, diags = load_registry(path, display="actors.yaml")
    assert [e.name for e in entries] == ["Z"]
    found = {(d.path, d.line, d.level, d.message.split(":")[0]) for d in diags}
    assert found == {("actors.yaml", 2, "error", "`X`"), ("actors.yaml", 5, "error", "`Y`"),
                     ("actors.yaml", 8, "warning", "`Z`"), ("actors.yaml", 11, "error", "`W`")}
    assert load_registry(path)[1][0].path == str(path)  # no display: the path as given


def test_registry_mapping_form_missing_file_and_bad_yaml(tmp_path):
    path = tmp_path / "actors.yaml"
    path.write_text("actors:\n  - {name: Wagner Group, kind: organisation}\n", encoding="utf-8")
    entries, diags = load_registry(path)
    assert entries[0].kind == "organization" and diags == ()
    assert load_registry(tmp_path / "none.yaml") == ((), ())
    path.write_text("- name: A\n  kind: [person\n", encoding="utf-8")
    entries, diags = load_registry(path)
    # the line where the unclosed `[` opens, not the end of the file where YAML noticed
    assert entries == () and diags[0].level == "error" and diags[0].line == 2
    path.write_text("name: A\n", encoding="utf-8")
    assert load_registry(path)[1][0].line == 1


def test_registry_wins_over_discovery_and_knowledge():
    registry = (
        RegistryEntry("Sergey Lavrov", "person", ("Lavrov the Elder",), description="FM"),
        RegistryEntry("Türkiye", "country", ("Turkey",)),
        RegistryEntry("Quiet Person", "person"),
    )
    arts = [make_article("Russian Foreign Minister Sergei Lavrov said Turkey would help. "
                         "Lavrov spoke in Ankara.")]
    result = find_actors(arts, registry)
    lavrov = actor_of(result, "Sergei Lavrov")
    assert lavrov.name == "Sergey Lavrov" and lavrov.origin == "registry"
    assert "Sergei Lavrov" in lavrov.aliases and lavrov.description == "FM"
    turkey = actor_of(result, "Türkiye")
    assert turkey.kind == "country" and turkey.origin == "registry"
    assert ("Turkey", turkey.id, "alias") in mentioned(result, "a1")
    assert "Quiet Person" in by_name(result)  # declared actors are kept even if unmentioned
    assert ("Lavrov", lavrov.id, "surname") in mentioned(result, "a1")


# --- knowledge, aliases, acronyms ---------------------------------------------------------------


def test_country_aliases_demonyms_and_places():
    art = make_article(
        "The United States and the UK met in Libya on Monday. "
        "America and Britain disagreed with Moscow. "
        "With Turkish military support, the government advanced. "
        "Russian mercenaries arrived. The Kremlin said nothing")
    result = find_actors([art])
    us, uk = actor_of(result, "United States"), actor_of(result, "United Kingdom")
    assert us.kind == uk.kind == "country" and "America" in us.aliases and "UK" in uk.aliases
    found = mentioned(result, "a1")
    assert ("Turkish", "turkey", "adjective") in found
    assert ("Kremlin", "russia", "alias") in found
    assert not any(t == "Russian" for t, _, _ in found)  # mercenaries are not the state
    assert "Moscow" not in by_name(result) and "Monday" not in by_name(result)
    places = [p.name for p in result.places["a1"]]
    assert places == ["Libya", "Moscow"]


def test_organisations_by_acronym_definition_and_head_words():
    arts = [
        make_article("Fighting between the army and the Rapid Support Forces (RSF) went on. "
                     "The RSF said it held the palace. The Sudanese Foreign Ministry protested",
                     aid="a1"),
        make_article("RSF fighters withdrew. The U.N. and the UN Security Council met. "
                     "The United Nations said aid was blocked", aid="a2"),
    ]
    result = find_actors(arts)
    rsf = actor_of(result, "RSF")
    assert rsf.name == "Rapid Support Forces" and rsf.kind == "organization"
    assert ("RSF", rsf.id, "acronym") in mentioned(result, "a2")
    un = actor_of(result, "United Nations")
    assert {"U.N."} <= set(un.aliases) and un.origin == "knowledge"
    assert actor_of(result, "UN Security Council").id != un.id
    assert actor_of(result, "Sudanese Foreign Ministry").kind == "organization"


def test_x_backed_compounds_name_x():
    arts = [make_article("The Libyan National Army (LNA) advanced. Gaddafi fell in a NATO-backed "
                         "uprising. Heavy clashes hit LNA-held Sirte. A Saudi-led coalition "
                         "bombed the port")]
    result = find_actors(arts)
    found = mentioned(result, "a1")
    assert ("NATO", "nato", "name") in found
    assert ("LNA", "libyan-national-army", "acronym") in found
    assert ("Saudi", "saudi-arabia", "adjective") in found


def test_organisation_names_keep_an_internal_possessive():
    art = make_article(
        "Talks between the Dockworkers' Union and the Farmers’ Union failed. "
        "Workers' Party leaders objected. The People's Liberation Army drilled. "
        "Haftar's Libyan National Army advanced. The Smiths' house burned")
    result = find_actors([art])
    for name in ("Dockworkers' Union", "Farmers’ Union", "Workers' Party",
                 "People's Liberation Army", "Libyan National Army"):
        assert actor_of(result, name).kind == "organization"
    assert [m.text for m in result.mentions["a1"]] == [
        "Dockworkers' Union", "Farmers’ Union", "Workers' Party", "People's Liberation Army",
        "Libyan National Army"]  # not `Haftar's Libyan...`, not the Smiths
    same = find_actors([make_article("The Dockworkers’ Union met. The Dockworkers' Union struck")])
    assert len(same.actors) == 1  # straight and curly apostrophes: one organisation


def test_descriptor_cues_make_organisations():
    arts = [
        make_article("Shipping group Maersk diverted ships. The carmaker Volkswagen said sales fell. "
                     "Oil company Shell said profits rose. Rights group Amnesty International "
                     "said so. The militia Rapid Support Forces advanced", aid="a1"),
        make_article("The insurer Allianz paid. Airline Lufthansa cut flights. Chipmaker Nvidia "
                     "grew. The firm Acme Widgets said it would hire. State-owned company "
                     "Petrobras said no. Rebel group Ansar Dine said it attacked", aid="a2"),
        make_article("Nvidia said demand rose. Lufthansa CEO Carsten Spohr said flights resumed",
                     aid="a3"),
    ]
    result = find_actors(arts)
    orgs = {"Maersk", "Volkswagen", "Shell", "Amnesty International", "Rapid Support Forces",
            "Allianz", "Lufthansa", "Nvidia", "Acme Widgets", "Petrobras", "Ansar Dine"}
    kinds = {a.name: a.kind for a in result.actors}
    assert kinds == {**dict.fromkeys(orgs, "organization"), "Carsten Spohr": "person"}
    # a name after a cue is never a person, even with a say verb; cue words are not names
    assert ("Acme Widgets", "acme-widgets", "name") in mentioned(result, "a2")
    assert not any(t in ("Shipping", "Oil", "State", "Rebel") for t, _, _ in mentioned(result, "a1")
                   + mentioned(result, "a2"))
    # learned once, the organisation is found without its cue, and qualifies titles
    assert ("Nvidia", "nvidia", "name") in mentioned(result, "a3")
    assert by_name(result)["Carsten Spohr"].roles[0].title == "Lufthansa Chief Executive"


def test_capitalised_head_words_are_not_cues_at_a_sentence_start():
    result = find_actors([make_article("Party leaders met on Monday. Union members voted")])
    assert result.actors == ()


# --- people -------------------------------------------------------------------------------------


def test_titled_people_roles_and_kinds():
    art = make_article(
        "Turkish President Recep Tayyip Erdogan met his Russian counterpart Vladimir Putin. "
        "Kremlin Spokesman Dmitry Peskov confirmed the talks. "
        "Speaking alongside Iranian Foreign Minister Javad Zarif, the minister said no")
    result = find_actors([art])
    names = by_name(result)
    assert names["Recep Tayyip Erdogan"].kind == "person"
    assert names["Recep Tayyip Erdogan"].roles == (
        Role("Turkish President", PartialDate(2020, 1, 8), PartialDate(2020, 1, 8)),)
    assert names["Vladimir Putin"].roles[0].title == "Russian President"
    assert names["Dmitry Peskov"].roles[0].title == "Kremlin Spokesman"
    assert names["Javad Zarif"].roles[0].title == "Iranian Foreign Minister"
    assert "Turkey" not in names and "Speaking" not in names  # the person, not the adjective


def test_transliterations_merge():
    arts = [
        make_article("Russian Foreign Minister Sergei Lavrov said yes. "
                     "Longtime ruler Muammar Gaddafi was toppled", aid="a1"),
        make_article("Russian Foreign Minister Sergey Lavrov said no. "
                     "The uprising ousted Muammar Qaddafi. Colonel Muammar Kadhafi fled", aid="a2"),
    ]
    result = find_actors(arts)
    lavrov = actor_of(result, "Sergei Lavrov")
    assert lavrov is actor_of(result, "Sergey Lavrov")
    gaddafi = actor_of(result, "Muammar Gaddafi")
    assert {"Muammar Qaddafi", "Muammar Kadhafi"} <= {gaddafi.name, *gaddafi.aliases}
    assert sum(a.kind == "person" for a in result.actors) == 2


def test_particles_and_middle_names_merge():
    arts = [
        make_article("The government headed by Fayez al-Sarraj resisted. "
                     "Abdullah Abdurrahman al-Thani’s cabinet met", aid="a1"),
        make_article("The GNA, led by Fayez Sarraj, held Tripoli. Abdullah al-Thani’s cabinet "
                     "moved. Fayez al-Sarraj, in turn, launched an operation", aid="a2"),
    ]
    result = find_actors(arts)
    sarraj = actor_of(result, "Fayez Sarraj")
    assert sarraj.name == "Fayez al-Sarraj" and sarraj.aliases == ("Fayez Sarraj",)
    thani = actor_of(result, "Abdullah al-Thani")
    assert thani.name == "Abdullah Abdurrahman al-Thani"
    assert sum(1 for m in result.mentions["a2"] if m.actor == sarraj.id) == 2


def test_surnames_resolve_across_articles_unless_ambiguous():
    arts = [
        make_article("Iranian Foreign Minister Javad Zarif said talks would go on. "
                     "Prime Minister Imran Khan said so too", aid="a1"),
        make_article("Zarif met officials in Baghdad. Khan said little", aid="a2"),
        make_article("Activist Ali Khan said the vote was rigged", aid="a3"),
        make_article("Imran Khan said the vote was fair. Khan then left", aid="a4"),
    ]
    result = find_actors(arts)
    zarif = actor_of(result, "Javad Zarif")
    assert ("Zarif", zarif.id, "surname") in mentioned(result, "a2")
    assert not any(t == "Khan" for t, _, _ in mentioned(result, "a2"))  # two Khans
    assert ("Khan", "imran-khan", "surname") in mentioned(result, "a4")  # the one named there
    assert any("could be any of 2 people" in d.message for d in result.diagnostics)


def test_role_phrases_resolve_at_the_article_date():
    arts = [
        make_article("Turkish Foreign Minister Mevlut Cavusoglu said the talks went well",
                     aid="a1", date=dt.date(2019, 3, 1)),
        make_article("The Turkish foreign minister said the talks failed. "
                     "Turkey’s foreign minister then left. The Turkish FM denied it",
                     aid="a2", date=dt.date(2019, 6, 1)),
    ]
    result = find_actors(arts)
    roles = [m for m in result.mentions["a2"] if m.via == "role"]
    assert [m.text for m in roles] == ["The Turkish foreign minister",
                                       "Turkey’s foreign minister", "The Turkish FM"]
    assert {m.actor for m in roles} == {"mevlut-cavusoglu"}


def test_registry_roles_bound_role_resolution():
    registry = (
        RegistryEntry("Ali Veli", "person", roles=(
            Role("Turkish Foreign Minister", PartialDate(2015), PartialDate(2018, 12)),)),
        RegistryEntry("Mehmet Can", "person", roles=(
            Role("Prime Minister of Turkey", PartialDate(2019, 1)),)),
    )
    arts = [
        make_article("The Turkish foreign minister said no", aid="old", date=dt.date(2017, 5, 1)),
        make_article("The Turkish foreign minister said yes", aid="new", date=dt.date(2019, 5, 1)),
        make_article("The Turkish leader said maybe", aid="pm", date=dt.date(2019, 5, 1)),
    ]
    result = find_actors(arts, registry)
    assert mentioned(result, "old") == [("The Turkish foreign minister", "ali-veli", "role")]
    assert mentioned(result, "new") == []  # his role ended before this article
    assert mentioned(result, "pm") == [("The Turkish leader", "mehmet-can", "role")]


def test_discovered_roles_count_near_their_dates_only():
    arts = [
        make_article("Egyptian President Abdel Fattah al-Sisi said Egypt would help",
                     aid="seen", date=dt.date(2020, 6, 1)),
        make_article("The Egyptian leader called for calm", aid="near", date=dt.date(2020, 3, 1)),
        make_article("The Egyptian leader called for calm", aid="far", date=dt.date(2023, 3, 1)),
    ]
    result = find_actors(arts)
    assert mentioned(result, "near") == [("The Egyptian leader", "abdel-fattah-al-sisi", "role")]
    assert mentioned(result, "far") == []


def test_appositions_possessives_and_lead_verbs_mark_people():
    art = make_article(
        "Ukraine’s president, Volodymyr Zelenskiy, said the army held. "
        "Forces led by Oleksandr Syrskyi advanced. Yulia Svyrydenko’s plan was approved. "
        "Analysts at Goldman Sachs said prices rose. The Silicon Valley’s firms grew")
    result = find_actors([art])
    names = by_name(result)
    assert names["Volodymyr Zelenskiy"].roles[0].title == "Ukrainian President"
    assert {"Oleksandr Syrskyi", "Yulia Svyrydenko"} <= set(names)
    assert "Goldman Sachs" not in names and "Silicon Valley" not in names


def test_a_story_with_no_registry_gets_sound_actors():
    arts = [
        make_article(
            "Fighting between the Sudanese army and the paramilitary Rapid Support Forces (RSF) "
            "went on. Army chief General Abdel Fattah al-Burhan and RSF commander Mohamed Hamdan "
            "Dagalo agreed to talks in Jeddah brokered by Saudi Arabia and the United States. "
            "Burhan said the army would not negotiate. The World Health Organization (WHO) "
            "warned of disease. UN envoy Volker Perthes told the Security Council the situation "
            "was dire", aid="s1", date=dt.date(2023, 5, 10)),
        make_article(
            "Dagalo accused the army of shelling civilians. Perthes added that aid could not "
            "reach Darfur. On Friday the RSF said it held the palace in Khartoum",
            aid="s2", date=dt.date(2023, 5, 12)),
    ]
    result = find_actors(arts)
    kinds = {a.name: a.kind for a in result.actors}
    assert kinds == {
        "Abdel Fattah al-Burhan": "person", "Mohamed Hamdan Dagalo": "person",
        "Volker Perthes": "person", "Rapid Support Forces": "organization",
        "World Health Organization": "organization", "UN Security Council": "organization",
        "United Nations": "organization", "Saudi Arabia": "country",
        "United States": "country", "Sudan": "country",
    }
    assert by_name(result)["Volker Perthes"].roles[0].title == "UN Envoy"
    surnames = {m.text for m in result.mentions["s2"] if m.via == "surname"}
    assert surnames == {"Dagalo", "Perthes"}
    assert {p.name for p in result.places["s2"]} == {"Darfur", "Khartoum"}


def test_furniture_and_titles_never_make_actors():
    art = make_article(
        "Officials met on Tuesday. However, Both sides said little. In April nothing changed",
        title="President Jane Roe Resigns",
        furniture=("By John Smith; Editing by Mark Heinrich",
                   "John Smith said: contact jsmith@example.com"))
    result = find_actors([art])
    assert result.actors == ()
    assert result.mentions["a1"] == () and result.places["a1"] == ()


def test_credit_lines_in_the_body_name_no_actors():
    art = make_article(["By Amira Haddad", "Reporting by Jan de Vries; Editing by Alex Richardson",
                        "(Reporting by Ana Ruiz in Northport; Writing by Dr Ann Poe)",
                        "By Reporter Sam Lee", "By Tuesday, Maria Lopez said the port reopened"])
    result = find_actors([art])
    assert [a.name for a in result.actors] == ["Maria Lopez"]


def test_the_port_strike_corpus_gets_its_actors():
    from generator.reading.corpus import read_corpus

    articles, _ = read_corpus(Path(__file__).resolve().parent / "sites" / "port-strike" / "src")
    result = find_actors(articles)
    kinds = {a.name: a.kind for a in result.actors}
    assert kinds == {
        "Elena Varga": "person", "Tomas Brandt": "person", "Hanna Lindqvist": "person",
        "Dockworkers' Union": "organization", "Northport Port Authority": "organization",
        "Maersk": "organization",
    }  # no bylines: Amira Haddad, Jan de Vries, Paul Krasner, Alex Richardson
    assert actor_of(result, "NPA").name == "Northport Port Authority"
    assert [r.title for r in by_name(result)["Elena Varga"].roles] == ["Transport Minister"]


def test_mention_offsets_point_into_the_text_and_output_is_deterministic():
    arts = [
        make_article("Russian President Vladimir Putin met Turkish President Recep Tayyip "
                     "Erdogan. Putin said the UN would help", aid="a1"),
        make_article("Erdogan told the NATO summit that Libya mattered", aid="a2",
                     date=dt.date(2020, 2, 1)),
    ]
    first = find_actors(arts)
    shuffled = list(reversed(arts))
    random.Random(4).shuffle(shuffled)
    assert find_actors(shuffled) == first
    for art in arts:
        for m in first.mentions[art.id]:
            assert art.text[m.start:m.end] == m.text
        spans = [(m.start, m.end) for m in first.mentions[art.id]]
        assert spans == sorted(spans)
    assert [a.id for a in first.actors] == sorted(a.id for a in first.actors)


def test_large_corpus_is_fast():
    import time

    body = ("Russian Foreign Minister Sergei Lavrov met Turkish Foreign Minister Mevlut "
            "Cavusoglu in Moscow. The Government of National Accord (GNA) advanced. "
            "Lavrov said the GNA and the United Nations agreed. The Turkish leader said no")
    arts = [make_article(body, aid=f"a{i}", date=dt.date(2020, 1, 1) + dt.timedelta(days=i))
            for i in range(500)]
    start = time.perf_counter()
    result = find_actors(arts)
    assert time.perf_counter() - start < 20
    assert [a.name for a in result.actors] == [
        "Government of National Accord", "Mevlut Cavusoglu", "Sergei Lavrov", "United Nations"]


# --- the example corpus ------------------------------------------------------------------------

SKIP = ("To contact", "--With", "©", "Source:", "Loading", "ADVERTISEMENT", "All news")
CREDIT = re.compile(r"\s*\(Photo Credit:[^)]*\)")


def load_seeds() -> list[Article]:
    """Minimal reader: one paragraph per line, the first one the title."""
    catalog = yaml.safe_load((SEEDS / "catalog.yaml").read_text(encoding="utf-8"))
    dates = {e["file"]: e["published"] for e in catalog["articles"]}
    out = []
    for path in sorted(SEEDS.glob("*.txt")):
        lines = [CREDIT.sub("", raw).strip() for raw in path.read_text("utf-8").splitlines()]
        lines = [line for line in lines if line and not line.startswith(SKIP)]
        day = dates[path.name]
        day = day if isinstance(day, dt.date) else dt.date.fromisoformat(str(day))
        out.append(make_article(lines[1:], aid=path.stem, date=day, title=lines[0]))
    return out


@pytest.fixture(scope="module")
def seeds_result() -> tuple[list[Article], ActorResult]:
    arts = load_seeds()
    return arts, find_actors(arts)


@pytest.mark.parametrize("kind, spellings", [
    ("person", ["Sergey Lavrov", "Sergei Lavrov"]),
    ("person", ["Mevlut Cavusoglu"]),
    ("person", ["Vladimir Putin"]),
    ("person", ["Recep Tayyip Erdogan"]),
    ("person", ["Khalifa Haftar"]),
    ("person", ["Fayez al-Sarraj", "Fayez Sarraj"]),
    ("person", ["Dmitry Peskov"]),
    ("person", ["Javad Zarif"]),
    ("person", ["Muammar Gaddafi", "Muammar Qaddafi"]),
    ("person", ["Abdullah al-Thani", "Abdullah Abdurrahman al-Thani"]),
    ("country", ["Russia"]),
    ("country", ["Turkey"]),
    ("country", ["Libya"]),
    ("country", ["United States", "U.S."]),
    ("country", ["Egypt"]),
    ("country", ["Iran"]),
    ("country", ["United Arab Emirates"]),
    ("organization", ["Government of National Accord", "GNA"]),
    ("organization", ["Libyan National Army", "LNA"]),
    ("organization", ["United Nations", "UN"]),
    ("organization", ["NATO"]),
])
def test_seed_actors_exist_once_with_their_kind(seeds_result, kind, spellings):
    _, result = seeds_result
    found = {actor_of(result, s).id for s in spellings}
    assert len(found) == 1
    actor = actor_of(result, spellings[0])
    assert actor.kind == kind
    assert sum(fold(a.name) == fold(actor.name) for a in result.actors) == 1


def test_seed_role_phrases_resolve(seeds_result):
    arts, result = seeds_result
    art = next(a for a in arts if a.id.startswith("004"))
    roles = {m.text: m.actor for m in result.mentions[art.id] if m.via == "role"}
    assert roles["The Turkish leader"] == "recep-tayyip-erdogan"
    assert roles["the Russian presidential spokesman"] == "dmitry-peskov"
    art = next(a for a in arts if a.id.startswith("002"))
    roles = {m.text: m.actor for m in result.mentions[art.id] if m.via == "role"}
    assert roles["Turkey’s foreign minister"] == "mevlut-cavusoglu"


@pytest.mark.parametrize("name", [
    "Pavel Golovkin", "Selcan Hacaoglu", "Cagan Koc", "Olga Tanas", "Onur Ant", "Lin Noueihed",
    "Caroline Alexander", "Mark Williams", "Firat Kozok",
])
def test_seed_bylines_are_not_actors(seeds_result, name):
    _, result = seeds_result
    spellings = {fold(s) for a in result.actors for s in (a.name, *a.aliases)}
    assert fold(name) not in spellings
    assert not any(fold(name.split()[-1]) in s for s in spellings)


def test_seed_actors_are_only_sound_ones(seeds_result):
    _, result = seeds_result
    for actor in result.actors:
        assert actor.kind in ("person", "country", "organization")
        assert actor.name.split()[0] not in ("The", "However", "Both", "In", "Monday", "June")
    people = sorted(a.name for a in result.actors if a.kind == "person")
    assert len(people) == 10, people


def test_names_with_several_lowercase_particles_are_one_person():
    art = make_article("Commission President Ursula von der Leyen proposed a cap. "
                       "Von der Leyen said talks would follow. Crown Prince Mohammed bin Salman agreed.")
    names = by_name(find_actors([art]))
    assert "Ursula von der Leyen" in names and "Von der Leyen" not in names
    assert "Mohammed bin Salman" in names
    assert name_key("Von der Leyen") == name_key("Ursula von der Leyen")[-1:]


def test_a_role_without_a_country_means_the_one_holder_the_article_names():
    art = make_article("Turkish Foreign Minister Mevlut Cavusoglu met officials in Ankara. "
                       "The foreign minister said talks would continue.")
    result = find_actors([art])
    minister = actor_of(result, "Mevlut Cavusoglu").id
    assert ("The foreign minister", minister, "role") in mentioned(result, "a1")


def test_a_role_without_a_country_stays_unresolved_when_two_could_be_meant():
    art = make_article("Turkish Foreign Minister Mevlut Cavusoglu met Russian Foreign Minister "
                       "Sergey Lavrov. The foreign minister said talks would continue.")
    assert not [m for m in mentioned(find_actors([art]), "a1") if m[2] == "role"]
