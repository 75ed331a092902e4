"""Rebuild the binary documents of heldout5 (DOCX, PDF with a text layer, image-only scans).

Usage: .venv/bin/python evaluation/reader/heldout5/build_binary_docs.py

DOCX and the simple PDFs use ../fixture_builders.py like make_binary_docs.py; two PDFs are
made with fpdf2 and an embedded DejaVu font; the scans are rendered with Pillow (slight
rotation, noise) and wrapped into a PDF that has no text layer. The text of each scan is
kept beside it as <file>.source.txt (no .expected.json, so evaluate.py does not read it).

fpdf2 is no longer one of the project's dependencies (every PDF the project prints comes from
WeasyPrint), but these two files stay made by it on purpose: the reader is measured on text layers
written by another producer. Install it beside the project to rebuild them: `pip install fpdf2`.
"""

from __future__ import annotations

import io
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from fixture_builders import make_docx, make_pdf  # noqa: E402

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
NB = "\u00a0"

# ---------------------------------------------------------------- DOCX

DOCX = {
    "uudenmaan_ely_kertakorvaus_tukipaatos.docx": (
        [
            "Uudenmaan elinkeino-, liikenne- ja ympäristökeskus",
            "TUKIPÄÄTÖS – Euroopan sosiaalirahasto plus (ESR+)",
            "Päätöksen päivämäärä 16.10.2025",
            "Dnro ELY/2291/2025",
            "Uudenmaan ELY-keskus myöntää alla mainitulle hankkeelle tukea enintään 112 500 euroa. "
            "Tuki on 75 % hankkeen hyväksytyistä kokonaiskustannuksista (150 000 euroa). "
            "Kustannukset korvataan kertakorvauksena välitavoitteiden toteutumisen perusteella.",
            "Tuki myönnetään työ- ja elinkeinoministeriön (TEM) myöntövaltuudesta.",
            "Muutoksenhaku: Oikaisuvaatimusohje on liitteenä 1.",
            "Ryhmäpäällikkö Henrik Saarelainen-Wahl    Rahoitusasiantuntija Noora Peltomäki-Rautio",
        ],
        [
            ("Tuen saaja", "Keravan Nuorten Tuki ry"),
            ("Hankkeen nimi", "Työkokeilusta työsuhteeseen Keski-Uudellamaalla (TYKE)"),
            ("Hanketunnus", "S30967"),
            ("Erityistavoite", "4.1"),
            ("Toteutusaika", "1.11.2025–31.10.2026"),
            ("Kokonaiskustannukset (€)", "150 000"),
            ("Tuki (€)", "112 500"),
            ("Omarahoitus (€)", "37 500"),
        ],
    ),
    "eura_hakemuslomake_paijat_hame_eakr.docx": (
        [
            "Päijät-Hämeen liitto",
            "EAKR-HANKEHAKEMUS – tiivistelmä hakemuksen liitteeksi",
            "Täytä lomake ja liitä se EURA 2021 -hakemukseen. Lomakeversio 2/2025.",
            "Hanke edistää Lahden seudun muoviteollisuuden siirtymää biopohjaisiin ja kierrätettyihin materiaaleihin.",
        ],
        [
            ("Hakijaorganisaatio", "LAB-ammattikorkeakoulu Oy"),
            (
                "Hankkeen nimi",
                "Biopohjaiset ja kierrätetyt materiaalit Päijät-Hämeen muoviteollisuudessa",
            ),
            ("Hankkeen lyhenne", "BIOMUOVI"),
            ("Hanketunnus", "A82014"),
            ("Toimintalinja", "2"),
            ("Erityistavoite", "2.6"),
            ("Hankkeen alkamispäivä", "1.3.2026"),
            ("Hankkeen päättymispäivä", "28.2.2028"),
            ("Kustannusmalli", "flat rate 15 %"),
            ("Kokonaiskustannukset", "520 000 €"),
            ("Haettava EAKR- ja valtion tuki", "364 000 €"),
            ("Kuntarahoitus", "52 000 €"),
            ("Omarahoitus", "104 000 €"),
            ("Yhteistyökumppanit", "Lahden kaupunki; Päijät-Hämeen Muoviklusteri ry"),
        ],
    ),
    "narpes_ansokan_esf_stod.docx": (
        [
            "ANSÖKAN OM STÖD – sammandrag",
            "Närpes stad",
            "Ansökan lämnas till NTM-centralen i Södra Österbotten inom ansökningsomgången för ESF+ (specifikt mål 4.1).",
            "Inlämnad 14.3.2025",
        ],
        [
            ("Sökande", "Närpes stad"),
            ("Projektets namn", "Integration genom arbete i Sydösterbotten (INTA)"),
            ("Prioritet", "4"),
            ("Specifikt mål", "4.1"),
            ("Projekttid", "1.8.2025–31.7.2027"),
            ("Totala kostnader (€)", "296 000"),
            ("Sökt stöd (€)", "222 000"),
            ("Egen finansiering (€)", "74 000"),
            ("Samarbetspartner", "Kristinestads stad; Yrkesakademin i Österbotten"),
        ],
    ),
    "vakehyva_aluehallitus_osallistuminen_esr.docx": (
        [
            "VANTAAN JA KERAVAN HYVINVOINTIALUE",
            "Aluehallitus – pöytäkirjanote",
            "Kokous 3.11.2025",
            "§ 247",
            "Osallistuminen ESR+ -ryhmähankkeeseen Nuorten mielen tuki ammatillisessa koulutuksessa (NUMI)",
            "VAKE/5512/02.05.01/2025",
            "Laurea-ammattikorkeakoulu Oy on NUMI-ryhmähankkeen päätoteuttaja ja Vantaan ja Keravan hyvinvointialue "
            "osatoteuttaja. Rahoitusta haetaan Uudenmaan ELY-keskukselta (erityistavoite 4.3) STM:n myöntövaltuudesta. "
            "Hanke toteutetaan 1.3.2026–28.2.2028.",
            "Koko hankkeen kustannusarvio on noin 980 000 euroa. Hyvinvointialueen osuuden kustannukset ovat 320 000 euroa, "
            "josta tuki on 240 000 euroa ja omarahoitus enintään 80 000 euroa.",
            "Yhteistyökumppanina toimii Vantaan ammattiopisto Varia.",
            "Päätös: Aluehallitus päätti hyväksyä osallistumisen ja sitoutua enintään 80 000 euron omarahoitukseen.",
            "Muutoksenhakukielto (hyvinvointialueesta annetun lain 142 §).",
        ],
        None,
    ),
}

