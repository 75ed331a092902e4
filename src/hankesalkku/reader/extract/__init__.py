"""Bytes of a file to plain text, one module per format.

Each extractor returns an :class:`Extracted`: the text, the problems found (in
Finnish, for the user) and, for structured sources such as the Ahjo decision
API, field values that are more reliable than anything parsed from prose.
"""

from __future__ import annotations

from .base import Extracted
from .dispatch import extract

__all__ = ["Extracted", "extract"]
