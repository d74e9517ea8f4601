"""Benchmark: our whole site build against Pelican's, on the same generated news corpus.

Usage:
    .venv/bin/python bench/site_bench.py [--sizes 100,1000] [--with-10k] [--seed 20240101]
                                         [--words 450] [--jobs N] [--json FILE] [--keep DIR]
                                         [--no-pelican]

For each size N it writes a deterministic corpus of N news-like Markdown articles (a story
over about three years: titled people, organisations, countries and dated sentences, from
word pools and a seeded random generator, nothing downloaded) twice: once with our front
matter (`title:`, `date:`, `outlet:`) and once with Pelican's metadata header (`Title:`,
`Date:`), the same body text in both. Then it times, each as a child process:

- ours: `.venv/bin/timeline build --source SRC --output OUT --quiet` (search included, as
  the default build runs Pagefind), cold into a new folder; then a rebuild with nothing
  changed into the same folder; then a rebuild after one sentence was appended to one
  article. The tool runs only as a subprocess, so this file imports nothing from
  `generator/`. Flags the tool may gain (`--no-cache`, `--jobs`) are passed only when
  `timeline build --help` lists them.
- Pelican 4.12.0 (`pelican content -s pelicanconf.py -o out`, a minimal config with
  `LOAD_CONTENT_CACHE = False`), in its own venv `bench/.venv-pelican`, which is created
  (and Pelican installed from the package index) on first use; the same three builds.

Each build is measured with os.wait4 on the child: wall seconds, CPU seconds (user + sys
of the child and of the processes it waited for, such as the Pagefind indexer), peak
resident memory (ru_maxrss, the largest of those processes), then the output's bytes and
file count. One table per N: ours, pelican, ours/pelican, and the rebuild rows with their
share of the full build. --json FILE writes every figure.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import random
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TIMELINE = ROOT / ".venv" / "bin" / "timeline"
PELICAN_VENV = ROOT / "bench" / ".venv-pelican"
PELICAN_VERSION = "4.12.0"
DEFAULT_SEED = 20240101
STORY_START = dt.date(2021, 1, 4)
STORY_DAYS = 3 * 365  # the story runs for about three years

# ---------------------------------------------------------------------------------------
# The corpus: word pools.
# ---------------------------------------------------------------------------------------

FIRST = ("Anna Tomas Idris Lena Yusuf Paul Maria Karim Sofia Pavel Amina Jonas Elena Omar "
         "Hana Lukas Nadia Samir Ingrid Victor Leila Mateo Irina Kofi Clara Farid Greta Rafael "
         "Zeynep Henrik").split()
LAST = ("Berg Novak Karam Ortiz Demir Whitfield Rossi Haddad Lindqvist Petrov Diallo Weber "
        "Moreau Mansour Kovac Brandt Aziz Salem Holm Duarte Nasser Ferreira Volkova Mensah "
        "Laurent Rahimi Nilsen Castillo Aydin Sorensen").split()
TITLES = ["Foreign Minister", "President", "Prime Minister", "Defence Minister", "General",
          "Finance Minister", "Interior Minister", "Ambassador", "Senator", "Energy Minister",
          "Trade Minister", "Envoy", "Governor", "Deputy Prime Minister"]
MINOR_ROLES = ["spokesman", "spokeswoman", "analyst", "economist", "negotiator", "aid worker",
               "opposition leader", "mayor", "union leader", "researcher"]
COUNTRIES = ["France", "Egypt", "Turkey", "Russia", "Brazil", "Japan", "Kenya", "Germany",
             "Libya", "Italy", "Algeria", "Tunisia", "Qatar", "Greece", "Sudan", "Chad",
             "Niger", "Morocco", "Spain", "India", "Nigeria", "Ethiopia", "Jordan", "Norway"]
CITIES = ["Paris", "Cairo", "Ankara", "Moscow", "Brasilia", "Tokyo", "Nairobi", "Berlin",
          "Tripoli", "Rome", "Algiers", "Tunis", "Doha", "Athens", "Geneva", "Brussels",
          "Vienna", "Madrid", "New Delhi", "Abuja", "Addis Ababa", "Amman", "Oslo", "Istanbul"]
ORGS = ["the United Nations", "NATO", "the European Union", "the African Union",
        "the International Monetary Fund", "the World Bank", "the Red Cross",
        "the Arab League", "the World Food Programme", "the National Oil Corporation",
        "the Ministry of Defence", "the Central Bank", "the Electoral Commission",
        "the International Atomic Energy Agency", "Amnesty International",
        "the National Liberation Front (NLF)", "the Chamber of Commerce", "OPEC"]
OUTLETS = ["Wire", "Harbour Gazette", "Daily Ledger", "Evening Courier", "The Observer Post",
           "Global Desk", "Capital Times", "Northern Chronicle"]
TOPICS = ["the ceasefire talks", "the gas pipeline", "a grain export deal", "the border dispute",
          "new sanctions", "the peace plan", "the arms embargo", "the refugee agreement",
          "the election timetable", "the debt restructuring", "port security",
          "oil production quotas", "the water-sharing treaty", "a prisoner exchange",
          "the fisheries accord", "the customs union", "electricity exports",
          "the reconstruction fund", "a new trade corridor", "the nuclear inspections"]
TOPIC_WORDS = ["Ceasefire", "Pipeline", "Grain", "Border", "Sanctions", "Peace Plan",
               "Embargo", "Refugee", "Election", "Debt", "Port", "Oil", "Water", "Prisoner",
               "Fisheries", "Customs", "Electricity", "Reconstruction", "Trade", "Nuclear"]
SAID = ["said", "told reporters", "announced", "confirmed", "insisted", "warned",
        "acknowledged", "stressed", "argued", "suggested"]
MET_VERBS = ["met", "held talks with", "spoke by telephone with", "hosted", "received",
             "had dinner with", "travelled to see"]
OUTCOMES = ["would resume", "had stalled", "were close to a breakthrough",
            "needed more time", "would collapse without outside help", "could be signed soon",
            "had entered a decisive phase", "would be put to a vote", "faced new obstacles"]
AGREED = ["agreed", "pledged", "promised", "decided", "refused", "voted"]
ACTIONS = ["to extend", "to review", "to suspend", "to finance", "to monitor", "to renegotiate",
           "to ratify", "to expand", "to delay"]
CROWDS = ["people fled the fighting", "families were displaced", "protesters gathered",
          "workers went on strike", "migrants arrived by boat", "soldiers were deployed"]
BACKGROUND = [
    "{country} has long opposed {topic}, citing concerns over sovereignty.",
    "Analysts in {city} said {topic} remained fragile and depended on outside pressure.",
    "Prices of bread and fuel have risen sharply, and inflation stands at {pct} percent.",
    "The economy of {country} shrank by {pct} percent, according to {org}.",
    "Critics say {topic} favours the largest producers and ignores smaller neighbours.",
    "Diplomats describe the relationship between {country} and {country2} as tense but "
    "workable.",
    "About {num} people live in the border region, many of them farmers and fishermen.",
    "The government in {city} depends on revenue from oil and gas for {pct} percent of its "
    "budget.",
    "Observers from {org} have monitored {topic} since the first round of negotiations.",
    "The opposition has called {topic} a betrayal, and several lawmakers resigned in protest.",
]
QUOTES = ["we will not accept a deal imposed from outside", "the door to dialogue remains open",
          "time is running out for a political solution", "our patience has limits",
          "the humanitarian situation is getting worse every day",
          "we expect our partners to keep their promises", "this is a step in the right direction",
          "nobody wins from a return to war"]
REPORTED = ["the government would not accept a deal imposed from outside",
            "the door to dialogue remained open", "time was running out for a political solution",
            "the humanitarian situation was getting worse", "the partners had kept their promises",
            "the vote was a step in the right direction", "nobody would win from a return to war",
            "a new round of talks was being prepared"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]


# ---------------------------------------------------------------------------------------
# The corpus: articles.
# ---------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Article:
    """One generated article: its metadata and its Markdown body (paragraphs)."""

    stem: str
    title: str
    date: dt.date
    outlet: str
    body: str


def make_cast(rng: random.Random, size: int = 28) -> list[tuple[str, str]]:
    """The story's recurring people, as (title, full name), all names different."""
    firsts, lasts = rng.sample(FIRST, size), rng.sample(LAST, size)
    return [(rng.choice(TITLES), f"{f} {s}") for f, s in zip(firsts, lasts, strict=True)]


