"""What an extractor gives: the text, the problems found and structured field values."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..messages import Message


@dataclass
class Extracted:
    text: str = ""
    messages: list[Message] = field(default_factory=list)
    # field name -> (value, start, end) with text[start:end] quoting the value's source
    hints: dict[str, tuple[str, int, int]] = field(default_factory=dict)
    format: str = "text"
    # mean word confidence (0-100) where the text was recognised from an image, else None
    ocr_confidence: float | None = None

    @property
    def errors(self) -> list[str]:
        """The messages in Finnish."""
        return [message.text("fi") for message in self.messages]

    def hint_from_text(self, name: str, value: str | None, quote: str | None) -> None:
        """Record a structured value, quoting ``quote`` where it occurs in the text."""
        if not value or not quote:
            return
        start = self.text.find(quote)
        if start >= 0:
            self.hints[name] = (value, start, start + len(quote))
