"""The messages the reader gives the user, by stable code, in Finnish, Swedish and English.

``ReadResult.errors`` holds the Finnish texts (as it always has); ``ReadResult.messages``
holds the same problems as :class:`Message` objects (a code and its parameters), so that a
user interface can show them in the user's language without parsing Finnish:

    from hankesalkku.reader.messages import message_text
    for message in result.messages:
        message.text("sv")                        # or message_text(message.code, "sv", **message.params)

Codes never change once published; a text may be improved at any time. A parameter named
``stage`` is a stage name of :mod:`hankesalkku.reader.pipeline` and is shown translated.
This module imports nothing of Django, so the texts are translated here and not by gettext.
"""

from __future__ import annotations

from dataclasses import dataclass, field

LANGUAGES = ("fi", "sv", "en")

NOT_BYTES = "not_bytes"
EMPTY_FILE = "empty_file"
FILE_TOO_LARGE = "file_too_large"
UNEXPECTED_FAILURE = "unexpected_failure"
STAGE_FAILED = "stage_failed"
NOTHING_FOUND = "nothing_found"
TEXT_TRUNCATED = "text_truncated"
ZIP_NOT_DOCX = "zip_not_docx"
BINARY_DATA = "binary_data"
OLD_OFFICE_FORMAT = "old_office_format"
DOCX_LIBRARY_MISSING = "docx_library_missing"
DOCX_CORRUPT = "docx_corrupt"
DOCX_UNPACKS_TOO_LARGE = "docx_unpacks_too_large"
DOCX_COMPRESSION_RATIO = "docx_compression_ratio"
PDF_LIBRARY_MISSING = "pdf_library_missing"
PDF_CORRUPT = "pdf_corrupt"
PDF_ENCRYPTED = "pdf_encrypted"
PDF_NO_PAGES = "pdf_no_pages"
PDF_NO_TEXT_LAYER = "pdf_no_text_layer"
HTML_UNREADABLE = "html_unreadable"
HTML_TOO_MANY_ELEMENTS = "html_too_many_elements"
HTML_TOO_DEEP = "html_too_deep"
JSON_TOO_DEEP = "json_too_deep"
AHJO_JSON_NO_CONTENT = "ahjo_json_no_content"
MIXED_ENCODING = "mixed_encoding"
MOJIBAKE_REPAIRED = "mojibake_repaired"
TIME_LIMIT = "time_limit"
OCR_USED = "ocr_used"
OCR_UNAVAILABLE = "ocr_unavailable"
OCR_TRUNCATED = "ocr_truncated"
OCR_NO_TEXT = "ocr_no_text"

_SUPPORTED = {
    "fi": "Tuetut muodot ovat teksti, PDF (tekstikerroksella), DOCX, HTML ja Ahjon JSON.",
    "sv": "Format som stöds är text, PDF (med textlager), DOCX, HTML och Ahjos JSON.",
    "en": "Supported formats are text, PDF (with a text layer), DOCX, HTML and Ahjo JSON.",
}