class _Writer:
    """Builds one article's sentences; knows the article's date for dated phrases."""

    def __init__(self, rng: random.Random, cast: list[tuple[str, str]], day: dt.date) -> None:
        self.rng, self.day = rng, day
        self.people = rng.sample(cast, rng.randint(3, 5))  # who this article is about
        self.named: set[str] = set()
        self.countries = rng.sample(COUNTRIES, 3)
        self.orgs = rng.sample(ORGS, 2)
        self.topic = rng.choice(TOPICS)

    def person(self) -> str:
        """A person, with title the first time, surname afterwards."""
        return self._name(self.rng.choice(self.people))

    def two(self) -> tuple[str, str]:
        """Two different people of the article."""
        first, second = self.rng.sample(self.people, 2)
        return self._name(first), self._name(second)

    def _name(self, person: tuple[str, str]) -> str:
        title, name = person
        if name in self.named:
            return name.split()[-1]
        self.named.add(name)
        return f"{title} {name}"

    def minor(self) -> str:
        return f"{self.rng.choice(MINOR_ROLES)} {self.rng.choice(FIRST)} {self.rng.choice(LAST)}"

    def num(self) -> str:
        base = self.rng.choice([120, 350, 800, 1200, 2500, 4000, 15000, 60000])
        return f"{base * self.rng.randint(1, 9):,}"

    def pct(self) -> str:
        return f"{self.rng.randint(1, 40)}.{self.rng.randint(0, 9)}"

    def past(self) -> str:
        """A phrase for a day or month before the article's date."""
        rng, day = self.rng, self.day
        kind = rng.randrange(8)
        if kind == 0:
            return f"on {WEEKDAYS[(day - dt.timedelta(days=rng.randint(1, 6))).weekday()]}"
        if kind == 1:
            d = day - dt.timedelta(days=rng.randint(2, 40))
            return f"on {d.day} {MONTHS[d.month - 1]}" + (f" {d.year}" if d.year != day.year else "")
        if kind == 2:
            d = day - dt.timedelta(days=rng.randint(40, 700))
            return f"in {MONTHS[d.month - 1]} {d.year}"
        if kind == 3:
            d = day - dt.timedelta(days=rng.randint(2, 300))
            return f"on {MONTHS[d.month - 1]} {d.day}, {d.year}"
        return rng.choice(["last week", "yesterday", "on Monday", "on Friday", "last month",
                           "earlier this year" if day.month > 2 else "late last year"])

    def future(self) -> str:
        """A phrase for a day or month after the article's date."""
        rng, day = self.rng, self.day
        kind = rng.randrange(5)
        if kind == 0:
            d = day + dt.timedelta(days=rng.randint(3, 45))
            return f"on {d.day} {MONTHS[d.month - 1]}" + (f" {d.year}" if d.year != day.year else "")
        if kind == 1:
            d = day + dt.timedelta(days=rng.randint(40, 200))
            return f"in {MONTHS[d.month - 1]} {d.year}"
        return rng.choice(["next week", "next month", "in the coming days", "later this month",
                           "on Thursday", "by the end of the year"])

    def sentence(self) -> str:
        rng = self.rng
        c1, c2, c3 = self.countries
        topic = self.topic if rng.random() < 0.6 else rng.choice(TOPICS)
        kind = rng.randrange(11)
        if kind == 0:
            one, other = self.two()
            return (f"{one} {rng.choice(MET_VERBS)} {other} in {rng.choice(CITIES)} "
                    f"{self.past()} to discuss {topic}.")
        if kind == 1:
            return (f"{self.orgs[0][0].upper()}{self.orgs[0][1:]} {rng.choice(SAID)} {self.past()} "
                    f"that {topic} {rng.choice(OUTCOMES)}.")
        if kind == 2:
            return (f"{c1} and {c2} {rng.choice(AGREED)} {self.past()} {rng.choice(ACTIONS)} {topic}, "
                    f"{self.minor()} said.")
        if kind == 3:
            return f"Talks on {topic} are set to resume {self.future()} in {rng.choice(CITIES)}."
        if kind == 4:
            return f"{self.person()} {rng.choice(SAID)} {self.past()} that {rng.choice(REPORTED)}."
        if kind == 5:
            one, other = self.two()
            return (f"The agreement, worth {rng.randint(1, 40)} billion dollars, was signed "
                    f"{self.past()} by {one} and {other}.")
        if kind == 6:
            return (f"More than {self.num()} {rng.choice(CROWDS)} in {rng.choice(CITIES)} "
                    f"{self.past()}, according to {rng.choice(self.orgs)}.")
        if kind == 7:
            return (f"{self.person()} is expected to visit {rng.choice((c1, c2, c3))} "
                    f"{self.future()}.")
        if kind == 8:
            return (f"“{rng.choice(QUOTES).capitalize()},” {self.person()} {rng.choice(SAID)} "
                    f"at a news conference {self.past()}.")
        return rng.choice(BACKGROUND).format(
            country=c1, country2=c2, city=rng.choice(CITIES), topic=topic, org=rng.choice(ORGS),
            pct=self.pct(), num=self.num())

    def title(self) -> str:
        rng = self.rng
        _, name = self.people[0]
        _, other = self.people[1]
        word = TOPIC_WORDS[TOPICS.index(self.topic)]
        return rng.choice([
            f"{name.split()[-1]} and {other.split()[-1]} discuss {word.lower()} in {rng.choice(CITIES)}",
            f"{self.countries[0]} rejects {word.lower()} proposal",
            f"{self.orgs[0].removeprefix('the ')} warns over {word.lower()} talks",
            f"{word} talks resume as {self.countries[1]} hardens stance",
            f"{name.split()[-1]} visits {self.countries[2]} amid {word.lower()} row",
        ])


