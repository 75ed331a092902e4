"""Issue 11 told end to end through the pages: the Helsingin malli call with its three-level
framework and target districts → an application stating its targets → the funding decision →
the first year's report at the three levels, filled by the preparer, sent by the signatory and
accepted by the officer → the results per district and level → the impact study PDF."""

import datetime
from decimal import Decimal
from io import BytesIO

import pytest
from django.urls import reverse
from pypdf import PdfReader

from hankesalkku.accounts.models import Role
from hankesalkku.programmes.models import ImpactFramework, ImpactLevel
from hankesalkku.projects.models import Application, ApplicationStatus, ProjectStatus
from hankesalkku.reporting import services
from hankesalkku.reporting.models import Report, ReportStatus, TargetDistrict
from tests.assessment.factories import assessed_call, grant
from tests.factories import ApplicationFactory, ProjectEntityFactory, UserFactory

from .factories import DistrictFactory

pytestmark = pytest.mark.django_db

DISTRICT_CSV = (
    "kaupunginosa;mittari;yksikkö;vuosi;arvo;lähde;havainnollistava\n"
    "malmi;Työttömyysaste;%;2024;12,1;Esimerkkilähde;kyllä\n"
    "kontula;Työttömyysaste;%;2024;14,3;Esimerkkilähde;kyllä\n"
    "kallio;Työttömyysaste;%;2024;6,5;Esimerkkilähde;kyllä\n"
)


def pdf_text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(BytesIO(pdf)).pages)


