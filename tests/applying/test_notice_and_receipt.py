"""On submit the funding authority's officers get a mail naming the entity and the part, each
in their own language; the signatory gets a receipt PDF (fi or sv) of every figure as
submitted, with the euro sign, Finnish letters and page numbers as printed."""

import io
from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import reverse
from pypdf import PdfReader

from hankesalkku.accounts.models import Role
from hankesalkku.applying.models import NoticeLanguage
from hankesalkku.applying.receipt import receipt_pdf
from hankesalkku.applying.services import (
    application_budget_set,
    application_start,
    application_submit,
)
from hankesalkku.core.money import Qualifier
from tests.factories import OrganisationFactory

from .factories import HELSINKI, open_call, person
from .test_group_application import STAFF, _period

pytestmark = pytest.mark.django_db


@pytest.fixture
def ready():
    call = open_call()
    helsinki = OrganisationFactory(**HELSINKI)
    people = {
        "preparer": person(helsinki, Role.PREPARER),
        "signatory": person(helsinki, Role.SIGNATORY),
        "officer_fi": person(call.funding_authority, Role.AUTHORITY_OFFICER, email="fi@ely.fi"),
        "officer_sv": person(call.funding_authority, Role.AUTHORITY_OFFICER, email="sv@ely.fi"),
    }
    part = application_start(
        actor=people["preparer"],
        call=call,
        organisation=helsinki,
        name="Hyvinvoinnista ja osallisuudesta toimintakykyä",
        acronym="HOT",
    )
    part = application_budget_set(
        actor=people["preparer"],
        application=part,
        lines=STAFF,
        use_flat_rate=True,
        support=Decimal("126000.00"),
        support_qualifier=Qualifier.AT_MOST,
        **_period(),
    )
    return part, people


def test_each_officer_of_the_funding_authority_is_told_in_their_language(
    ready, django_capture_on_commit_callbacks
):
    part, people = ready
    NoticeLanguage.objects.create(user=people["officer_sv"], language="sv")
    with django_capture_on_commit_callbacks(execute=True):
        application_submit(actor=people["signatory"], application=part)
    by_recipient = {tuple(message.to): message for message in mail.outbox}
    assert set(by_recipient) == {("fi@ely.fi",), ("sv@ely.fi",)}
    finnish = by_recipient[("fi@ely.fi",)]
    assert finnish.subject == (
        "Uusi hakemus Hyvinvoinnista ja osallisuudesta toimintakykyä (HOT): Helsingin kaupunki"
    )
    assert "Helsingin kaupunki (toteuttaja) on lähettänyt osansa" in finnish.body
    assert "enintään 126\u00a0000\u00a0€" in finnish.body
    swedish = by_recipient[("sv@ely.fi",)]
    assert swedish.subject.startswith("Ny ansökan Hyvinvoinnista")
    assert "Helsingin kaupunki" in swedish.subject


def test_a_failed_submit_tells_nobody(ready, django_capture_on_commit_callbacks):
    part, people = ready
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(PermissionDenied):
        application_submit(actor=people["preparer"], application=part)  # not a signatory
    assert mail.outbox == []


def _text(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    text = "\n".join(page.extract_text() for page in reader.pages)
    return " ".join(text.replace("\u00a0", " ").split())  # lines wrap where the page is full


def test_the_receipt_prints_every_figure_as_submitted_in_finnish_and_swedish(ready):
    part, people = ready
    part = application_submit(actor=people["signatory"], application=part)
    version = part.submitted_versions.get()
    finnish = _text(receipt_pdf(version, "fi"))
    assert "Vastaanottokuitti: hakemus lähetetty" in finnish
    assert "Hyvinvoinnista ja osallisuudesta toimintakykyä (HOT)" in finnish
    assert "168 000 €" in finnish  # 120 000 + 40 % flat rate
    assert "enintään 126 000 €" in finnish  # the qualifier kept
    assert "40 % × 120 000,00 € henkilöstökustannuksista" in finnish
    assert "1 / 1" in finnish  # page numbers
    swedish = _text(receipt_pdf(version, "sv"))
    assert "Mottagningskvitto" in swedish and "168 000 €" in swedish

    browser = Client()
    browser.force_login(people["signatory"])
    answer = browser.get(reverse("applying:receipt", args=[part.pk, 1]) + "?kieli=sv")
    assert answer["Content-Type"] == "application/pdf" and answer.content.startswith(b"%PDF")


def test_the_swedish_receipt_names_the_role_in_swedish_and_an_old_version_still_prints(ready):
    part, people = ready
    part = application_submit(actor=people["signatory"], application=part)
    version = part.submitted_versions.get()
    assert version.figures["role_code"] == "implementer"
    swedish = _text(receipt_pdf(version, "sv"))
    assert "genomförare" in swedish and "toteuttaja" not in swedish
    assert "toteuttaja" in _text(receipt_pdf(version, "fi")).lower()
    del version.figures["role_code"]  # frozen before the code was kept: its text as it was
    version.figures["role"] = "toteuttaja"
    assert "toteuttaja" in _text(receipt_pdf(version, "sv"))
