"""Small self-written documents, so the document tests run without the seed files."""

import pytest

from hankesalkku.organisations.models import OrganisationType
from tests.factories import OrganisationFactory, UserFactory

DECISION = """Helsingin kaupunki

3.4.2024

Strategiajohtaja

12 §

Osallistuminen ESR+ rahoitushakuun hankkeella Nuorten polut työhön

HEL 2024-000777 T 02 05 01 01

Päätös

Strategiajohtaja päätti hyväksyä Helsingin kaupungin osallistumisen ESR+ rahoitushakuun \
hankkeella ”Nuorten polut työhön” (POLKU) osatoteuttajana. Pääkoordinaattorina toimii \
Tampereen kaupunki.

Helsingin hankkeen kokonaisbudjetti on 200 000 euroa, josta enintään 50 000 euroa \
varaudutaan kattamaan keskitetyn hanketoiminnan määrärahasta talousarviokohdassa 1 50 04. \
Hankkeelle haetaan ulkopuolista tukea 150 000 euroa.

Hanke toteutetaan 1.1.2025-31.12.2026. Rahoittava viranomainen on Hämeen ELY-keskus.

Muutoksenhaku

Muutoksenhakukielto, valmistelu tai täytäntöönpano
""".encode()

# Binary junk that is not any supported format; fixed so the test is repeatable.
JUNK = bytes(range(256)) * 8
NOTHING = b"Kahvinkeitin on rikki. Korjaaja tulee tiistaina kello kymmenen.\n"
PDF_WITHOUT_TEXT = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>>endobj\n"
    b"xref\n0 4\n0000000000 65535 f \n0000000009 00000 n \n0000000052 00000 n \n"
    b"0000000101 00000 n \ntrailer<</Size 4/Root 1 0 R>>\nstartxref\n164\n%%EOF\n"
)
CORRUPT_PDF = b"%PDF-1.7\n" + bytes(range(200)) * 3


# A decision whose last lines were saved in Windows-1252 after a UTF-8 start.
MIXED_ENCODING = DECISION + "Lisätietoja antaa hankepäällikkö Mäkelä.\n".encode("cp1252")


def encrypted_pdf() -> bytes:
    from io import BytesIO

    from pypdf import PdfReader, PdfWriter

    from hankesalkku.core.pdf import html_to_pdf

    pdf = html_to_pdf("<p>HEL 2024-000777 kokonaisbudjetti 100 000 euroa</p>")
    writer = PdfWriter()
    writer.append(PdfReader(BytesIO(pdf)))
    writer.encrypt(user_password="salainen", owner_password="omistaja")
    buffer = BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


@pytest.fixture
def officer(db):
    return UserFactory.staff(username="virkailija")


@pytest.fixture
def helsinki(db):
    return OrganisationFactory(
        name="Helsinki",
        slug="helsinki-kaupunki",
        organisation_type=OrganisationType.MUNICIPALITY,
        business_id="0201256-6",
    )


def value_named(extraction, name, group=None):
    """The one extracted value of this name (field name or role)."""
    found = [
        v for v in extraction.values.all() if v.name == name and (group is None or v.group == group)
    ]
    assert found, f"no extracted value {name!r}"
    return found[0]