# ---------------------------------------------------------------- PDF with a text layer (fixture_builders)

SIMPLE_PDFS = {
    "tem_hakuilmoitus_tyollisyysalueet.pdf": [
        [
            "Työ- ja elinkeinoministeriö",
            "HAKUILMOITUS",
            "VN/31877/2025",
            "Päivätty 20.10.2025",
            "",
            "Valtionavustushaku: Työllisyysalueiden yrityspalvelujen kehittäminen 2026",
            "",
            "Työ- ja elinkeinoministeriö on päättänyt 17.10.2025 julistaa haettavaksi valtionavustuksen",
            "työllisyysalueiden yrityspalvelujen kehittämiseen.",
            "",
            "Hakuaika: 3.11.2025 – 12.12.2025 klo 16.15",
            f"Määräraha: enintään 5{NB}milj.{NB}euroa (momentti 32.01.40)",
            "Avustuksen enimmäismäärä hakijaa kohden: 400 000 euroa",
            "Hakijat: työllisyysalueiden vastuukunnat",
        ],
        [
            "Hakemukset toimitetaan sähköisesti valtionavustusjärjestelmään.",
            "Lisätietoja: neuvotteleva virkamies Heikki Rautakoski-Lund",
        ],
    ],
    "hame_ely_myontopaatos_forssa.pdf": [
        [
            "Hämeen ELY-keskus",
            "PÄÄTÖS ESR+ -TUESTA",
            "Päätöspäivä 26.9.2025",
            "Dnro HAMELY/2764/2025",
            "Hankekoodi S30911",
            "Tuensaaja: Forssan seudun koulutuskuntayhtymä",
            "Hankkeen nimi: Forssan seudun nuorten ammattiin ohjaus (FONA)",
            "Toimintalinja 4, erityistavoite 4.2",
            "Hämeen ELY-keskus myöntää hankkeelle tukea 75 % eli enintään 193 500 euroa.",
            "Hankkeen kokonaiskustannukset ovat 258 000 euroa.",
            "Kuntarahoitus 25 800 euroa, omarahoitus 38 700 euroa.",
        ],
        [
            "Kustannusmalli: flat rate 40 %.",
            "Hankeaika 1.10.2025-30.9.2027.",
            "Tuki myönnetään opetus- ja kulttuuriministeriön myöntövaltuudesta.",
            "Oikaisuvaatimusohje liitteenä.",
        ],
    ],
}