def test_helsingin_malli_from_call_to_impact_study(client):
    made = assessed_call()
    call, officer = made.call, made.officer
    framework = ImpactFramework.objects.create(name="Kolmikantainen vaikuttavuuskokonaisuus")
    levels = [
        ImpactLevel.objects.create(framework=framework, order=n, name=name)
        for n, name in enumerate(("Asukkaat", "Aluetoimijat", "Taidelaitokset"), start=1)
    ]
    call.impact_framework = framework
    call.save()
    malmi = DistrictFactory(slug="malmi", name="Malmi")
    DistrictFactory(slug="kontula", name="Kontula")
    DistrictFactory(slug="kallio", name="Kallio")
    reached = services.indicator_create(
        actor=officer,
        name="Toimintaan osallistuneet asukkaat",
        unit="henkilöä",
        call=call,
        level=levels[0],
        outcome=services.outcome_create(actor=officer, level=levels[0], name="Osallisuus kasvaa"),
    )
    grade = services.indicator_create(
        actor=officer,
        name="Aluetoimijoiden arvio yhteistyöstä",
        kind="scale",
        scale_min=Decimal(1),
        scale_max=Decimal(5),
        call=call,
        level=levels[1],
    )
    learnt = services.indicator_create(
        actor=officer, name="Mitä taidelaitos oppi", kind="narrative", call=call, level=levels[2]
    )

    # The officer sets the schedule, the target districts with their rationale, and imports
    # the districts' figures.
    client.force_login(officer)
    schedule = reverse("reporting:schedule", args=[call.slug])
    answer = client.post(
        schedule, {"first_year": "2025", "last_year": "2027", "due_day": "31", "due_month": "1"}
    )
    assert answer.status_code == 302 and call.report_periods.count() == 3
    form = reverse("reporting:target_districts", args=[call.slug])
    assert client.post(form, {"district": malmi.pk, "rationale": ""}).status_code == 400
    rationale = "Työttömyysaste selvästi yli kaupungin mediaanin."
    assert client.post(form, {"district": malmi.pk, "rationale": rationale}).status_code == 302
    assert TargetDistrict.objects.get(call=call, district=malmi).rationale == rationale
    client.post(reverse("reporting:district_import"), {"text": DISTRICT_CSV})

    # The applicant states its targets and district while preparing the application.
    entity = ProjectEntityFactory(call=call, status=ProjectStatus.PLANNED)
    part = ApplicationFactory(
        entity=entity,
        starts=datetime.date(2025, 1, 1),
        ends=datetime.date(2027, 12, 31),
        support=Decimal("75000.00"),
        own_financing=Decimal("25000.00"),
    )
    preparer, signatory = UserFactory(), UserFactory(email="allekirjoittaja@example.org")
    grant(preparer, Role.PREPARER, organisation=part.organisation)
    grant(signatory, Role.SIGNATORY, organisation=part.organisation)
    client.force_login(preparer)
    targets = reverse("reporting:part_targets", args=[part.pk])
    bad = client.post(targets, {f"value-{reached.pk}": "paljon"})
    assert bad.status_code == 400 and "”paljon” ei ole luku" in bad.content.decode()
    answer = client.post(
        targets, {f"value-{reached.pk}": "900", f"value-{grade.pk}": "4", "districts": [malmi.pk]}
    )
    assert answer.status_code == 302
    assert part.indicator_targets.get(indicator=reached).target == 900

    # Submitted (the applying area's step), screened, scored and decided.
    Application.objects.filter(pk=part.pk).update(status=ApplicationStatus.SUBMITTED)
    part.refresh_from_db()
    made.screen_eligible(part)
    for assessor in (made.ely_assessor, made.stm_assessor):
        made.declare(assessor)
        made.score(assessor, part, [4, 4])
    made.fund(part)
    part.refresh_from_db()
    assert part.status == ApplicationStatus.FUNDED

    # The first year's report at three levels: the preparer fills, the signatory sends.
    period = call.report_periods.order_by("starts").first()
    answer = client.post(reverse("reporting:part_reports", args=[part.pk]), {"period": period.pk})
    report = Report.objects.get(application=part, period=period)
    assert answer.url == reverse("reporting:report", args=[report.pk])
    form = reverse("reporting:report_form", args=[report.pk])
    page = client.get(form).content.decode()
    for heading in ("Asukkaat", "Aluetoimijat", "Taidelaitokset", "Osallisuus kasvaa"):
        assert heading in page
    wrong = client.post(
        form,
        {"version": report.version, f"value-{reached.pk}": "340", f"value-{grade.pk}": "7"},
        HTTP_HX_REQUEST="true",
    )
    assert wrong.status_code == 400 and "välillä 1.00–5.00" in wrong.content.decode()
    assert not report.values.exists()  # nothing half-saved
    story = "Teatteri oppi tekemään esityksiä asukkaiden kertomuksista."
    saved = client.post(
        form,
        {
            "version": report.version,
            f"value-{reached.pk}": "340",
            f"value-{grade.pk}": "4",
            f"value-{learnt.pk}": story,
        },
        HTTP_HX_REQUEST="true",
    )
    assert saved.status_code == 200 and "Raportti tallennettu" in saved.content.decode()
    report.refresh_from_db()
    send = reverse("reporting:report_send", args=[report.pk])
    assert client.post(send, {"version": report.version}).status_code == 403
    client.force_login(signatory)
    client.post(send, {"version": report.version})
    report.refresh_from_db()
    assert report.status == ReportStatus.SUBMITTED

    # The officer sees it waiting, and accepts it (a return needs its reason).
    client.force_login(officer)
    assert entity.name in client.get(reverse("reporting:reports_waiting")).content.decode()
    review = reverse("reporting:report_review", args=[report.pk])
    assert client.post(review, {"decision": "return", "version": report.version}).status_code == 400
    client.post(review, {"decision": "accept", "version": report.version})
    report.refresh_from_db()
    assert report.status == ReportStatus.ACCEPTED

    # Results per district and level, and the comparison with the city's median.
    results = client.get(
        reverse("reporting:aggregate"), {"haku": call.slug, "kaupunginosa": "malmi"}
    ).content.decode()
    assert "340" in results and "38 %" in results and '<svg class="chart" role="img"' in results
    by_level = client.get(
        reverse("reporting:aggregate"), {"haku": call.slug, "taso": levels[2].pk}
    ).content.decode()
    assert story in by_level and "Toimintaan osallistuneet asukkaat" not in by_level
    districts = client.get(reverse("reporting:districts", args=[call.slug])).content.decode()
    assert rationale in districts and "12,1" in districts

    # The impact study.
    pdf = client.get(reverse("reporting:impact_pdf", args=[call.slug]))
    text = pdf_text(pdf.content)
    for expected in ("Asukkaat", "Aluetoimijat", "Taidelaitokset", "Malmi", "Teatteri oppi"):
        assert expected in text
    assert "Tavoite 900" in text and "toteutunut 340" in text