def make_corpus(n: int, seed: int = DEFAULT_SEED, words: int = 450) -> list[Article]:
    """`n` articles of about `words` words each, dated over three years; deterministic."""
    rng = random.Random(seed)
    cast = make_cast(rng)
    days = sorted(STORY_START + dt.timedelta(days=rng.randrange(STORY_DAYS)) for _ in range(n))
    out = []
    for i, day in enumerate(days):
        w = _Writer(rng, cast, day)
        paragraphs, count = [], 0
        # The lead names the main actors with a dated sentence, as news leads do.
        one, other = w.two()
        lead = (f"{one} {rng.choice(MET_VERBS)} {other} in {rng.choice(CITIES)} "
                f"{w.past()}, as {w.orgs[0]} {rng.choice(SAID)} that {w.topic} "
                f"{rng.choice(OUTCOMES)}.")
        paragraphs.append(lead)
        count += len(lead.split())
        while count < words:
            para = " ".join(w.sentence() for _ in range(rng.randint(2, 4)))
            paragraphs.append(para)
            count += len(para.split())
        out.append(Article(stem=f"{day.isoformat()}-{i:05d}", title=w.title(), date=day,
                           outlet=rng.choice(OUTLETS), body="\n\n".join(paragraphs)))
    return out


def write_ours(folder: Path, articles: list[Article]) -> None:
    """The corpus as Markdown files with our YAML front matter."""
    folder.mkdir(parents=True, exist_ok=True)
    for a in articles:
        text = (f"---\ntitle: {a.title}\ndate: {a.date.isoformat()}\noutlet: {a.outlet}\n---\n\n"
                f"{a.body}\n")
        (folder / f"{a.stem}.md").write_text(text, encoding="utf-8")


