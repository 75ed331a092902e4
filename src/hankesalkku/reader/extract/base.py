from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Extracted:
    text: str = ""
    errors: list[str] = field(default_factory=list)
    # field name -> (value, start, end) with text[start:end] quoting the value's source
    hints: dict[str, tuple[str, int, int]] = field(default_factory=dict)
    format: str = "text"

    def hint_from_text(self, name: str, value: str | None, quote: str | None) -> None:
        """Record a structured value, quoting ``quote`` where it occurs in the text."""
        if not value or not quote:
            return
        start = self.text.find(quote)
        if start >= 0:
            self.hints[name] = (value, start, start + len(quote))