MESSAGES: dict[str, dict[str, str]] = {
    NOT_BYTES: {
        "fi": "Syöte ei ole tiedoston sisältöä (tavuja).",
        "sv": "Indata är inte innehållet i en fil (byte).",
        "en": "The input is not the contents of a file (bytes).",
    },
    EMPTY_FILE: {
        "fi": "Tiedosto {filename} on tyhjä.",
        "sv": "Filen {filename} är tom.",
        "en": "The file {filename} is empty.",
    },
    FILE_TOO_LARGE: {
        "fi": "Tiedosto {filename} on liian suuri ({size} Mt); suurin luettava koko on {limit} Mt.",
        "sv": "Filen {filename} är för stor ({size} MB); den största storlek som kan läsas är "
        "{limit} MB.",
        "en": "The file {filename} is too large ({size} MB); the largest size that can be read "
        "is {limit} MB.",
    },
    UNEXPECTED_FAILURE: {
        "fi": "Tiedoston {filename} lukeminen epäonnistui odottamattomasti ({error}).",
        "sv": "Läsningen av filen {filename} misslyckades oväntat ({error}).",
        "en": "Reading the file {filename} failed unexpectedly ({error}).",
    },
    STAGE_FAILED: {
        "fi": "Osa tiedoista jäi lukematta: vaihe {stage} epäonnistui odottamattomasti ({error}).",
        "sv": "En del av uppgifterna lästes inte: steget {stage} misslyckades oväntat ({error}).",
        "en": "Some information was not read: the stage {stage} failed unexpectedly ({error}).",
    },
    NOTHING_FOUND: {
        "fi": "Asiakirjasta ei tunnistettu rahoitustietoja.",
        "sv": "Inga finansieringsuppgifter kändes igen i dokumentet.",
        "en": "No funding information was recognised in the document.",
    },
    TEXT_TRUNCATED: {
        "fi": "Teksti on liian pitkä luettavaksi kokonaan ({total} merkkiä): vain {read} "
        "ensimmäistä merkkiä luettiin, loppuosasta ei haettu tietoja.",
        "sv": "Texten är för lång för att läsas helt ({total} tecken): bara de första {read} "
        "tecknen lästes, resten genomsöktes inte.",
        "en": "The text is too long to be read in full ({total} characters): only the first "
        "{read} characters were read, the rest was not searched.",
    },
    ZIP_NOT_DOCX: {
        "fi": "Tiedosto {filename} ei ole luettavaa tekstiä (ZIP-paketti, ei DOCX-asiakirja). "
        + _SUPPORTED["fi"],
        "sv": "Filen {filename} är inte läsbar text (ett ZIP-paket, inte ett DOCX-dokument). "
        + _SUPPORTED["sv"],
        "en": "The file {filename} is not readable text (a ZIP archive, not a DOCX document). "
        + _SUPPORTED["en"],
    },
    BINARY_DATA: {
        "fi": "Tiedosto {filename} ei ole luettavaa tekstiä (binääridataa). " + _SUPPORTED["fi"],
        "sv": "Filen {filename} är inte läsbar text (binära data). " + _SUPPORTED["sv"],
        "en": "The file {filename} is not readable text (binary data). " + _SUPPORTED["en"],
    },
    OLD_OFFICE_FORMAT: {
        "fi": "Vanhaa Word- tai Excel-muotoa (.doc/.xls) ei tueta; "
        "tallenna asiakirja DOCX- tai PDF-muodossa.",
        "sv": "Det gamla Word- eller Excel-formatet (.doc/.xls) stöds inte; "
        "spara dokumentet i DOCX- eller PDF-format.",
        "en": "The old Word or Excel format (.doc/.xls) is not supported; "
        "save the document as DOCX or PDF.",
    },
    DOCX_LIBRARY_MISSING: {
        "fi": "DOCX-tiedostoja ei voi lukea: python-docx puuttuu.",
        "sv": "DOCX-filer kan inte läsas: python-docx saknas.",
        "en": "DOCX files cannot be read: python-docx is missing.",
    },
    DOCX_CORRUPT: {
        "fi": "DOCX-tiedosto on vioittunut eikä sitä voitu lukea ({error}).",
        "sv": "DOCX-filen är skadad och kunde inte läsas ({error}).",
        "en": "The DOCX file is damaged and could not be read ({error}).",
    },
    DOCX_UNPACKS_TOO_LARGE: {
        "fi": "DOCX-tiedosto purkautuisi liian suureksi ({size} Mt, enintään {limit} Mt); "
        "sitä ei luettu.",
        "sv": "DOCX-filen skulle packas upp till en för stor storlek ({size} MB, högst "
        "{limit} MB); den lästes inte.",
        "en": "The DOCX file would unpack to too large a size ({size} MB, at most {limit} MB); "
        "it was not read.",
    },
    DOCX_COMPRESSION_RATIO: {
        "fi": "DOCX-tiedoston osa {part} on pakattu epätavallisen tiiviisti ({ratio}-kertaisesti, "
        "enintään {limit}); tiedostoa ei luettu, koska se voi olla purkupommi.",
        "sv": "Delen {part} i DOCX-filen är ovanligt hårt komprimerad ({ratio} gånger, högst "
        "{limit}); filen lästes inte eftersom den kan vara en dekomprimeringsbomb.",
        "en": "The part {part} of the DOCX file is unusually highly compressed ({ratio} times, "
        "at most {limit}); the file was not read because it may be a decompression bomb.",
    },
    PDF_LIBRARY_MISSING: {
        "fi": "PDF-tiedostoja ei voi lukea: pypdf-kirjasto puuttuu.",
        "sv": "PDF-filer kan inte läsas: biblioteket pypdf saknas.",
        "en": "PDF files cannot be read: the pypdf library is missing.",
    },
    PDF_CORRUPT: {
        "fi": "PDF-tiedosto on vioittunut eikä sitä voitu lukea ({error}).",
        "sv": "PDF-filen är skadad och kunde inte läsas ({error}).",
        "en": "The PDF file is damaged and could not be read ({error}).",
    },
    PDF_ENCRYPTED: {
        "fi": "PDF-tiedosto on salattu (suojattu salasanalla); sitä ei voi lukea.",
        "sv": "PDF-filen är krypterad (skyddad med lösenord); den kan inte läsas.",
        "en": "The PDF file is encrypted (password protected); it cannot be read.",
    },
    PDF_NO_PAGES: {
        "fi": "PDF-tiedostossa ei ole yhtään sivua.",
        "sv": "PDF-filen har inga sidor.",
        "en": "The PDF file has no pages.",
    },
    PDF_NO_TEXT_LAYER: {
        "fi": "PDF-tiedostossa ei ole tekstikerrosta; se tarvitsee tekstintunnistuksen (OCR).",
        "sv": "PDF-filen har inget textlager; den behöver textigenkänning (OCR).",
        "en": "The PDF file has no text layer; it needs text recognition (OCR).",
    },
    HTML_UNREADABLE: {
        "fi": "HTML-tiedostoa ei voitu lukea ({error}).",
        "sv": "HTML-filen kunde inte läsas ({error}).",
        "en": "The HTML file could not be read ({error}).",
    },
    HTML_TOO_MANY_ELEMENTS: {
        "fi": "HTML-tiedostossa on liikaa elementtejä (yli {limit}); sitä ei luettu.",
        "sv": "HTML-filen har för många element (över {limit}); den lästes inte.",
        "en": "The HTML file has too many elements (over {limit}); it was not read.",
    },
    HTML_TOO_DEEP: {
        "fi": "HTML-tiedoston elementit ovat liian syvällä sisäkkäin (yli {limit} tasoa); "
        "sitä ei luettu.",
        "sv": "Elementen i HTML-filen är för djupt nästlade (över {limit} nivåer); "
        "den lästes inte.",
        "en": "The elements of the HTML file are nested too deeply (over {limit} levels); "
        "it was not read.",
    },
    JSON_TOO_DEEP: {
        "fi": "JSON-tiedosto on liian syvälle sisäkkäinen luettavaksi.",
        "sv": "JSON-filen är för djupt nästlad för att läsas.",
        "en": "The JSON file is nested too deeply to be read.",
    },
    AHJO_JSON_NO_CONTENT: {
        "fi": "Ahjon JSON-tiedostossa ei ole päätöksen tekstiä (Content).",
        "sv": "Ahjos JSON-fil innehåller ingen beslutstext (Content).",
        "en": "The Ahjo JSON file has no decision text (Content).",
    },
    MIXED_ENCODING: {
        "fi": "Tiedostossa on sekaisin UTF-8- ja Windows-1252-merkistöä; "
        "merkistö korjattiin automaattisesti, tarkista ääkköset.",
        "sv": "Filen blandar teckenkodningarna UTF-8 och Windows-1252; "
        "kodningen rättades automatiskt, kontrollera å, ä och ö.",
        "en": "The file mixes the UTF-8 and Windows-1252 encodings; "
        "the encoding was repaired automatically, check the Finnish letters.",
    },
    MOJIBAKE_REPAIRED: {
        "fi": "Tiedostossa oli väärin tulkittuja ääkkösiä (esim. \u201c\u00c3\u00a4\u201d); "
        "ne korjattiin.",
        "sv": "Filen hade felaktigt tolkade bokstäver (t.ex. \u201c\u00c3\u00a4\u201d); "
        "de rättades.",
        "en": "The file had misread letters (e.g. \u201c\u00c3\u00a4\u201d); they were repaired.",
    },
    TIME_LIMIT: {
        "fi": "Asiakirjan lukeminen keskeytettiin {seconds} sekunnin jälkeen ennen vaihetta "
        "{stage}; sitä seuraavat tiedot jäivät lukematta.",
        "sv": "Läsningen av dokumentet avbröts efter {seconds} sekunder före steget {stage}; "
        "uppgifterna efter det lästes inte.",
        "en": "Reading the document was stopped after {seconds} seconds before the stage "
        "{stage}; what comes after it was not read.",
    },
    OCR_USED: {
        "fi": "PDF-tiedostossa ei ole tekstikerrosta; teksti tunnistettiin kuvasta (OCR, "
        "{pages} sivua, varmuus {confidence} %). Tarkista luvut asiakirjan kuvasta.",
        "sv": "PDF-filen har inget textlager; texten kändes igen ur bilden (OCR, {pages} sidor, "
        "säkerhet {confidence} %). Kontrollera siffrorna mot dokumentets bild.",
        "en": "The PDF file has no text layer; its text was recognised from the image (OCR, "
        "{pages} pages, confidence {confidence} %). Check the figures against the image.",
    },
    OCR_UNAVAILABLE: {
        "fi": "PDF-tiedostossa ei ole tekstikerrosta, eikä tekstintunnistusta (Tesseract) ole "
        "asennettu palvelimelle; asiakirjaa ei voitu lukea.",
        "sv": "PDF-filen har inget textlager och textigenkänning (Tesseract) är inte "
        "installerad på servern; dokumentet kunde inte läsas.",
        "en": "The PDF file has no text layer and text recognition (Tesseract) is not "
        "installed on the server; the document could not be read.",
    },
    OCR_NO_TEXT: {
        "fi": "PDF-tiedostossa ei ole tekstikerrosta, eikä tekstintunnistus (OCR) löytänyt "
        "sen sivuilta tekstiä.",
        "sv": "PDF-filen har inget textlager och textigenkänningen (OCR) hittade ingen text på "
        "dess sidor.",
        "en": "The PDF file has no text layer and text recognition (OCR) found no text on its "
        "pages.",
    },
    OCR_TRUNCATED: {
        "fi": "Skannatusta PDF-tiedostosta tunnistettiin vain {pages} ensimmäistä sivua "
        "({total} sivusta).",
        "sv": "Ur den skannade PDF-filen kändes bara de {pages} första sidorna igen (av {total}).",
        "en": "Only the first {pages} pages of the scanned PDF file were recognised (of {total}).",
    },
}