def write_pelican(folder: Path, articles: list[Article]) -> None:
    """The same corpus as Pelican Markdown: a `Key: value` metadata header, the same body."""
    folder.mkdir(parents=True, exist_ok=True)
    for a in articles:
        text = (f"Title: {a.title}\nDate: {a.date.isoformat()}\nSlug: {a.stem}\n"
                f"Outlet: {a.outlet}\n\n{a.body}\n")
        (folder / f"{a.stem}.md").write_text(text, encoding="utf-8")


CHANGE = "Officials said on Tuesday that the talks would resume next week in Geneva."


def change_one(folder: Path, articles: list[Article]) -> Path:
    """Appends one dated sentence to the middle article of `folder`; returns its path."""
    path = folder / f"{articles[len(articles) // 2].stem}.md"
    with path.open("a", encoding="utf-8") as fh:
        fh.write(f"\n{CHANGE}\n")
    return path


# ---------------------------------------------------------------------------------------
# Measuring one child process.
# ---------------------------------------------------------------------------------------

@dataclass
class Measure:
    """One build: what the child used and what it wrote."""

    wall_s: float
    cpu_s: float
    user_s: float
    sys_s: float
    peak_mib: float
    out_bytes: int = 0
    out_files: int = 0
    extra: dict[str, object] = field(default_factory=dict)


