"""Issue 11 told end to end through the pages: the officer builds the Helsingin malli call's
three-level framework on its page (levels, outcomes, indicators, a final report question) and
its target districts → an application stating its targets → the funding decision → the first
year's report at the three levels with the participants by gender, filled by the preparer, and
the final report's answer, sent by the signatory and accepted by the officer → the results per
district, level and breakdown → the impact study PDF with the breakdown and the answer."""

import datetime
from decimal import Decimal
from io import BytesIO

import pytest
from django.urls import reverse
from pypdf import PdfReader

from hankesalkku.accounts.models import Role
from hankesalkku.projects.models import Application, ApplicationStatus, ProjectStatus
from hankesalkku.reporting.aggregation import aggregate
from hankesalkku.reporting.models import Breakdown, Report, ReportStatus, TargetDistrict
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
    malmi = DistrictFactory(slug="malmi", name="Malmi")
    DistrictFactory(slug="kontula", name="Kontula")
    DistrictFactory(slug="kallio", name="Kallio")

    # The officer builds the call's framework on its page: the framework, three levels, an
    # outcome per level, an indicator per outcome, and a question of the final report.
    client.force_login(officer)
    page = reverse("reporting:framework", args=[call.slug])
    assert client.post(page, {"name": "Kolmikantainen vaikuttavuuskokonaisuus"}).status_code == 302
    call.refresh_from_db()
    new = lambda kind: reverse("reporting:framework_new", args=[call.slug, kind])  # noqa: E731
    for order, name in enumerate(("Asukkaat", "Aluetoimijat", "Taidelaitokset"), start=1):
        assert client.post(new("taso"), {"name": name, "order": order}).status_code == 302
    levels = list(call.impact_framework.levels.order_by("order"))
    outcomes = []
    for level, name in zip(
        levels, ("Osallisuus kasvaa", "Yhteistyö vahvistuu", "Laitokset uudistuvat"), strict=True
    ):
        assert client.post(new("muutos"), {"level": level.pk, "name": name}).status_code == 302
        outcomes.append(level.outcomes.get())
    gender = Breakdown.objects.get(slug="gender")
    answer = client.post(
        new("indikaattori"),
        {
            "name": "Toimintaan osallistuneet asukkaat",
            "outcome": outcomes[0].pk,
            "kind": "quantitative",
            "unit": "henkilöä",
            "baseline": "0",
            "target": "3000",
            "direction": "increase",
            "breakdowns": [gender.pk],
        },
    )
    assert answer.status_code == 302
    reached = call.indicators.get(name="Toimintaan osallistuneet asukkaat")
    assert reached.level == levels[0] and list(reached.breakdowns.all()) == [gender]
    client.post(
        new("indikaattori"),
        {
            "name": "Aluetoimijoiden arvio yhteistyöstä",
            "outcome": outcomes[1].pk,
            "kind": "scale",
            "scale_min": "1",
            "scale_max": "5",
            "direction": "increase",
        },
    )
    grade = call.indicators.get(kind="scale")
    client.post(
        new("indikaattori"),
        {
            "name": "Mitä taidelaitos oppi",
            "outcome": outcomes[2].pk,
            "kind": "narrative",
            "direction": "increase",
        },
    )
    learnt = call.indicators.get(kind="narrative")
    question = "Miten toiminta jatkuu hankkeen jälkeen?"
    assert client.post(new("kysymys"), {"text": question, "order": 1}).status_code == 302
    built = client.get(page).content.decode()
    for shown in ("Aluetoimijat", "Yhteistyö vahvistuu", "Mitä taidelaitos oppi", question):
        assert shown in built

    # The officer sets the schedule, the target districts with their rationale, and imports
    # the districts' figures.
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
    # The participants are asked by gender as well as in total; the categories must add up.
    women, men, non_binary = (f"breakdown-{reached.pk}-{c.pk}" for c in gender.categories.all())
    assert women in page and "Muunsukupuoliset" in page
    story = "Teatteri oppi tekemään esityksiä asukkaiden kertomuksista."
    filled = {
        "version": report.version,
        f"value-{reached.pk}": "340",
        f"value-{grade.pk}": "4",
        f"value-{learnt.pk}": story,
        women: "200",
        men: "130",
        non_binary: "0",
    }
    short = client.post(form, filled, HTTP_HX_REQUEST="true")
    assert short.status_code == 400
    assert (
        "Toimintaan osallistuneet asukkaat, Sukupuoli: luokkien summa 330 ei ole sama kuin "
        "kokonaismäärä 340." in short.content.decode()
    )
    saved = client.post(form, {**filled, non_binary: "10"}, HTTP_HX_REQUEST="true")
    assert saved.status_code == 200 and "Raportti tallennettu" in saved.content.decode()
    report.refresh_from_db()
    send = reverse("reporting:report_send", args=[report.pk])
    assert client.post(send, {"version": report.version}).status_code == 403

    # The final report asks the call's question besides the framework's indicators.
    final_period = call.report_periods.order_by("starts").last()
    client.post(
        reverse("reporting:part_reports", args=[part.pk]),
        {"period": final_period.pk, "kind": "final"},
    )
    final = Report.objects.get(application=part, kind="final")
    final_form = reverse("reporting:report_form", args=[final.pk])
    asked = client.get(final_form).content.decode()
    assert question in asked
    [asked_question] = call.final_report_questions.all()
    goes_on = "Kirjasto jatkaa kerhoja."
    answered = client.post(
        final_form,
        {
            "version": final.version,
            f"value-{learnt.pk}": "Taidelaitos jatkaa yhteistyötä.",
            f"answer-{asked_question.pk}": goes_on,
        },
        HTTP_HX_REQUEST="true",
    )
    assert answered.status_code == 200
    assert final.answers.get().text == goes_on

    client.force_login(signatory)
    for sent in (report, final):
        sent.refresh_from_db()
        client.post(reverse("reporting:report_send", args=[sent.pk]), {"version": sent.version})
        sent.refresh_from_db()
        assert sent.status == ReportStatus.SUBMITTED

    # The officer sees them waiting, and accepts them (a return needs its reason).
    client.force_login(officer)
    assert entity.name in client.get(reverse("reporting:reports_waiting")).content.decode()
    review = reverse("reporting:report_review", args=[report.pk])
    assert client.post(review, {"decision": "return", "version": report.version}).status_code == 400
    client.post(review, {"decision": "accept", "version": report.version})
    client.post(
        reverse("reporting:report_review", args=[final.pk]),
        {"decision": "accept", "version": final.version},
    )
    for accepted in (report, final):
        accepted.refresh_from_db()
        assert accepted.status == ReportStatus.ACCEPTED

    # The breakdown adds up per category, per district as for the whole call.
    for district in (None, malmi):
        [residents] = aggregate(call, district=district, level=levels[0])[0].indicators
        assert residents.breakdowns == [
            ("Sukupuoli", [("Naiset", 200), ("Miehet", 130), ("Muunsukupuoliset", 10)])
        ]
    impact = client.get(reverse("reporting:call_impact", args=[call.slug])).content.decode()
    assert "<caption>Sukupuoli</caption>" in impact and '<th scope="row">Naiset</th>' in impact

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
    for expected in ("Sukupuoli", "Naiset", "Muunsukupuoliset", question, goes_on):
        assert expected in text