# ---------------------------------------------------------------- PDF with a text layer (fpdf2)

FPDF_DOCS = {
    "lapin_liitto_jtf_tukipaatos_kemijarvi.pdf": [
        "LAPIN LIITTO",
        "TUKIPÄÄTÖS – Oikeudenmukaisen siirtymän rahasto (JTF)",
        "",
        "Päätöspäivä: 11.12.2025",
        "Diaarinumero: LL/612/02.05.01/2025",
        "EURA 2021 -tunnus: J10417",
        "",
        "Tuensaaja: Kemijärven kaupunki",
        "Hanke: Kemijärven biojalostamoalueen yrityspalvelut (KEBIO)",
        "Toteutusaika: 1.1.2026–31.12.2027",
        "",
        "Lapin liitto myöntää hankkeelle JTF- ja valtion tukea 70 % eli enintään 350 000 euroa.",
        "Hyväksyttävät kokonaiskustannukset ovat 500 000 euroa, josta tuensaajan omarahoitus",
        "on 150 000 euroa. Kustannusmalli: flat rate 40 %.",
        "",
        "Hankkeen yhteistyökumppaneita ovat Lapin ammattikorkeakoulu Oy ja Itä-Lapin Kuntayhtymä.",
        "",
        "Muutoksenhaku: Oikaisuvaatimus, ohje liitteenä.",
        "",
        "Aluekehitysjohtaja Riikka Harjula-Niemelä",
    ],
    "lahti_kh_poytakirjanote_kuntaraha_lab.pdf": [
        "LAHDEN KAUPUNKI",
        "Kaupunginhallitus                PÖYTÄKIRJANOTE",
        "Kokous 17.2.2025",
        "Otteen antopäivä 24.2.2025",
        "",
        "§ 48",
        "Kuntarahoitus LAB-ammattikorkeakoulu Oy:n JTF-hankkeelle Päijät-Hämeen",
        "vähähiilisen rakentamisen osaamiskeskittymä (VÄRA)",
        "LHT/488/02.05.01/2025",
        "",
        "LAB-ammattikorkeakoulu Oy hakee Päijät-Hämeen liitolta JTF-rahoitusta VÄRA-hankkeelle.",
        "Hankkeen toteuttaa LAB-ammattikorkeakoulu Oy, ja kumppanina on Lahden Talot Oy.",
        "Hankkeen kokonaiskustannukset ovat noin 700 000 euroa. Kuntarahoitusta haetaan Lahden",
        "kaupungilta 10 % eli 70 000 euroa. Hanke toteutetaan 1.4.2025–31.3.2027.",
        "",
        "Päätös: Kaupunginhallitus päätti myöntää LAB-ammattikorkeakoulu Oy:lle kuntarahoitusta",
        "enintään seitsemänkymmentätuhatta (70 000) euroa VÄRA-hankkeelle.",
        "",
        "Muutoksenhaku: Oikaisuvaatimus",
    ],
}

# ---------------------------------------------------------------- image-only scans