class BuildFailed(RuntimeError):
    """A measured build exited with an error."""


def run_child(cmd: list[str], cwd: Path, log: Path, env: dict[str, str] | None = None) -> Measure:
    """Runs `cmd` and measures it with os.wait4: wall, user+sys CPU and peak RSS.

    The rusage that wait4 returns covers the child and every descendant it waited for
    (Pagefind, started by our build, counts); ru_maxrss is the largest of them, in KiB.
    """
    with log.open("wb") as fh:
        began = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, stdout=fh, stderr=subprocess.STDOUT,
                                stdin=subprocess.DEVNULL, env=env)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - began
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        tail = log.read_text(encoding="utf-8", errors="replace").splitlines()[-20:]
        raise BuildFailed(f"{' '.join(cmd)} exited with {proc.returncode}:\n  " + "\n  ".join(tail))
    return Measure(wall_s=wall, cpu_s=usage.ru_utime + usage.ru_stime, user_s=usage.ru_utime,
                   sys_s=usage.ru_stime, peak_mib=usage.ru_maxrss / 1024)


def tree_size(folder: Path) -> tuple[int, int]:
    """Bytes and number of regular files under `folder`."""
    total = files = 0
    for dirpath, _, names in os.walk(folder):
        for name in names:
            st = os.lstat(os.path.join(dirpath, name))
            total += st.st_size
            files += 1
    return total, files


def _count(folder: Path, suffix: str) -> int:
    """The files named `*<suffix>` directly in `folder`."""
    return sum(1 for p in folder.iterdir() if p.name.endswith(suffix)) if folder.is_dir() else 0


def measured(cmd: list[str], cwd: Path, out: Path, log: Path, env: dict[str, str] | None = None) -> Measure:
    """run_child, then the output folder's size."""
    m = run_child(cmd, cwd, log, env)
    m.out_bytes, m.out_files = tree_size(out)
    return m


# ---------------------------------------------------------------------------------------
# The two builders.
# ---------------------------------------------------------------------------------------

