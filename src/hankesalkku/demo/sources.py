"""The five seed documents as citable sources.

The repository keeps only what identifies each document and the short sentences our records
cite. When the documents themselves are beside the checkout (settings.SEEDS_DIR), their full text
is stored too, so each citation can be shown highlighted in its document.
"""

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from django.conf import settings

from hankesalkku.sources.models import DocumentKind, SourceDocument
from hankesalkku.sources.services import source_document_create, source_reference_create


@dataclass(frozen=True)
class SeedDocument:
    """`seed_file` is the name in the seeds folder (a hash); `filename` is the name a person
    would have given the file, and the one the source page shows."""

    key: str
    seed_file: str
    title: str
    kind: str
    date: date | None
    filename: str


SEEDS = {
    "000": SeedDocument(
        "000",
        "000_a6bd82147b81048b.txt",
        "Strategiajohtaja 14.12.2023 54 §: Osallistuminen ESR+ rahoitushakuun hankkeella Lasten, "
        "nuorten ja perheiden palveluiden kehittäminen ja hyvinvoinnin edistäminen kohti "
        "yhdenvertaisuutta",
        DocumentKind.DECISION,
        date(2023, 12, 14),
        "helsinki-strategiajohtaja-2023-12-14-54.txt",
    ),
    "001": SeedDocument(
        "001",
        "001_53b8fc50f75c6f28.txt",
        "Strategiajohtaja 22.10.2024 63 §: Osallistuminen EU:n rahoitushakuun hankkeessa "
        "Hyvinvoinnista ja osallisuudesta toimintakykyä (HOT)",
        DocumentKind.DECISION,
        date(2024, 10, 22),
        "helsinki-strategiajohtaja-2024-10-22-63.txt",
    ),
    "002": SeedDocument(
        "002",
        "002_a92f60e27baada13.txt",
        "Lasten, nuorten ja perheiden osallisuuden koordinaatio (ESR+): yleiskuva hankkeista "
        "28.11.2024",
        DocumentKind.PRESENTATION,
        date(2024, 11, 28),
        "osallisuuden-koordinaatio-yleiskuva-2024-11-28.txt",
    ),
    "003": SeedDocument(
        "003",
        "003_ac2d9d993af0fa96.txt",
        "Hämeen ELY-keskus, STM ja OKM: teeman valtakunnalliset hankehaut",
        DocumentKind.PRESENTATION,
        None,
        "teeman-valtakunnalliset-hankehaut.txt",
    ),
    "004": SeedDocument(
        "004",
        "004_c860965af8a6c41e.txt",
        "Kulttuuri- ja kirjastojaosto 7.11.2023, asia 6: Helsingin mallin kehittämisavustusten "
        "jatkokausi 2025–2027",
        DocumentKind.AGENDA_ITEM,
        date(2023, 11, 7),
        "kulttuuri-ja-kirjastojaosto-2023-11-07-asia-6.txt",
    ),
}


class Citer:
    """Creates the seed documents once and cites them: `cite("000", obj, "support", quote)`."""

    def __init__(self, actor):
        self.actor = actor
        self.documents: dict[str, SourceDocument] = {}
        self.missing_quotes: list[tuple[str, str]] = []

    def document(self, key: str) -> SourceDocument:
        if key not in self.documents:
            seed = SEEDS[key]
            path = Path(settings.SEEDS_DIR) / seed.seed_file
            text = path.read_text(encoding="utf-8") if path.is_file() else ""
            existing = SourceDocument.objects.filter(filename=seed.filename).first()
            self.documents[key] = existing or source_document_create(
                actor=self.actor,
                title=seed.title,
                kind=seed.kind,
                filename=seed.filename,
                text=text,
                date=seed.date,
                content_type="text/plain",
            )
        return self.documents[key]

    def cite(self, key: str, target, field: str, quote: str, section: str = ""):
        document = self.document(key)
        reference = source_reference_create(
            actor=self.actor,
            document=document,
            target=target,
            quote=quote,
            field=field,
            section=section,
        )
        if document.text and reference.start is None:
            self.missing_quotes.append((key, quote))
        return reference
