"""What went wrong while rendering, as one line naming the template (or file) to fix.

A theme's template may have a syntax error, fail when it runs, include or extend a
template that does not exist, or not be UTF-8 text; a template or static file may not be
readable. Each becomes one `template:line: error: message` diagnostic instead of a
traceback. Jinja rewrites tracebacks so that a template's frames carry its file name and
line, which is how a runtime failure is traced back to the line that caused it.
"""

from __future__ import annotations

import os
import traceback
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType

from jinja2 import TemplateNotFound, TemplatesNotFound, TemplateSyntaxError

from generator.model import Diagnostic


def shown_path(path: str | os.PathLike[str]) -> str:
    """A path as the user knows it: relative to the current folder when inside it."""
    absolute = os.path.abspath(path)
    try:
        relative = os.path.relpath(absolute)
    except ValueError:  # another drive (Windows)
        return absolute
    return absolute if relative.startswith("..") else relative


def _inside(filename: str, folders: Sequence[Path]) -> bool:
    try:
        path = Path(filename).resolve()
    except (OSError, RuntimeError):
        return False
    return any(path.is_relative_to(folder) for folder in folders)


def template_frame(tb: TracebackType | None, folders: Sequence[Path]) -> tuple[str, int] | None:
    """(file, line) of the innermost traceback frame that is a line of a template."""
    found = None
    for frame in traceback.extract_tb(tb):
        if frame.lineno is not None and _inside(frame.filename, folders):
            found = (frame.filename, frame.lineno)
    return found


def _loading(tb: TracebackType | None) -> str | None:
    """The template file a loader was reading when it failed (Jinja's `get_source`)."""
    found = None
    while tb is not None:
        if tb.tb_frame.f_code.co_name == "get_source":
            filename = tb.tb_frame.f_locals.get("filename")
            found = filename if isinstance(filename, str) else found
        tb = tb.tb_next
    return found


def _not_found(exc: TemplateNotFound, folders: Sequence[Path]) -> str:
    names = exc.templates if isinstance(exc, TemplatesNotFound) else [exc.name]
    listed = " or ".join(repr(str(n)) for n in names)
    places = ", ".join(shown_path(f) for f in folders)
    return f"template {listed} not found (looked in {places}); add it to the theme or fix the name"


def problem(exc: BaseException, folders: Sequence[Path]) -> Diagnostic | None:
    """The error for an exception raised while rendering with templates from `folders`;
    None when neither a template nor an unreadable file is to blame."""
    folders = [Path(f).resolve() for f in folders]
    tb = exc.__traceback__
    at = template_frame(tb, folders)
    if isinstance(exc, TemplateSyntaxError):
        where = exc.filename or exc.name or (at[0] if at else "template")
        message = (exc.message or "syntax error").rstrip(".")
        return Diagnostic("error", shown_path(where), f"{message}; fix the template", exc.lineno)
    if isinstance(exc, TemplateNotFound):
        message = _not_found(exc, folders)
        if at is None:  # a page template: no line of ours asked for it
            return Diagnostic("error", str(exc.name), message)
        return Diagnostic("error", shown_path(at[0]), message, at[1])
    if isinstance(exc, UnicodeDecodeError) and (loading := _loading(tb)) is not None:
        message = (f"not valid UTF-8 text (byte 0x{exc.object[exc.start]:02x}); "
                   "save the template as UTF-8")
        return Diagnostic("error", shown_path(loading), message)
    if isinstance(exc, OSError):
        where = shown_path(os.fsdecode(exc.filename)) if exc.filename else "build"
        return Diagnostic("error", where, f"cannot read: {exc.strerror or exc}; check it exists "
                          "and its permissions")
    if at is None:
        return None
    detail = str(exc).splitlines()[0] if str(exc) else "failed"
    message = f"{detail} ({type(exc).__name__}); fix the template"
    return Diagnostic("error", shown_path(at[0]), message, at[1])
