"""The STM call of 2024–2025 under assessment, with illustrative applications.

Seed 003 reports that the call received 32 entities (66 applications) and that "hakemusten
arviointi Hämeen ELYn ja STM:n yhteistyönä on parhaillaan käynnissä". The applications
themselves are not public, so the demo runs eight illustrative ones (fictional organisations,
flagged `is_illustrative` and badged on every page) through screening and joint assessment by
an ELY and an STM assessor, so that the funnel counted from records is not empty; the figures
the seed reports stay as reported, and the funnel page says where they differ from the records.
No decision is made: the seed says the assessment is under way.

The checklist's and the criteria's wording is illustrative too: the call notice's own text is
not among the seeds.
"""

from datetime import date
from decimal import Decimal

from hankesalkku.accounts.models import Role
from hankesalkku.accounts.services import role_assignment_grant, totp_enrol
from hankesalkku.assessment import services as assessment
from hankesalkku.organisations.models import Organisation, OrganisationType
from hankesalkku.organisations.services import organisation_create
from hankesalkku.programmes.models import Call
from hankesalkku.projects.models import ApplicationRole, ProjectKind, ProjectStatus
from hankesalkku.projects.services import application_create, project_entity_create

from .services import demo_user_reset
from .statuses import advance
from .users import DEMO_PASSWORD, totp_secret

T = OrganisationType
CHECKLIST = [
    "Hakija on haun mukainen toimija (hyvinvointialue, kunta tai järjestö)",
    "Toteutusaika on haun rajoissa",
    "Tukiprosentti on enintään 75 %",
    "Pakolliset liitteet on toimitettu",
    "Oma- tai kuntarahoitus on osoitettu",
]
CRITERIA = [  # wording, weight
    ("Vanhemmuuden tuen tarve ja tavoitteet on perusteltu", Decimal("2")),
    ("Toteutus osana hyvinvointialueen palveluja ja monialaista yhteistyötä", Decimal("1.5")),
    ("Tulosten levittäminen ja juurruttaminen", Decimal("1")),
]
# name, acronym, organisation, type, support applied, outcome, ELY scores, STM scores
APPLICATIONS = [
    ("Vanhemmuuden voimavarat", "VAVO", "Esimerkkihyvinvointialue Järvi-Suomi", T.WELLBEING_COUNTY,
     "1800000", "eligible", [5, 4, 4], [4, 4, 5]),
    ("Perhekeskus tutuksi", "PETU", "Esimerkkihyvinvointialue Rannikko", T.WELLBEING_COUNTY,
     "1500000", "eligible", [4, 4, 3], [4, 5, 3]),
    ("Isät mukaan", "ISMU", "Isyyden tuki ry (esimerkki)", T.ASSOCIATION,
     "900000", "eligible", [4, 3, 4], [2, 3, 4]),
    ("Arjen tuki kotiin", "ARKI", "Esimerkkihyvinvointialue Pohjoinen", T.WELLBEING_COUNTY,
     "1600000", "eligible", [3, 4, 3], [4, 3, 3]),
    ("Vertaisryhmät verkossa", "VERO", "Perheiden verkko ry (esimerkki)", T.ASSOCIATION,
     "1200000", "eligible", [3, 3, 2], [3, 2, 3]),
    ("Nuoret vanhemmat", "NUVA", "Esimerkkihyvinvointialue Itä", T.WELLBEING_COUNTY,
     "1100000", "eligible", [4, 4, 4], None),  # the ELY assessor's draft only
    ("Perheiden olohuone", "PEOL", "Olohuone ry (esimerkki)", T.ASSOCIATION,
     "700000", "supplement", None, None),
    ("Vanhempainkahvila", "VAKA", "Kahvilayhtiö Esimerkki Oy", T.COMPANY,
     "400000", "ineligible", None, None),
]  # fmt: skip