def our_flags() -> dict[str, bool]:
    """Which optional flags `timeline build --help` lists."""
    done = subprocess.run([str(TIMELINE), "build", "--help"], capture_output=True, text=True,
                          check=False)
    if done.returncode != 0:
        raise BuildFailed(f"timeline build --help exited with {done.returncode}:\n{done.stderr[-2000:]}")
    return {flag: re.search(rf"(?<![\w-]){re.escape(flag)}(?![\w-])", done.stdout) is not None
            for flag in ("--no-cache", "--jobs", "--no-search")}


def ensure_pelican(venv: Path = PELICAN_VENV, version: str = PELICAN_VERSION) -> Path:
    """The `pelican` command of `venv`; creates the venv and installs Pelican if needed."""
    python, pelican = venv / "bin" / "python", venv / "bin" / "pelican"
    probe = [str(python), "-c", "import markdown, pelican; print(pelican.__version__)"]
    if python.exists() and pelican.exists():
        done = subprocess.run(probe, capture_output=True, text=True, check=False)
        if done.returncode == 0 and done.stdout.strip() == version:
            return pelican
    print(f"setting up {venv} (pelican=={version}, markdown) ...", flush=True)
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    subprocess.run([str(python), "-m", "pip", "install", "--quiet", f"pelican=={version}", "markdown"],
                   check=True)
    subprocess.run(probe, check=True, capture_output=True)
    return pelican


PELICANCONF = """\
# Minimal Pelican settings for bench/site_bench.py.
AUTHOR = "Bench"
SITENAME = "Bench timeline"
SITEURL = ""
PATH = "content"
OUTPUT_PATH = "out"
TIMEZONE = "UTC"
DEFAULT_LANG = "en"
RELATIVE_URLS = True
LOAD_CONTENT_CACHE = False
"""


def pelican_env() -> dict[str, str]:
    """The environment for Pelican: ours, without our venv on the path."""
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH")}
    env["PATH"] = os.pathsep.join(p for p in env.get("PATH", "").split(os.pathsep)
                                  if not p.startswith(str(ROOT / ".venv")))
    return env


@dataclass
class Result:
    """Every figure for one corpus size."""

    n: int
    corpus: dict[str, int]
    ours: dict[str, Measure] = field(default_factory=dict)
    pelican: dict[str, Measure] = field(default_factory=dict)


def bench_size(n: int, tmp: Path, seed: int, words: int, flags: dict[str, bool],
               pelican: Path | None, jobs: int | None) -> Result:
    """Writes the corpus of `n` articles and times both builders on it."""
    articles = make_corpus(n, seed, words)
    base = tmp / f"n{n}"
    ours_dir, pel_dir, logs = base / "ours", base / "pelican", base / "logs"
    logs.mkdir(parents=True)
    src, out = ours_dir / "articles", ours_dir / "site"
    write_ours(src, articles)
    write_pelican(pel_dir / "content", articles)
    (pel_dir / "pelicanconf.py").write_text(PELICANCONF, encoding="utf-8")
    src_bytes, _ = tree_size(src)
    result = Result(n, {"articles": n, "words": sum(len(a.body.split()) for a in articles),
                        "markdown_bytes": src_bytes})

    cmd = [str(TIMELINE), "build", "--source", str(src), "--output", str(out), "--quiet"]
    if jobs is not None and flags["--jobs"]:
        cmd += ["--jobs", str(jobs)]
    cold = cmd + (["--no-cache"] if flags["--no-cache"] else [])
    print(f"  ours: full build of {n} ...", flush=True)
    # cwd is the corpus' own folder, so the checkout's site.yaml is not read.
    result.ours["full"] = measured(cold, ours_dir, out, logs / "ours-full.log")
    result.ours["full"].extra.update(
        search_index=(out / "pagefind").is_dir(),
        timeline_pages=_count(out / "timeline", ".html"),
        actor_pages=_count(out / "actors", ".html"))
    if flags["--no-cache"]:  # the cold build may not have left a cache: one build to prime it
        run_child(cmd, ours_dir, logs / "ours-prime.log")
    result.ours["no_change"] = measured(cmd, ours_dir, out, logs / "ours-nochange.log")
    change_one(src, articles)
    result.ours["one_change"] = measured(cmd, ours_dir, out, logs / "ours-onechange.log")

    if pelican is not None:
        pcmd = [str(pelican), "content", "-s", "pelicanconf.py", "-o", "out"]
        pout, env = pel_dir / "out", pelican_env()
        print(f"  pelican: full build of {n} ...", flush=True)
        result.pelican["full"] = measured(pcmd, pel_dir, pout, logs / "pelican-full.log", env)
        result.pelican["no_change"] = measured(pcmd, pel_dir, pout, logs / "pelican-nochange.log", env)
        change_one(pel_dir / "content", articles)
        result.pelican["one_change"] = measured(pcmd, pel_dir, pout, logs / "pelican-onechange.log", env)
    return result