SCANS = {
    "jyvaskyla_skannattu_poytakirjanote_kuntaraha.pdf": (
        "JYVÄSKYLÄN KAUPUNKI\n"
        "Elinvoimalautakunta                 PÖYTÄKIRJANOTE\n"
        "Kokous 21.5.2025\n"
        "\n"
        "§ 66\n"
        "Kuntarahoitus Jyväskylän yliopiston EAKR-hankkeelle\n"
        "Keski-Suomen akkuteknologian pilotointiympäristö (AKKU)\n"
        "JYV/2044/02.05.01/2025\n"
        "\n"
        "Jyväskylän yliopisto hakee Keski-Suomen liitolta EAKR-rahoitusta\n"
        "hankkeelle AKKU (toimintalinja 1, erityistavoite 1.1).\n"
        "Hankkeen kokonaiskustannukset ovat 760 000 euroa, josta EAKR-\n"
        "ja valtion tuki 532 000 euroa, omarahoitus 152 000 euroa ja\n"
        "kuntarahoitus 76 000 euroa. Toteutusaika 1.9.2025-31.8.2027.\n"
        "\n"
        "Päätös\n"
        "Elinvoimalautakunta myöntää Jyväskylän yliopistolle\n"
        "kuntarahoitusta enintään 76 000 euroa AKKU-hankkeelle.\n"
        "\n"
        "Muutoksenhaku: Oikaisuvaatimus\n"
        "\n"
        "Otteen oikeaksi todistaa 28.5.2025  Hanna Kuusela-Brandt\n"
    ),
    "narpes_skannat_protokollsutdrag.pdf": (
        "NÄRPES STAD\n"
        "Stadsstyrelsen                    PROTOKOLLSUTDRAG\n"
        "Sammanträde 12.5.2025\n"
        "\n"
        "§ 118\n"
        "Kommunal finansiering för ERUF-projektet\n"
        "Växthusnäringens energiomställning (VÄXEN)\n"
        "NÄR/301/02.05.01/2025\n"
        "\n"
        "Yrkeshögskolan Novia ansöker om finansiering från\n"
        "Österbottens förbund för projektet VÄXEN. Projektets\n"
        "totala kostnader är 380 000 euro. Novia ansöker om\n"
        "kommunal finansiering av Närpes stad om 38 000 euro.\n"
        "Projekttid 1.6.2025-31.5.2027.\n"
        "\n"
        "Beslut\n"
        "Stadsstyrelsen beviljar Yrkeshögskolan Novia kommunal\n"
        "finansiering om högst 38 000 euro för projektet VÄXEN.\n"
        "\n"
        "Rätt till omprövning\n"
    ),
    "kaakkois_suomen_ely_skannattu_tukipaatos.pdf": (
        "Kaakkois-Suomen ELY-keskus\n"
        "TUKIPÄÄTÖS                        Dnro KASELY/1520/2025\n"
        "Päätöspäivä 5.6.2025\n"
        "\n"
        "Tuensaaja: Kotkan kaupunki\n"
        "Hanke: Satamakaupungin nuorten työpolut (SANTU)\n"
        "EURA-tunnus: S30745\n"
        "Erityistavoite 4.1\n"
        "Toteutusaika 1.8.2025-31.7.2027\n"
        "\n"
        "Kaakkois-Suomen ELY-keskus myöntää hankkeelle\n"
        "tukea enintään 270 000 euroa (75 %).\n"
        "Kokonaiskustannukset 360 000 euroa.\n"
        "Omarahoitus 90 000 euroa.\n"
        "Kustannusmalli flat rate 40 %.\n"
        "\n"
        "Oikaisuvaatimusohje liitteenä.\n"
    ),
}


def build_fpdf(lines: list[str]) -> bytes:
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.add_font("DejaVu", "", str(FONT_DIR / "DejaVuSans.ttf"))
    pdf.set_font("DejaVu", size=10)
    for line in lines:
        pdf.cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def build_scan(text: str, seed: int) -> bytes:
    from PIL import Image, ImageDraw, ImageFilter, ImageFont

    rng = random.Random(seed)
    width, height = 1240, 1754  # A4 at 150 dpi
    page = Image.new("L", (width, height), 248)
    draw = ImageDraw.Draw(page)
    font = ImageFont.truetype(str(FONT_DIR / "DejaVuSerif.ttf"), 26)
    y = 120
    for line in text.splitlines():
        draw.text((110 + rng.randint(-2, 2), y), line, fill=rng.randint(20, 50), font=font)
        y += 40
    page = page.rotate(rng.uniform(-1.2, 1.2), resample=Image.BICUBIC, fillcolor=235)
    pixels = page.load()
    for _ in range(9000):
        x, yy = rng.randrange(width), rng.randrange(height)
        pixels[x, yy] = rng.choice((90, 140, 190))
    page = page.filter(ImageFilter.GaussianBlur(0.6))
    out = io.BytesIO()
    page.convert("RGB").save(out, "PDF", resolution=150.0)
    return out.getvalue()


def main() -> None:
    for name, (paragraphs, table) in DOCX.items():
        (HERE / name).write_bytes(make_docx(paragraphs, table))
    for name, pages in SIMPLE_PDFS.items():
        (HERE / name).write_bytes(make_pdf(pages))
    for name, lines in FPDF_DOCS.items():
        (HERE / name).write_bytes(build_fpdf(lines))
    for seed, (name, text) in enumerate(SCANS.items(), start=5):
        (HERE / name).write_bytes(build_scan(text, seed))
        (HERE / (name + ".source.txt")).write_text(text, "utf-8")


if __name__ == "__main__":
    main()