STAGE_NAMES: dict[str, dict[str, str]] = {
    "extract": {"fi": "tekstin poiminta", "sv": "textutvinning", "en": "text extraction"},
    "text view": {"fi": "tekstin siistiminen", "sv": "textrensning", "en": "text view"},
    "segments": {"fi": "virkkeisiin jako", "sv": "meningsindelning", "en": "segments"},
    "fields": {"fi": "kenttien tunnistus", "sv": "fältigenkänning", "en": "fields"},
    "form": {"fi": "lomakkeen luku", "sv": "formulärläsning", "en": "form"},
    "kind signals": {"fi": "asiakirjatyypin tunnusmerkit", "sv": "dokumenttypens kännetecken",
                     "en": "kind signals"},
    "figures": {"fi": "euromäärien tunnistus", "sv": "beloppsigenkänning", "en": "figures"},
    "calls": {"fi": "hakujen tunnistus", "sv": "utlysningar", "en": "calls"},
    "period": {"fi": "toteutusajan tunnistus", "sv": "genomförandetid", "en": "period"},
    "amounts": {"fi": "rahamäärät ja niiden osapuolet", "sv": "belopp och deras parter",
                "en": "amounts"},
    "districts": {"fi": "kaupunginosat", "sv": "stadsdelar", "en": "districts"},
    "roles": {"fi": "organisaatiot ja roolit", "sv": "organisationer och roller", "en": "roles"},
    "structured fields": {"fi": "rakenteiset kentät", "sv": "strukturerade fält",
                          "en": "structured fields"},
    "kind": {"fi": "asiakirjatyyppi", "sv": "dokumenttyp", "en": "kind"},
}  # fmt: skip


def message_text(code: str, language: str = "fi", **params) -> str:
    """The text of a message in ``language`` ("fi", "sv" or "en"; anything else gives Finnish).

    An unknown code gives the code itself, so that a newer reader never breaks an older caller.
    """
    texts = MESSAGES.get(code)
    if texts is None:
        return code
    language = language if language in LANGUAGES else "fi"
    if "stage" in params:
        params = {**params, "stage": STAGE_NAMES.get(params["stage"], {}).get(
            language, params["stage"])}  # fmt: skip
    return texts[language].format(**params)


@dataclass(frozen=True)
class Message:
    """One problem found while reading: a stable code and the values its text names."""

    code: str
    params: dict[str, str] = field(default_factory=dict)

    def text(self, language: str = "fi") -> str:
        return message_text(self.code, language, **self.params)

    def to_json_dict(self) -> dict:
        return {"code": self.code, "params": dict(self.params), "text": self.text("fi")}


def make(code: str, **params) -> Message:
    """A :class:`Message`, its parameters as strings (checked against the Finnish text)."""
    message = Message(code, {name: str(value) for name, value in params.items()})
    message.text("fi")  # a missing parameter is a bug: fail here, not in the user interface
    return message