# ---------------------------------------------------------------------------------------
# Report.
# ---------------------------------------------------------------------------------------

HEAD = (f"{'':28} {'wall s':>8} {'CPU s':>8} {'peak MiB':>9} {'out MiB':>8} {'files':>7} "
        f"{'art/s':>7} {'% of full (wall/CPU)':>21}")


def _row(label: str, m: Measure, n: int, full: Measure | None = None) -> str:
    share = (f"{100 * m.wall_s / full.wall_s:.0f}% / {100 * m.cpu_s / full.cpu_s:.0f}%"
             if full else "")
    return (f"{label:28} {m.wall_s:8.2f} {m.cpu_s:8.2f} {m.peak_mib:9.0f} "
            f"{m.out_bytes / 2**20:8.1f} {m.out_files:7d} {n / m.wall_s:7.1f} {share:>21}")


def _div(a: float, b: float) -> str:
    return f"{a / b:.2f}x" if b else "-"


def ratios(ours: Measure, pelican: Measure, n: int) -> dict[str, float]:
    """ours/pelican for each figure of a full build."""
    def r(a: float, b: float) -> float:
        return a / b if b else float("nan")
    return {"wall_s": r(ours.wall_s, pelican.wall_s), "cpu_s": r(ours.cpu_s, pelican.cpu_s),
            "peak_mib": r(ours.peak_mib, pelican.peak_mib),
            "out_bytes": r(ours.out_bytes, pelican.out_bytes),
            "out_files": r(ours.out_files, pelican.out_files),
            "articles_per_s": r(n / ours.wall_s, n / pelican.wall_s)}


def print_table(res: Result) -> None:
    """One table: full builds, ratio, rebuilds."""
    c = res.corpus
    o = res.ours["full"]
    print(f"\nN = {res.n} articles ({c['words']:,} words, {c['markdown_bytes'] / 2**20:.1f} MiB "
          f"of Markdown); ours: {o.extra.get('timeline_pages')} year or month and "
          f"{o.extra.get('actor_pages')} "
          f"actor pages, search index {'yes' if o.extra.get('search_index') else 'NO'}")
    print(HEAD)
    print(_row("ours", o, res.n))
    p = res.pelican.get("full")
    if p:
        print(_row("pelican", p, res.n))
        print(f"{'ours/pelican':28} {_div(o.wall_s, p.wall_s):>8} {_div(o.cpu_s, p.cpu_s):>8} "
              f"{_div(o.peak_mib, p.peak_mib):>9} {_div(o.out_bytes, p.out_bytes):>8} "
              f"{_div(o.out_files, p.out_files):>7} {_div(res.n / o.wall_s, res.n / p.wall_s):>7}")
    print(_row("ours rebuild, no change", res.ours["no_change"], res.n, o))
    print(_row("ours rebuild, 1 changed", res.ours["one_change"], res.n, o))
    if p:
        print(_row("pelican rebuild, no change", res.pelican["no_change"], res.n, p))
        print(_row("pelican rebuild, 1 changed", res.pelican["one_change"], res.n, p))
        for key, label in (("no_change", "no change"), ("one_change", "1 changed")):
            om, pm = res.ours[key], res.pelican[key]
            print(f"{'ours/pelican, ' + label:28} {_div(om.wall_s, pm.wall_s):>8} "
                  f"{_div(om.cpu_s, pm.cpu_s):>8} {_div(om.peak_mib, pm.peak_mib):>9}")