def _assessor(actor, username: str, role: str, organisation: Organisation, call: Call):
    """An illustrative assessor (demo password, TOTP from the username), named for the call."""
    person = demo_user_reset(actor=actor, username=username, password=DEMO_PASSWORD)
    role_assignment_grant(actor=actor, user=person, role=role, organisation=organisation)
    totp_enrol(actor=actor, user=person, secret=totp_secret(username))
    assessment.assessor_assign(actor=actor, call=call, user=person)
    assessment.conflict_declaration_create(actor=person, call=call, has_conflict=False)
    return person


def _submitted(actor, call, number, name, acronym, org_name, org_type, support):
    organisation = organisation_create(
        actor=actor, name=org_name, organisation_type=org_type, is_illustrative=True
    )
    entity = project_entity_create(
        actor=actor,
        name=name,
        acronym=acronym,
        kind=ProjectKind.SINGLE,
        slug=f"esimerkki-stm-{acronym.lower()}",
        call=call,
        theme=call.theme,
        funding_authority=call.funding_authority,
        starts=date(2025, 9, 1),
        ends=date(2027, 12, 31),
        is_illustrative=True,
        description="Havainnollistava hakemus, jolla esitellään haun arviointia.",
    )
    entity = advance(actor, entity, ProjectStatus.SUBMITTED)
    support = Decimal(support)
    total = (support / Decimal("0.75")).quantize(Decimal("0.01"))
    return application_create(
        actor=actor,
        entity=entity,
        organisation=organisation,
        role=ApplicationRole.MAIN_IMPLEMENTER,
        is_illustrative=True,
        starts=date(2025, 9, 1),
        ends=date(2027, 12, 31),
        total_cost=total,
        support=support,
        own_financing=total - support,
    )


def _score(person, application, criteria, values, *, submit: bool) -> None:
    assessment.scores_save(
        actor=person,
        application=application,
        entries=[
            (c, v, f"Havainnollistava perustelu: {c.wording.lower()} ({v}/5).", None)
            for c, v in zip(criteria, values, strict=True)
        ],
        submit=submit,
    )


def assessment_demo(actor, *, call: Call, ely: Organisation, stm: Organisation) -> list:
    """The call screened and assessed jointly; returns the illustrative applications."""
    items = [
        assessment.checklist_item_create(actor=actor, call=call, text=text, order=n)
        for n, text in enumerate(CHECKLIST)
    ]
    criteria = [
        assessment.criterion_create(
            actor=actor,
            call=call,
            wording=wording,
            weight=weight,
            scale_min=0,
            scale_max=5,
            order=n,
        )
        for n, (wording, weight) in enumerate(CRITERIA)
    ]
    ely_assessor = _assessor(actor, "ely-arvioija", Role.AUTHORITY_OFFICER, ely, call)
    stm_assessor = _assessor(actor, "stm-arvioija", Role.MINISTRY_VIEWER, stm, call)
    made = []
    for number, (name, acronym, org, kind, support, outcome, ely_v, stm_v) in enumerate(
        APPLICATIONS
    ):
        application = _submitted(actor, call, number, name, acronym, org, kind, support)
        answers = {item.pk: (True, "") for item in items}
        extra = {}
        if outcome == "ineligible":
            answers[items[0].pk] = (False, "Osakeyhtiö ei ole haun tukikelpoinen hakija.")
            extra["reason"] = "Hakija ei ole haussa tukikelpoinen toimija (yritys)."
        if outcome == "supplement":
            answers[items[3].pk] = (False, "Kuntarahoituksen sitoumus puuttuu.")
            extra |= {
                "reason": "Toimittakaa kuntarahoituksen sitoumus liitteeksi.",
                "supplement_deadline": date(2025, 4, 15),
            }
        assessment.screening_record(
            actor=actor, application=application, outcome=outcome, answers=answers, **extra
        )
        if ely_v:
            _score(ely_assessor, application, criteria, ely_v, submit=stm_v is not None)
        if stm_v:
            _score(stm_assessor, application, criteria, stm_v, submit=True)
        made.append(application)
    return made
