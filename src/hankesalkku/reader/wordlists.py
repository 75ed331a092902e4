"""Word lists and known names from ``reader/data/``, each file read once.

Plain lists (``.txt``) hold one entry a line; blank lines and lines starting with ``#``
are skipped. Lists with structure are TOML (``.toml``). Which entries are plain words and
which are regular-expression fragments is said in each file; the code that builds a
pattern from them is next to the pattern's use.
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources


def _read(name: str) -> str:
    return resources.files(__package__).joinpath("data", name).read_text("utf-8")


@cache
def lines(name: str) -> tuple[str, ...]:
    """The entries of ``data/<name>``, one a line, without surrounding spaces."""
    entries = (line.strip() for line in _read(name).splitlines())
    return tuple(line for line in entries if line and not line.startswith("#"))


@cache
def table(name: str) -> dict:
    """``data/<name>`` parsed as TOML (keys in the order written). Do not change it."""
    return tomllib.loads(_read(name))


def alternation(entries) -> str:
    """Fragments (or words without special characters) as one alternation, in their order."""
    return "|".join(entries)
