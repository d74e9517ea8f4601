"""Site configuration: `site.yaml` read against declared fields, then command-line overrides.

Every key is declared with its type and a check. An unknown key is a warning with a
"did you mean" hint; a value of the wrong type, or one that fails its check, is an error.
Both carry the line of the key, and every problem is collected before the build decides.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import quote, urlsplit, urlunsplit

import yaml

from generator.model import Diagnostic
from generator.reading import yamlio

DEFAULT_NAME = "site.yaml"
_LANGUAGE = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*")


@dataclass(frozen=True)
class SiteConfig:
    """Site-wide settings: what every page shows, and where the site is published.

    `url` is the absolute address of the site root, ending in "/" (empty: unknown);
    `base_path` is the path the site is served under, "/" or "/REPO/".
    """

    title: str = "Timeline"
    description: str = ""
    language: str = "en"
    url: str = ""
    base_path: str = "/"
    theme: Path | None = None

    def absolute(self, path: str) -> str | None:
        """The absolute URL of a site path, or None when the site URL is unknown."""
        if not self.url:
            return None
        return self.url + quote(path, safe="/#._-~!$&'()*+,;=:@")

    @property
    def base_known(self) -> bool:
        """Whether the path the site is served under is known (a `url` or a `base_path`)."""
        return bool(self.url) or self.base_path != "/"

    def rooted(self, path: str) -> str:
        """A site path as an absolute path under the base path (for pages served anywhere)."""
        return self.base_path + quote(path, safe="/#._-~!$&'()*+,;=:@")


# ---------------------------------------------------------------- value checks


def normal_base_path(text: str) -> str:
    """`REPO`, `/REPO` or `/REPO/` -> `/REPO/`; empty -> `/`."""
    parts = [p for p in text.strip().split("/") if p]
    if any(p in (".", "..") for p in parts) or "\\" in text or "?" in text or "#" in text:
        raise ValueError(f"not a path: {text!r}")
    return "/" + "".join(f"{p}/" for p in parts)


def normal_url(text: str) -> str:
    """An absolute http(s) site URL, ending in "/", without query or fragment."""
    parts = urlsplit(text.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError(f"not an absolute http(s) URL: {text!r}")
    if parts.query or parts.fragment or any(c.isspace() for c in text.strip()):
        raise ValueError(f"a site URL has no query, fragment or spaces: {text!r}")
    return urlunsplit((parts.scheme, parts.netloc, normal_base_path(parts.path), "", ""))


def _language(text: str) -> str:
    if not _LANGUAGE.fullmatch(text):
        raise ValueError(f"not a language tag such as `en` or `pt-BR`: {text!r}")
    return text


def _nonempty(text: str) -> str:
    if not text.strip():
        raise ValueError("must not be empty")
    return text.strip()


# every key of SiteConfig -> its check, which returns the normalised value
_FIELDS: dict[str, Callable[[str], str]] = {
    "title": _nonempty,
    "description": str.strip,
    "language": _language,
    "url": lambda t: normal_url(t) if t.strip() else "",
    "base_path": normal_base_path,
    "theme": _nonempty,
}


# ---------------------------------------------------------------- reading site.yaml


def load(path: Path, display: str | None = None) -> tuple[SiteConfig, tuple[Diagnostic, ...]]:
    """Read and check a `site.yaml`; on errors the defaults stand in for the bad keys."""
    where = str(path) if display is None else display
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return SiteConfig(), (Diagnostic("error", where, f"cannot read the site config: {exc}"),)
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yamlio.ERRORS as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or "invalid YAML"
        return SiteConfig(), (
            Diagnostic("error", where, f"invalid YAML: {problem}", mark.line + 1 if mark else None),
        )
    cleaned = yamlio.cleaned_diagnostics(yamlio.clean(root), where, 1)
    values, diags = _read_mapping(root, where)
    config, more = _assemble(values, Path(path).parent, where)
    return config, tuple(cleaned + diags + more)


def _read_mapping(root: yaml.Node | None, where: str) -> tuple[dict, list[Diagnostic]]:
    """Declared keys -> (checked value, line); problems for everything else."""
    if root is None:
        return {}, []
    if not isinstance(root, yaml.MappingNode):
        msg = "the site config must be a mapping of keys such as `title:` and `url:`"
        return {}, [Diagnostic("error", where, msg, root.start_mark.line + 1)]
    values: dict[str, tuple[str, int]] = {}
    diags: list[Diagnostic] = []
    for key_node, value_node in root.value:
        key, line = str(key_node.value), key_node.start_mark.line + 1
        problem = _key_problem(key, value_node, values)
        if problem is not None:
            diags.append(Diagnostic(problem[0], where, problem[1], line))
            continue
        if value_node.tag == _NULL:  # `key:` with nothing after it keeps the default
            continue
        try:
            values[key] = (_FIELDS[key](str(value_node.value)), line)
        except ValueError as exc:
            diags.append(Diagnostic("error", where, f"`{key}`: {exc}", line))
    return values, diags


def _key_problem(key: str, node: yaml.Node, seen: dict) -> tuple[str, str] | None:
    """(level, message) when a key is unknown, repeated or has a value of the wrong type."""
    if key not in _FIELDS:
        hint = difflib.get_close_matches(key, list(_FIELDS), n=1, cutoff=0.6)
        also = f"; did you mean `{hint[0]}`?" if hint else f"; known keys: {', '.join(_FIELDS)}"
        return "warning", f"unknown key `{key}` ignored{also}"
    if key in seen:
        return "error", f"`{key}` is given twice (first on line {seen[key][1]})"
    if not isinstance(node, yaml.ScalarNode) or node.tag not in _TEXT_TAGS:
        quote_hint = "; put it in quotes" if isinstance(node, yaml.ScalarNode) else ""
        return "error", f"`{key}` must be text, not {_type_name(node)}{quote_hint}"
    return None


_NULL = "tag:yaml.org,2002:null"
_TEXT_TAGS = {"tag:yaml.org,2002:str", _NULL}


def _type_name(node: yaml.Node) -> str:
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    kind = node.tag.rsplit(":", 1)[-1]
    return {"int": "a number", "float": "a number", "bool": "true/false",
            "timestamp": "a date"}.get(kind, kind)


def _assemble(values: dict, folder: Path, where: str) -> tuple[SiteConfig, list[Diagnostic]]:
    """Build the config from checked values; the url and base path must agree."""
    given = {key: value for key, (value, _) in values.items()}
    diags: list[Diagnostic] = []
    theme = given.pop("theme", None)
    if theme is not None:
        theme_dir = (folder / theme).absolute()
        try:
            found = theme_dir.is_dir()
            theme_dir = theme_dir.resolve()
        except OSError as exc:  # a name too long to look up, a link loop
            diags.append(Diagnostic("error", where, f"`theme`: cannot read {theme_dir} "
                                    f"({exc.strerror or exc})", values["theme"][1]))
        else:
            if found:
                given["theme"] = theme_dir
            else:
                diags.append(Diagnostic("error", where, f"`theme`: no such folder: {theme_dir}",
                                        values["theme"][1]))
    url, base = given.get("url"), given.get("base_path")
    if url and base is not None and urlsplit(url).path != base:
        msg = (f"`base_path` {base} does not match the path of `url` ({urlsplit(url).path}); "
               "leave `base_path` out, it follows the url")
        diags.append(Diagnostic("error", where, msg, values["base_path"][1]))
    elif url:
        given["base_path"] = urlsplit(url).path
    return SiteConfig(**given), diags


# ---------------------------------------------------------------- command-line overrides


def with_base_url(config: SiteConfig, base_url: str) -> SiteConfig:
    """Apply `--base-url`: an absolute URL sets url and base path; a path sets the base path.

    With only a path, a configured url keeps its host and takes the new path.
    """
    text = base_url.strip()
    if urlsplit(text).scheme:
        url = normal_url(text)
        return replace(config, url=url, base_path=urlsplit(url).path)
    base = normal_base_path(text)
    if config.url:
        parts = urlsplit(config.url)
        url = urlunsplit((parts.scheme, parts.netloc, base, "", ""))
        return replace(config, url=url, base_path=base)
    return replace(config, base_path=base)


def resolve(path: Path | None, title: str | None = None, base_url: str | None = None
            ) -> tuple[SiteConfig, tuple[Diagnostic, ...]]:
    """The config a build uses: `path` (else `site.yaml` here, if there), then the flags."""
    if path is None:
        path = Path(DEFAULT_NAME)
        config, diags = load(path) if path.is_file() else (SiteConfig(), ())
    else:
        config, diags = load(path)
    if title is not None:
        title, removed = yamlio.clean_text(title)
        if removed:  # bytes that are not UTF-8 reach sys.argv as lone surrogates
            message = f"{yamlio.removed_text(removed)}, which cannot be published"
            diags += (Diagnostic("warning", "--title", message),)
        config = replace(config, title=title)
    if base_url is not None:
        try:
            config = with_base_url(config, base_url)
        except ValueError as exc:
            diags += (Diagnostic("error", "--base-url", str(exc)),)
    return config, diags
