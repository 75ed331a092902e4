"""Whatever a person, a browser or a file sends, each parser reads it or refuses it: no crash.

A funding officer pastes a figure with forty digits, an old bookmark carries a cursor that was
never ours, a preparer attaches a half-downloaded DOCX: each is read, or refused with a message
or a note, and never becomes a 500 or a lost document. Hypothesis makes the inputs (within the
budget of `conftest.py`); the promises are `properties.py`, which the million-input run
`benchmarks/fuzz_reader.py` checks too.
"""

import io
import string
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.factories import ApplicationFactory, CallFactory, DecisionFactory, OrganisationFactory

from . import properties

DOCS = Path(__file__).resolve().parents[2] / "evaluation" / "reader" / "docs"
SAMPLES = [
    path.read_bytes()[:3000]
    for path in sorted(DOCS.glob("*.txt"))[:12]
    if not path.name.endswith(".expected.json")
]

digits = st.integers(min_value=0, max_value=10**60).map(str)
spaced_digits = st.lists(st.integers(0, 999).map(str), min_size=1, max_size=20).map(" ".join)
figure = st.one_of(
    digits,
    spaced_digits,
    st.tuples(digits, st.sampled_from(["", ",00", ",5", ".25", " €", " euroa", "e99", "E-5"])).map(
        "".join
    ),
    st.sampled_from(["NaN", "Infinity", "-0", "sNaN", "1e999999", "١٢٣", "٫", "\u00a0", "€"]),
)
typed = st.one_of(figure, st.text(max_size=60))
sentence = st.builds(
    "{} {} {} {}".format,
    st.sampled_from(["Hankkeen tuki", "Kokonaisbudjetti on enintään", "Talousarviokohta 1 50 04"]),
    figure,
    st.sampled_from(["euroa.", "€ ajalle 1.9.2024–31.8.2027.", "% (75 %)", ""]),
    st.text(max_size=40),
)


def _mutated(sample: bytes, cuts: list[tuple[int, bytes]]) -> bytes:
    data = bytearray(sample)
    for where, piece in cuts:
        where %= len(data) + 1
        data[where:where] = piece
    return bytes(data)


mutated_document = st.builds(
    _mutated,
    st.sampled_from(SAMPLES or [b"Tuki 1 000 euroa."]),
    st.lists(st.tuples(st.integers(0, 3000), st.binary(max_size=12) | figure.map(str.encode))),
)


def _docx(body: bytes, damage: int) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"<w:document><w:body>" + body + b"</w:body>")
    raw = bytearray(out.getvalue())
    raw[damage % len(raw)] ^= 0xFF if damage else 0
    return bytes(raw)


office_file = st.builds(_docx, st.binary(max_size=200), st.integers(0, 400))


@given(
    data=st.one_of(
        st.binary(max_size=2000), mutated_document, office_file, sentence.map(str.encode)
    ),
    filename=st.sampled_from(properties.READER_EXTENSIONS).map("asiakirja{}".format),
)
def test_the_reader_reads_any_bytes_and_never_loses_a_document_to_a_crash(data, filename):
    properties.reader(data, filename)


@given(typed)
def test_an_amount_is_two_decimals_of_euros_or_nothing(text):
    properties.amount(text)


@given(st.one_of(st.text(max_size=30), st.from_regex(r"\A\d{1,4}[.-]\d{1,4}[.-]\d{1,6}\Z")))
def test_a_date_is_a_date_or_nothing(text):
    properties.day(text)


@given(
    st.one_of(st.text(max_size=200), st.binary(max_size=3000).map(properties.as_cursor)),
    st.integers(1, 4),
)
def test_a_cursor_that_is_not_ours_is_ignored(text, length):
    properties.cursor(text, length)


@given(st.text(max_size=80))
def test_an_unknown_sort_is_ignored_with_one_note(text):
    properties.sort(text)


@given(st.dictionaries(st.sampled_from(["kind", "region", "other"]), st.text(max_size=80)))
def test_an_unknown_filter_value_is_ignored_with_a_note(params):
    properties.filters(params)


@pytest.mark.django_db
@given(
    name=st.text(string.ascii_letters + "äö.-_ %", max_size=30),
    content=st.one_of(st.binary(max_size=2000), office_file, mutated_document),
)
def test_an_attachment_is_one_of_the_allowed_kinds_or_refused_by_name(name, content):
    properties.upload(name, content)


budget_fields = ["version", "starts", "ends", "support", "municipal_financing", "category"]
budget_fields += ["year", "amount", "annual_pay", "hours", "use_flat_rate"]


@given(st.dictionaries(st.sampled_from(budget_fields), typed))
def test_a_budget_form_is_valid_or_says_what_is_wrong(data):
    properties.budget_form(data)


# -- the pages and the API that read their query string -----------------------------------

QUERY_PAGES = [
    ("/hankkeet/", ["call", "theme", "ministry", "kind", "region", "sort", "after", "page"]),
    ("/paatokset/", ["sort", "after", "page"]),
    ("/organisaatiot/", ["sort", "after", "page"]),
    ("/haut/", ["sort", "after", "page"]),
    ("/yleiskuva/", ["theme", "ministry", "region", "sector", "call", "kind"]),
    ("/yleiskuva/organisaatio/", ["organisation"]),
    ("/haku/", ["q", "laji", "vuosi", "sivu"]),
    ("/verkosto/", ["toimiala", "alue"]),
    (
        "/api/v1/project-entities/",
        ["call", "kind", "sector", "status", "after", "sort", "page", "page_size"],
    ),
    ("/api/v1/decisions/", ["after", "sort", "page", "page_size"]),
    ("/api/v1/organisations/", ["after", "sort", "page", "page_size"]),
]


@pytest.fixture
def portfolio(db):
    """A little of everything the lists show: a call, two projects, a decision."""
    CallFactory(slug="stm-2024")
    ApplicationFactory(organisation=OrganisationFactory(slug="helsinki"))
    ApplicationFactory()
    DecisionFactory()


@settings(max_examples=40, deadline=None)
@given(page=st.sampled_from(QUERY_PAGES), data=st.data())
def test_no_query_string_makes_a_list_or_the_api_fail(client, portfolio, page, data):
    url, names = page
    value = st.one_of(typed, st.sampled_from(["'", "%27", "-support", "2", "0", "1" * 40]))
    params = data.draw(st.dictionaries(st.sampled_from(names), value, max_size=4))
    response = client.get(url, params)
    assert response.status_code in (200, 302, 400, 404), (url, params, response.status_code)
    if url.startswith("/api/") and response.status_code != 200:
        assert response["Content-Type"].startswith("application/json")