def to_json(results: list[Result], meta: dict[str, object]) -> dict[str, object]:
    """Every figure, for --json."""
    sizes: dict[str, object] = {}
    for res in results:
        entry: dict[str, object] = {"corpus": res.corpus,
                                    "ours": {k: asdict(v) for k, v in res.ours.items()},
                                    "pelican": {k: asdict(v) for k, v in res.pelican.items()}}
        if res.pelican:
            entry["ratio_ours_over_pelican"] = {
                k: ratios(res.ours[k], res.pelican[k], res.n) for k in res.ours}
        sizes[str(res.n)] = entry
    return {**meta, "sizes": sizes}


def parse_sizes(text: str) -> list[int]:
    """'100,1000' -> [100, 1000]."""
    sizes = [int(x) for x in text.replace(" ", "").split(",") if x]
    if not sizes or min(sizes) < 1:
        raise argparse.ArgumentTypeError("sizes are positive integers, e.g. 100,1000")
    return sizes


def main(argv: list[str] | None = None) -> int:
    """Runs the benchmark; returns the exit code."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=parse_sizes, default=[100, 1000],
                    help="corpus sizes, comma-separated (100,1000)")
    ap.add_argument("--with-10k", action="store_true", help="add a corpus of 10,000 articles")
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    ap.add_argument("--words", type=int, default=450, help="about this many words an article")
    ap.add_argument("--jobs", type=int, default=None,
                    help="pass --jobs N to our build, if it has that flag")
    ap.add_argument("--json", type=Path, default=None, help="also write the figures here")
    ap.add_argument("--keep", type=Path, default=None,
                    help="work in this folder and keep it (corpora, sites, logs)")
    ap.add_argument("--no-pelican", action="store_true", help="time our build only")
    a = ap.parse_args(argv)
    sizes = sorted(set(a.sizes + ([10000] if a.with_10k else [])))

    if not TIMELINE.exists():
        print(f"error: {TIMELINE} not found; run `make site` first", file=sys.stderr)
        return 1
    try:
        flags = our_flags()
        pelican = None if a.no_pelican else ensure_pelican()
    except (BuildFailed, subprocess.CalledProcessError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"our flags found in --help: {', '.join(f for f, on in flags.items() if on) or 'none'}; "
          f"{os.cpu_count()} CPUs; Python {platform.python_version()}")

    results = []
    with tempfile.TemporaryDirectory(prefix="site-bench-") as scratch:
        tmp = Path(scratch)
        if a.keep:
            tmp = a.keep.resolve()
            if tmp.exists() and any(tmp.iterdir()):
                print(f"error: --keep {a.keep}: not an empty folder", file=sys.stderr)
                return 2
            tmp.mkdir(parents=True, exist_ok=True)
        for n in sizes:
            print(f"N = {n}: writing the corpus ...", flush=True)
            try:
                results.append(bench_size(n, tmp, a.seed, a.words, flags, pelican, a.jobs))
            except BuildFailed as exc:
                print(f"error: {exc}", file=sys.stderr)
                return 1
    for res in results:
        print_table(res)
    print("\nCPU = user + sys of the build and the processes it waited for (Pagefind); peak = "
          "largest resident set among them; art/s = articles / wall s.")
    if a.json:
        meta = {"seed": a.seed, "words": a.words, "our_flags": flags, "cpus": os.cpu_count(),
                "python": platform.python_version(),
                "pelican_version": None if a.no_pelican else PELICAN_VERSION}
        a.json.write_text(json.dumps(to_json(results, meta), indent=2) + "\n", encoding="utf-8")
        print(f"figures written to {a.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
