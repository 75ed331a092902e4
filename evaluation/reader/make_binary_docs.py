"""Rebuild the binary evaluation documents (PDF, DOCX, Windows-1252 text).

Usage: .venv/bin/python evaluation/reader/make_binary_docs.py
"""

from __future__ import annotations

from pathlib import Path

from fixture_builders import make_docx, make_pdf

DOCS = Path(__file__).resolve().parent / "docs"

PDF_PAGES = [
    [
        "Pohjois-Savon ELY-keskus",
        "PÄÄTÖS ESR+ -TUESTA",
        "Päätöspäivä 7.10.2024",
        "Dnro POSELY/902/2024",
        "Hankekoodi S30999",
        "Tuensaaja: Kuopion kaupunki",
        "Hankkeen nimi: Arjen taidot (ARTA)",
        "Pohjois-Savon ELY-keskus myöntää hankkeelle tukea enintään 260 000 euroa.",
        "Hankkeen kokonaiskustannukset ovat 325 000 euroa.",
    ],
    [
        "Kustannusmalli: flat rate 40 %.",
        "Hankeaika 1.11.2024-31.10.2026.",
        "Oikaisuvaatimusohje liitteenä.",
    ],
]

DOCX_PARAGRAPHS = [
    "Hakemus – kehittämisavustus",
    "Hankkeen nimi: Taidetta torilla",
    "Toteutusaika: 1.5.2025 - 30.4.2026",
]
DOCX_TABLE = [
    ("Hakija", "Lahden Taideyhdistys ry"),
    ("Kokonaiskustannukset (€)", "48 000"),
    ("Haettava tuki (€)", "36 000"),
    ("Omarahoitus (€)", "12 000"),
]

CP1252_TEXT = """Seinäjoen kaupunki
Pöytäkirja
Sivistyslautakunta 14.11.2024

§ 77
Hankkeen Nuorten ääni hakeminen

Sivistyslautakunta päätti hakea ESR+ -rahoitusta hankkeelle ”Nuorten ääni”. Hankkeen kokonaisbudjetti on 160 000 €, josta tukea haetaan 120 000 €.
Rahoitusta haetaan Etelä-Pohjanmaan ELY-keskukselta.
"""


def main() -> None:
    (DOCS / "ely_paatos_skannattu_teksti.pdf").write_bytes(make_pdf(PDF_PAGES))
    (DOCS / "hakemus_lomake.docx").write_bytes(make_docx(DOCX_PARAGRAPHS, DOCX_TABLE))
    (DOCS / "seinajoki_vanha_merkisto.txt").write_bytes(CP1252_TEXT.encode("cp1252"))


if __name__ == "__main__":
    main()
