"""Bytes of a file to plain text, one module per format.

Each extractor returns an :class:`Extracted`: the text, the problems found (as
:class:`~hankesalkku.reader.messages.Message`) and, for structured sources such as the
Ahjo decision API, field values that are more reliable than anything parsed from prose.
Which extractor reads a file is decided in :mod:`.registry`.
"""

from __future__ import annotations

from .base import Extracted
from .registry import FORMATS, Format, extract

__all__ = ["FORMATS", "Extracted", "Format", "extract"]
