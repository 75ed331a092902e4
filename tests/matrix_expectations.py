"""What each role may get from each URL: the table `test_permission_matrix` checks.

A row is `(who, GET, POST)`; the first row whose `who` holds the role and whose cell for the
method is not `None` decides. A cell is a status, a redirect target (`LOGIN`, `ADMIN_LOGIN`,
`REDIRECT`) or a tuple of those, any of which will do. Categories are lists of rows; an entry
for one URL puts its own rows in front of a category's (`override(...)`), so a page that differs
from its kind says so next to its name.

Keys are URL names as `reverse()` takes them. A pattern without a name is keyed by its route
(`route:<route>`). The admin's patterns are not listed here: the test derives each one's
expectation from its name (`admin:<app>_<model>_<view>`), since every registered model adds the
same views, and fails on an admin pattern it cannot place. A URL checked with several
sets of arguments (a public and a draft project) has one entry per variant, `name[variant]`.
"""

from __future__ import annotations

from dataclasses import dataclass

# --- Who ------------------------------------------------------------------------------------

ANONYMOUS = "anonymous"
ROLES = (
    ANONYMOUS,
    "preparer",  # Helsingin kaupunki
    "signatory",  # Helsingin kaupunki
    "finance_officer",  # Helsingin kaupunki
    "viewer",  # Oulun kaupunki: a member, but of another organisation than the draft's
    "authority_officer",  # Hämeen ELY-keskus
    "assessor",  # the demo call haku-2023-okm-stm
    "ministry_viewer",  # OKM
    "coordinator",  # the demo theme
    "grant_officer",  # Helsingin kaupunki
    "administrator",  # superuser and staff, with the administrator role
)
EVERYONE = frozenset(ROLES)
SIGNED_IN = EVERYONE - {ANONYMOUS}
STAFF = frozenset({"administrator"})
# Helsingin kaupunki's people: the members' roles there (the viewer is Oulu's; the grant
# officer's role is not a member's).
HELSINKI_PEOPLE = frozenset({"preparer", "signatory", "finance_officer"})
# The draft project is Helsingin kaupunki's: its people and administrators see it, nobody else
# (projects.permissions, ProjectEntity.objects.visible_to).
DRAFT_READERS = HELSINKI_PEOPLE | {"administrator"}
# The public project's trail: its implementers' people (Helsinki and Oulu), the officers of
# its funding authority (Hämeen ELY-keskus) and administrators (projects.permissions).
PUBLIC_PROJECT_TRAIL_READERS = HELSINKI_PEOPLE | {"viewer", "authority_officer", "administrator"}
# A decision's trail: the deciding organisation's people and administrators.
HELSINKI_DECISION_TRAIL_READERS = HELSINKI_PEOPLE | {"administrator"}
# How much of a commitment has been spent (and so is still open): Helsingin kaupunki's finance
# officer and administrators (decisions.permissions.can_view_commitment_spending).
SPENDING_READERS = frozenset({"finance_officer", "administrator"})
# The spent commitment co-finances a project Hämeen ELY-keskus funds: its officer sees
# that commitment's spending (the ledger narrowed to it, the commitment's page), no other.
COMMITMENT_SPENDING_READERS = SPENDING_READERS | {"authority_officer"}
# Helsingin kaupunki's signatory manages its members; administrators manage every organisation.
HELSINKI_MANAGERS = frozenset({"signatory", "administrator"})
# Reading documents into the records: funding authorities' officers and administrators
# (documents.permissions); the staff flag alone is not enough.
DOCUMENT_READERS = frozenset({"authority_officer", "administrator"})
# Importing districts' indicator values: officers of a funding authority or a city's grants,
# and administrators (reporting.permissions.can_import_district_values).
DISTRICT_IMPORTERS = frozenset({"authority_officer", "grant_officer", "administrator"})
# The one role whose user owns the passkey the WebAuthn pages are asked about (besides TOTP).
PASSKEY_OWNER = frozenset({"finance_officer"})
# Roles that must have a second factor (accounts.models.MFA_REQUIRED_ROLES); they have TOTP.
WITH_TOTP = frozenset(
    {
        "finance_officer",
        "authority_officer",
        "assessor",
        "ministry_viewer",
        "coordinator",
        "grant_officer",
        "administrator",
    }
)
WITHOUT_TOTP = SIGNED_IN - WITH_TOTP

METHODS = ("GET", "POST")


# --- What -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Redirect:
    """A redirect (302 or 301) to a named page, or (`to=None`) anywhere but a sign-in page."""

    to: str | None
    label: str

    def __repr__(self) -> str:
        return self.label


LOGIN = Redirect("account_login", "302→login")
ADMIN_LOGIN = Redirect("admin:login", "302→admin login")
REDIRECT = Redirect(None, "302 (not to sign in)")
SIGN_IN_PAGES = ("account_login", "admin:login")

OK_OR_405 = (200, 405)


def override(*rows, then):
    return [*rows, *then]


# --- Categories -----------------------------------------------------------------------------

# Public pages that show records: everyone reads them. A POST does nothing; the page may
# answer it like a GET or refuse the method.
PUBLIC = [(EVERYONE, 200, OK_OR_405)]
PUBLIC_GET_ONLY = [(EVERYONE, 200, 405)]
# A draft (planned) project, or a page that cites only it: the implementing organisation's
# people and administrators see it, everyone else gets "not found" (not "forbidden": a 403
# would tell that the draft exists).
DRAFT = [(DRAFT_READERS, 200, OK_OR_405), (EVERYONE, 404, (404, 405))]
# A change history (it names officials): for its readers; others are refused, the anonymous
# either refused or sent to sign in.


def trail(readers):
    return [
        (frozenset({ANONYMOUS}), (403, LOGIN), (403, LOGIN, 405)),
        (readers, 200, OK_OR_405),
        (SIGNED_IN, 403, (403, 405)),
    ]


# A payment claim of Helsinki's part in the public project: Helsinki's members, the funding
# authority's officer (Hämeen ELY-keskus) and administrators; others are told it is not found.
CLAIM_READERS = HELSINKI_PEOPLE | {"authority_officer", "administrator"}
CLAIM_PAGE = [
    (frozenset({ANONYMOUS}), LOGIN, LOGIN),
    (CLAIM_READERS, 200, 405),
    (SIGNED_IN, 404, 405),
]
CLAIM_API = [(frozenset({ANONYMOUS}), 401, 401), (CLAIM_READERS, 200, 405), (SIGNED_IN, 404, 405)]
# Actions take a body: an empty one is a 400 for those who may see the claim.
CLAIM_API_ACTION = [
    (frozenset({ANONYMOUS}), 401, 401),
    (CLAIM_READERS, 405, 400),
    (SIGNED_IN, 405, 404),
]
# The claim's forms (payments.claim_views), asked about the demo's first claim of Helsinki's
# part (paid, so no longer a draft). POST only; an empty post is the page again with its
# messages (400) for those the permission function lets through, 403 for the claim's other
# readers, 404 for those who may not see it.
CLAIM_PREPARERS = HELSINKI_PEOPLE | {"administrator"}  # can_prepare_claim
CLAIM_OFFICERS = frozenset({"authority_officer"})  # can_check_claim, can_pay_claim


def claim_action(allowed):
    return [
        (frozenset({ANONYMOUS}), LOGIN, LOGIN),
        (allowed, 405, 400),
        (CLAIM_READERS, 405, 403),
        (SIGNED_IN, 405, 404),
    ]


# A new claim for Helsinki's part: its preparers open the form; others are told why not.
CLAIM_NEW = [
    (frozenset({ANONYMOUS}), LOGIN, LOGIN),
    (CLAIM_PREPARERS, 200, 400),
    (SIGNED_IN, 403, 403),
]
# The live computation: the part's preparers only; to others it does not exist.
CLAIM_PREVIEW = [
    (frozenset({ANONYMOUS}), LOGIN, LOGIN),
    (CLAIM_PREPARERS, 405, 200),
    (SIGNED_IN, 405, 404),
]
# An advance on Helsinki's part: the funding authority's officer (an empty form is a 400).
ADVANCE = [
    (frozenset({ANONYMOUS}), LOGIN, LOGIN),
    (CLAIM_OFFICERS, 405, 400),
    (SIGNED_IN, 405, 403),
]
# A commitment's page and forms show and change spending: the finance office's.
COMMITMENT_PAGE = [
    (frozenset({ANONYMOUS}), LOGIN, LOGIN),
    (COMMITMENT_SPENDING_READERS, 200, 405),
    (SIGNED_IN, 403, 405),
]
COMMITMENT_FORM = [
    (frozenset({ANONYMOUS}), LOGIN, LOGIN),
    (SPENDING_READERS, 405, 400),
    (SIGNED_IN, 405, 403),
]
# Signed-in people only; the anonymous are sent to sign in.
SIGNED_IN_ONLY = [(frozenset({ANONYMOUS}), LOGIN, LOGIN), (SIGNED_IN, 200, 200)]
# allauth's pages for signing in: the anonymous use them; the signed-in are sent on.
SIGN_IN_PAGE = [(frozenset({ANONYMOUS}), 200, 200), (SIGNED_IN, REDIRECT, REDIRECT)]
# Reading documents into the records.
DOCUMENTS_PAGE = [
    (frozenset({ANONYMOUS}), LOGIN, LOGIN),
    (DOCUMENT_READERS, 200, 200),
    (SIGNED_IN, 403, 403),
]
# A reading batch's progress page, GET only: its sender (the officer) and administrators.
DOCUMENTS_BATCH = [
    (frozenset({ANONYMOUS}), LOGIN, 405),
    (DOCUMENT_READERS, 200, 405),
    (SIGNED_IN, 403, 405),
]
DOCUMENTS_ACTION = [  # POST only; a reader's post is answered by going back to the review
    (EVERYONE, 405, None),
    (frozenset({ANONYMOUS}), None, LOGIN),
    (DOCUMENT_READERS, None, REDIRECT),
    (SIGNED_IN, None, 403),
]
# Helsingin kaupunki's members page, and its forms (POST only).
MEMBERS_PAGE = [
    (EVERYONE, None, 405),
    (frozenset({ANONYMOUS}), LOGIN, None),
    (HELSINKI_MANAGERS, 200, None),
    (SIGNED_IN, 403, None),
]
MEMBERS_FORM = [  # an empty form comes back with its errors (400)
    (EVERYONE, 405, None),
    (frozenset({ANONYMOUS}), None, LOGIN),
    (HELSINKI_MANAGERS, None, 400),
    (SIGNED_IN, None, 403),
]
# A call's ranking and summaries: its funding authority's officers, its assessors, the viewers
# of its ministries (the demo call is OKM's and STM's) and administrators.
CALL_ASSESSMENT_READERS = frozenset(
    {"authority_officer", "assessor", "ministry_viewer", "administrator"}
)
CALL_ASSESSMENT = [
    (frozenset({ANONYMOUS}), LOGIN, None),
    (CALL_ASSESSMENT_READERS, 200, None),
    (SIGNED_IN, 403, None),
]
ASSESSMENT_API = [(frozenset({ANONYMOUS}), 401, 401), (SIGNED_IN, 200, 400)]
# One application's assessment: the call's officers, ministries and assessors, and the
# applicant's people (the public project's first part is Oulun kaupunki's: its viewer); each
# section decides the rest.
CALL_RUNNERS = frozenset({"authority_officer", "administrator"})
DECISION_READERS = frozenset({"viewer", "authority_officer", "ministry_viewer", "administrator"})
ASSESSMENT_OPENERS = DECISION_READERS | {"assessor"}
ASSESSMENT_PAGE = [
    (frozenset({ANONYMOUS}), LOGIN, LOGIN),
    (ASSESSMENT_OPENERS, 200, None),
    (SIGNED_IN, 403, 403),
]
# Every assessor's scores side by side: the call's officers and ministries (the assessor has
# submitted nothing in the demo call).
CALL_OVERSEERS_PAGE = [
    (frozenset({ANONYMOUS}), LOGIN, LOGIN),
    (frozenset({"authority_officer", "ministry_viewer", "administrator"}), 200, None),
    (SIGNED_IN, 403, None),
]
# The admin refuses everyone but staff by sending them to its sign-in page; the staff rows
# per view are in the test (`admin_rows`), from the view's name.
STAFF_ADMIN_OTHERS = [(EVERYONE - STAFF, ADMIN_LOGIN, ADMIN_LOGIN)]


API_READ = [(frozenset({ANONYMOUS}), 200, (401, 403)), (SIGNED_IN, 200, 405)]
# Reporting of Helsingin malli: the city's grant officer runs the call; with administrators
# they read its reports (reporting.permissions.runs_call, Report.objects.visible_to).
MALLI_READERS = frozenset({"grant_officer", "administrator"})
ANON_LOGIN = [(frozenset({ANONYMOUS}), LOGIN, LOGIN)]
MALLI_SETUP = [*ANON_LOGIN, (MALLI_READERS, 200, 400), (SIGNED_IN, 403, 403)]
# The ESR+ programme's own indicators: its theme's coordinator and administrators
# (reporting.permissions.can_manage_programme_reporting); an empty form is a 400, and so is
# deleting the demo's programme indicator, which has been reported on.
PROGRAMME_COORDINATION = frozenset({"coordinator", "administrator"})
PROGRAMME_SETUP = [*ANON_LOGIN, (PROGRAMME_COORDINATION, 200, 400), (SIGNED_IN, 403, 403)]
# Applying: the draft's part may be edited by Helsinki's preparer and signatory, submitted only
# by its signatory (refused there with 400: the demo call has closed); the call is closed, so
# nobody may start an application from it.
PART_EDITORS = frozenset({"preparer", "signatory"})
PART_ACTION = [  # POST only; an empty or refused post is 400, others 403, non-readers 404
    (EVERYONE, 405, None),
    (PART_EDITORS, None, 400),
    (DRAFT_READERS, None, 403),
    (EVERYONE, None, 404),
]
# The anonymous get 401 from the API: the token authentication asks for credentials.
API_ANONYMOUS = (frozenset({ANONYMOUS}), 401, 401)


# --- Entries --------------------------------------------------------------------------------

EXPECTED: dict[str, list] = {
    # The public site.
    "site:home": PUBLIC,
    "projects:list": PUBLIC,
    "projects:list[drafts asked for]": PUBLIC,  # ?status=planned: 200, the draft filtered out
    "projects:detail[public]": PUBLIC,
    "projects:detail[draft]": DRAFT,
    "projects:history[public]": trail(PUBLIC_PROJECT_TRAIL_READERS),
    "projects:history[draft]": DRAFT,  # not found comes first: the draft's people only
    # The selection's downloads: a draft asked for by status is filtered out as on the list.
    "projects:download[csv]": PUBLIC_GET_ONLY,
    "projects:download[xlsx]": PUBLIC_GET_ONLY,
    "projects:download[csv, drafts asked for]": PUBLIC_GET_ONLY,
    "programmes:call_list": PUBLIC,
    "programmes:call_detail": PUBLIC,
    "organisations:list": PUBLIC,
    "organisations:detail": PUBLIC,
    # payments: the ledger is the finance office's page (decisions.permissions'
    # can_view_commitment_spending); a claim is its implementer's people's, the funding
    # authority's officers' and administrators' (payments.permissions.can_view_claim).
    "payments:ledger": trail(COMMITMENT_SPENDING_READERS),
    "payments:ledger_xlsx": trail(COMMITMENT_SPENDING_READERS),
    "payments:my_claims": [(frozenset({ANONYMOUS}), LOGIN, LOGIN), (SIGNED_IN, 200, 405)],
    "payments:claim": CLAIM_PAGE,
    "payments:claim_new": CLAIM_NEW,
    "payments:claim_preview": CLAIM_PREVIEW,
    "payments:advance": ADVANCE,
    "payments:claim_edit": claim_action(CLAIM_PREPARERS),
    "payments:claim_submit": claim_action(CLAIM_READERS),  # the version is asked first
    "payments:claim_check": claim_action(CLAIM_OFFICERS),
    "payments:claim_reject": claim_action(CLAIM_OFFICERS),
    "payments:claim_pay": claim_action(CLAIM_OFFICERS),
    "payments:attachment_add": claim_action(CLAIM_PREPARERS),
    "payments:attachment": CLAIM_PAGE,
    # a paid claim's receipt stays: its preparers are told so (400), the officer may not (403)
    "payments:attachment_remove": claim_action(CLAIM_PREPARERS),
    "payments:commitment": COMMITMENT_PAGE,
    "payments:commitment_payment": COMMITMENT_FORM,
    "payments:commitment_plan": COMMITMENT_FORM,
    "payments:waiting": [(frozenset({ANONYMOUS}), LOGIN, LOGIN), (SIGNED_IN, 200, 405)],
    "payments:programme_money": PUBLIC_GET_ONLY,  # empty for those who may not see it
    "payments:project_money[public]": PUBLIC,
    "payments:project_money[draft]": DRAFT,
    "api:payment-claim-list": [(frozenset({ANONYMOUS}), 401, 401), (SIGNED_IN, 200, 400)],
    "api:payment-claim-detail": CLAIM_API,
    "api:payment-claim-submit": CLAIM_API_ACTION,
    "api:payment-claim-check": CLAIM_API_ACTION,
    "api:payment-claim-pay": CLAIM_API_ACTION,
    "api:payment-claim-update-draft": CLAIM_API_ACTION,
    "api:payment-claim-attachments": CLAIM_API_ACTION,
    "api:advance-list": [(frozenset({ANONYMOUS}), 401, 401), (SIGNED_IN, 200, 400)],
    "api:commitment-year-plan-list": [(frozenset({ANONYMOUS}), 401, 401), (SIGNED_IN, 200, 400)],
    "api:commitment-payment-list": [(frozenset({ANONYMOUS}), 401, 401), (SIGNED_IN, 200, 400)],
    "decisions:list": PUBLIC,
    "decisions:detail[public]": PUBLIC,
    "decisions:detail[about the draft]": PUBLIC,  # a decision is public; its draft is not
    "decisions:history[public]": trail(HELSINKI_DECISION_TRAIL_READERS),
    "decisions:history[about the draft]": trail(HELSINKI_DECISION_TRAIL_READERS),
    "sources:source[public]": PUBLIC,
    "sources:source[cites the draft]": DRAFT,
    "insights:overview": PUBLIC_GET_ONLY,
    "insights:overview[all statuses]": PUBLIC_GET_ONLY,
    "insights:chart": PUBLIC_GET_ONLY,
    "insights:export[json]": PUBLIC_GET_ONLY,
    "insights:export[json, all statuses]": PUBLIC_GET_ONLY,
    "insights:organisation_pick": [(EVERYONE, REDIRECT, 405)],
    # a background export: only its requester (the preparer) follows it; to anybody else it
    # does not exist. Its file is not written yet, so nobody downloads it.
    "insights:export_job": [(frozenset({"preparer"}), 200, 405), (EVERYONE, 404, 405)],
    "insights:export_job_download": [(EVERYONE, 404, 405)],
    "insights:organisation": PUBLIC_GET_ONLY,
    # Search, open data and networking: public, read only; drafts only for their readers.
    "search:results": PUBLIC,
    "search:results[draft's name]": PUBLIC,  # 200, the draft left out of the hits
    "opendata:index": PUBLIC_GET_ONLY,
    "opendata:download": PUBLIC_GET_ONLY,
    "networking:who": PUBLIC_GET_ONLY,
    "networking:similar[public]": PUBLIC_GET_ONLY,  # the draft never among the similar
    "networking:similar[draft]": DRAFT,
    # The public read API (api/api.py): everyone reads; a write is refused (anonymous: not
    # signed in, 401 or 403; signed in: the method is not allowed).
    **{
        f"api:{name}": API_READ
        for name in (
            "programme-list",
            "programme-detail",
            "theme-list",
            "theme-detail",
            "call-list",
            "call-detail",
            "organisation-list",
            "organisation-detail",
            "project-entity-list",
            "project-entity-detail[public]",
            "decision-list",
            "decision-detail",
            "reported-figure-list",
        )
    },
    "api:reported-figure-detail": override((EVERYONE, (200, 404), None), then=API_READ),
    "api:project-entity-detail[draft]": [
        (frozenset({ANONYMOUS}), 404, (401, 403)),
        (DRAFT_READERS, 200, 405),
        (SIGNED_IN, 404, 405),
    ],
    "health": [(EVERYONE, 200, 405)],
    "set_language": [(EVERYONE, REDIRECT, REDIRECT)],
    # The REST API's root, schema and documentation are public; a POST to them is not a thing
    # (the root refuses a write by the anonymous, 401, before it answers "method not allowed").
    "api:api-root": [(EVERYONE, 200, (401, 403, 405))],
    # Reporting: results are public; importing district values is for officers.
    "reporting:reports_due": PUBLIC_GET_ONLY,  # the anonymous get an empty list
    "reporting:call_impact": PUBLIC_GET_ONLY,
    "reporting:impact_pdf": PUBLIC_GET_ONLY,
    "reporting:district_import": [  # an empty form comes back with its error (400)
        (frozenset({ANONYMOUS}), LOGIN, LOGIN),
        (DISTRICT_IMPORTERS, 200, 400),
        (SIGNED_IN, 403, 403),
    ],
    # A call's reporting set-up (Helsingin malli's schedule and target districts): whoever runs
    # the call, i.e. Helsinki's grant officer, and administrators; an empty form is a 400.
    "reporting:target_districts": MALLI_SETUP,
    "reporting:schedule": MALLI_SETUP,
    "reporting:framework": MALLI_SETUP,  # an empty post: the call already has a framework
    "reporting:framework_new": MALLI_SETUP,  # an empty form comes back with its errors
    "reporting:framework_edit": MALLI_SETUP,
    # Deleting the call's first own indicator: asked first (200); it has been reported on, so
    # the deletion is refused (400).
    "reporting:framework_delete": MALLI_SETUP,
    "reporting:programme_indicators": [
        *ANON_LOGIN,
        (PROGRAMME_COORDINATION, 200, 405),
        (SIGNED_IN, 403, 405),
    ],
    "reporting:programme_indicator_new": PROGRAMME_SETUP,
    "reporting:programme_indicator_edit": PROGRAMME_SETUP,
    "reporting:programme_indicator_delete": PROGRAMME_SETUP,
    "reporting:aggregate": PUBLIC_GET_ONLY,
    "reporting:districts": PUBLIC_GET_ONLY,
    "reporting:impact_xlsx": PUBLIC_GET_ONLY,
    "reporting:reports_waiting": [(frozenset({ANONYMOUS}), LOGIN, LOGIN), (SIGNED_IN, 200, 405)],
    # One accepted Helsingin malli report (an illustrative arts institution's): its call's grant
    # officer and administrators read it; nobody else learns that it exists (404). Only the
    # implementer fills it (the grant officer is refused, 403); an accepted report refuses
    # changes (400) or answers by going back to the page.
    "reporting:part_reports": [
        *ANON_LOGIN,
        (frozenset({"grant_officer"}), 200, 403),
        (STAFF, 200, REDIRECT),
        (SIGNED_IN, 404, 404),
    ],
    "reporting:part_targets": [
        *ANON_LOGIN,
        (frozenset({"grant_officer"}), 200, 403),
        (STAFF, 200, 400),
        (SIGNED_IN, 404, 404),
    ],
    "reporting:report": [*ANON_LOGIN, (MALLI_READERS, 200, 405), (SIGNED_IN, 404, 405)],
    "reporting:attachment": [*ANON_LOGIN, (MALLI_READERS, 200, 405), (SIGNED_IN, 404, 405)],
    "reporting:report_form": [
        *ANON_LOGIN,
        (frozenset({"grant_officer"}), 200, 403),
        (STAFF, 200, 400),
        (SIGNED_IN, 404, 404),
    ],
    "reporting:report_attachments": [
        *ANON_LOGIN,
        (frozenset({"grant_officer"}), 200, 403),
        (STAFF, 200, 400),
        (SIGNED_IN, 404, 404),
    ],
    "reporting:report_send": [
        *ANON_LOGIN,
        (frozenset({"grant_officer"}), 405, 403),
        (STAFF, 405, REDIRECT),
        (SIGNED_IN, 405, 404),
    ],
    "reporting:report_review": [*ANON_LOGIN, (MALLI_READERS, 405, 400), (SIGNED_IN, 405, 404)],
    "api:indicator-list": API_READ,
    "api:indicator-detail": API_READ,
    "api:impact-framework-list": API_READ,
    "api:impact-framework-detail": API_READ,
    "api:impact-aggregate-detail": API_READ,
    "api:report-list": [API_ANONYMOUS, (SIGNED_IN, 200, 400)],
    "api:report-detail": [API_ANONYMOUS, (MALLI_READERS, 200, 405), (SIGNED_IN, 404, 405)],
    "api:report-values": [
        API_ANONYMOUS,
        (frozenset({"grant_officer"}), 405, 403),
        (STAFF, 405, 400),
        (SIGNED_IN, 405, 404),
    ],
    "api:report-submit": [
        API_ANONYMOUS,
        (frozenset({"grant_officer"}), 405, 403),
        (STAFF, 405, 400),
        (SIGNED_IN, 405, 404),
    ],
    "api:report-accept": [API_ANONYMOUS, (MALLI_READERS, 405, 400), (SIGNED_IN, 405, 404)],
    "api:report-return": [API_ANONYMOUS, (MALLI_READERS, 405, 400), (SIGNED_IN, 405, 404)],
    "api:schema": PUBLIC_GET_ONLY,
    # search answers anyone, as the page does; it only reads
    "api:search": PUBLIC_GET_ONLY,
    "api:docs": PUBLIC_GET_ONLY,
    "api:redoc": PUBLIC_GET_ONLY,
    # Applying (the draft project's Helsinki part; the demo call, closed).
    "applying:mine": override((EVERYONE, None, 405), then=SIGNED_IN_ONLY),
    "applying:start": [(frozenset({ANONYMOUS}), LOGIN, LOGIN), (SIGNED_IN, 403, 403)],
    "applying:detail": DRAFT,
    "applying:budget": PART_ACTION,
    "applying:check": [(EVERYONE, 405, None), (DRAFT_READERS, None, 200), (EVERYONE, None, 404)],
    "applying:part_add": PART_ACTION,
    "applying:mark_ready": PART_ACTION,
    "applying:submit": override(
        (frozenset({"signatory"}), None, 400), (DRAFT_READERS, None, 403), then=PART_ACTION
    ),
    "applying:receipt": [(EVERYONE, 404, 405)],  # the draft has no submitted version
    "applying:supplements": override((EVERYONE, None, 405), then=SIGNED_IN_ONLY),
    "applying:versions": [(EVERYONE, 404, 405)],  # the draft has no submitted version
    "applying:attachment_add": PART_ACTION,  # an empty post: "choose the file" (400)
    "applying:attachment_download": [(DRAFT_READERS, 200, 405), (EVERYONE, 404, 405)],
    "applying:attachment_remove": [
        (EVERYONE, 405, None),
        (PART_EDITORS, None, REDIRECT),
        (DRAFT_READERS, None, 403),
        (EVERYONE, None, 404),
    ],
    # An empty start is refused by field (400).
    "api:application-list": [API_ANONYMOUS, (SIGNED_IN, 200, 400)],
    **{
        name: [
            API_ANONYMOUS,
            (PART_EDITORS, 405, 400),
            (DRAFT_READERS, 405, 403),
            (SIGNED_IN, 405, 404),
        ]
        for name in (
            "api:application-parts",
            "api:application-budget",
            "api:application-attachments",
            "api:application-mark-ready",
        )
    },
    "api:application-versions": [API_ANONYMOUS, (DRAFT_READERS, 200, 405), (SIGNED_IN, 404, 405)],
    "api:application-attachment-download": [
        API_ANONYMOUS,
        (DRAFT_READERS, 200, 405),
        (SIGNED_IN, 404, 405),
    ],
    "api:application-detail": [
        API_ANONYMOUS,
        (DRAFT_READERS, 200, 405),
        (SIGNED_IN, 404, 405),
    ],
    "api:application-submit": [
        API_ANONYMOUS,
        (frozenset({"signatory"}), 405, 400),
        (DRAFT_READERS, 405, 403),
        (SIGNED_IN, 405, 404),
    ],
    # assessment's endpoints list what the user may read; an empty POST is refused field by field
    "api:assessment-screening-list": ASSESSMENT_API,
    "api:assessment-score-list": ASSESSMENT_API,
    "api:assessment-funding-decision-list": ASSESSMENT_API,
    # Reading documents.
    "documents:upload": DOCUMENTS_PAGE,
    "documents:review": DOCUMENTS_PAGE,
    "documents:targets": DOCUMENTS_ACTION,
    "documents:apply": DOCUMENTS_ACTION,
    "documents:confirm_unconflicted": DOCUMENTS_ACTION,
    "documents:value_action": DOCUMENTS_ACTION,
    "documents:batch": DOCUMENTS_BATCH,
    # Accounts: the profile, members, invitations.
    "accounts:profile": override((EVERYONE, None, 405), then=SIGNED_IN_ONLY),
    "site:start": override((EVERYONE, None, 405), then=SIGNED_IN_ONLY),
    "assessment:waiting": override((EVERYONE, None, 405), then=SIGNED_IN_ONLY),
    "assessment:ranking": override((EVERYONE, None, 405), then=CALL_ASSESSMENT),
    "assessment:funnel": PUBLIC_GET_ONLY,
    # the demo world's applications have no funding decision yet: nothing to read
    "assessment:decision_pdf": override(
        (EVERYONE, None, 405), (frozenset({ANONYMOUS}), LOGIN, None), then=[(SIGNED_IN, 404, None)]
    ),
    # One application's assessment page and its sections (the public project's first part, in
    # the ELY call the assessor is assigned to; no decision and no change request in the demo).
    "assessment:application": override((EVERYONE, None, 405), then=ASSESSMENT_PAGE),
    "assessment:screening": override(
        (CALL_RUNNERS, None, 400), (ASSESSMENT_OPENERS, None, 403), then=ASSESSMENT_PAGE
    ),
    "assessment:conflict": override((ASSESSMENT_OPENERS, None, 400), then=ASSESSMENT_PAGE),
    "assessment:scoring": override((ASSESSMENT_OPENERS, None, 403), then=ASSESSMENT_PAGE),
    "assessment:decision": override(
        (CALL_RUNNERS, None, 400), (ASSESSMENT_OPENERS, None, 403), then=ASSESSMENT_PAGE
    ),
    "assessment:amendments": [
        (frozenset({ANONYMOUS}), LOGIN, LOGIN),
        (DECISION_READERS, 200, 403),  # the part is not funded by a decision: no request
        (SIGNED_IN, 403, 403),
    ],
    "assessment:amendment_decide": [
        (EVERYONE, 405, None),
        (frozenset({ANONYMOUS}), None, LOGIN),
        (SIGNED_IN, None, 404),
    ],
    "assessment:summary": override((EVERYONE, None, 405), then=CALL_OVERSEERS_PAGE),
    "assessment:selection": [
        (EVERYONE, 405, None),
        (frozenset({ANONYMOUS}), None, LOGIN),
        (CALL_RUNNERS, None, 400),
        (SIGNED_IN, None, 403),
    ],
    "assessment:assessors": [
        (frozenset({ANONYMOUS}), LOGIN, LOGIN),
        (CALL_RUNNERS, 200, 400),
        (CALL_ASSESSMENT_READERS, 200, 403),
        (SIGNED_IN, 403, 403),
    ],
    "api:assessment-assessor-list": ASSESSMENT_API,
    "api:assessment-conflict-declaration-list": ASSESSMENT_API,
    "api:assessment-selection-list": ASSESSMENT_API,
    "api:assessment-amendment-request-list": ASSESSMENT_API,
    "api:assessment-amendment-request-decide": [
        (frozenset({ANONYMOUS}), 401, 401),
        (SIGNED_IN, 405, 404),
    ],
    "accounts:members[own organisation]": MEMBERS_PAGE,
    "accounts:members[other organisation]": override(
        (frozenset({"signatory"}), 403, None), then=MEMBERS_PAGE
    ),
    "accounts:member_grant": MEMBERS_FORM,
    "accounts:member_invite": MEMBERS_FORM,
    # Personal API tokens: each person's own; the preparer owns the one the matrix revokes.
    "accounts:api_tokens": [(frozenset({ANONYMOUS}), LOGIN, LOGIN), (SIGNED_IN, 200, 200)],
    "accounts:api_token_revoke": [
        (frozenset({ANONYMOUS}), LOGIN, LOGIN),
        (SIGNED_IN, 405, None),
        (frozenset({"preparer"}), None, REDIRECT),
        (SIGNED_IN, None, 403),
    ],
    # An empty reason is refused with a message on the members page.
    "accounts:member_revoke": override((HELSINKI_MANAGERS, None, REDIRECT), then=MEMBERS_FORM),
    # Whoever has the link may open it; the signed-in take the role by posting it. An empty
    # post is no attempt at the new person's form (`request.POST or None`): the form again.
    "accounts:invitation[valid]": [
        (frozenset({ANONYMOUS}), 200, 200),
        (SIGNED_IN, 200, REDIRECT),
    ],
    "accounts:invitation[unknown token]": [(EVERYONE, 404, 404)],
    # allauth: signing in and out.
    "account_login": SIGN_IN_PAGE,
    "account_logout": [(frozenset({ANONYMOUS}), REDIRECT, REDIRECT), (SIGNED_IN, 200, REDIRECT)],
    "account_inactive": PUBLIC_GET_ONLY,
    # Sign-up is closed without an invitation in the session (accounts.adapters).
    "account_signup": SIGN_IN_PAGE,
    "account_reauthenticate": SIGNED_IN_ONLY,
    # Codes by e-mail are not enabled: back to confirming with the password.
    "account_request_reauthentication_code": [
        (frozenset({ANONYMOUS}), LOGIN, LOGIN),
        (SIGNED_IN, REDIRECT, REDIRECT),
    ],
    "account_confirm_reauthentication_code": [
        (frozenset({ANONYMOUS}), LOGIN, LOGIN),
        (SIGNED_IN, REDIRECT, REDIRECT),
    ],
    # An empty post changes nothing and comes back to the page.
    "account_email": override((SIGNED_IN, None, REDIRECT), then=SIGNED_IN_ONLY),
    "account_email_verification_sent": PUBLIC_GET_ONLY,
    "account_change_password": SIGNED_IN_ONLY,
    "account_set_password": [
        (frozenset({ANONYMOUS}), LOGIN, LOGIN),
        (SIGNED_IN, REDIRECT, REDIRECT),
    ],
    "account_reset_password": PUBLIC,
    "account_reset_password_done": PUBLIC_GET_ONLY,
    "account_reset_password_from_key": PUBLIC,
    "account_reset_password_from_key_done": PUBLIC_GET_ONLY,
    # Without a sign-in waiting for its code, back to signing in.
    "account_confirm_login_code": [
        (frozenset({ANONYMOUS}), LOGIN, LOGIN),
        (SIGNED_IN, REDIRECT, REDIRECT),
    ],
    # An unknown key: a page that says so, and 404 for confirming it.
    "account_confirm_email": [(EVERYONE, 200, 404)],
    # allauth: the second factor.
    "mfa_index": override((SIGNED_IN, None, 405), then=SIGNED_IN_ONLY),
    # Only between the password and the code; otherwise back to signing in, or on.
    "mfa_authenticate": [(frozenset({ANONYMOUS}), LOGIN, LOGIN), (SIGNED_IN, REDIRECT, REDIRECT)],
    # Without a second factor, confirming is done with the password.
    "mfa_reauthenticate": override((WITHOUT_TOTP, REDIRECT, REDIRECT), then=SIGNED_IN_ONLY),
    "mfa_activate_totp": override((WITH_TOTP, REDIRECT, REDIRECT), then=SIGNED_IN_ONLY),
    # The last second factor of a role that needs one stays (accounts.adapters.MFAAdapter):
    # only the passkey's owner may turn TOTP off.
    "mfa_deactivate_totp": override(
        (WITHOUT_TOTP, 404, 404), (PASSKEY_OWNER, None, REDIRECT), then=SIGNED_IN_ONLY
    ),
    # Nobody has generated recovery codes.
    "mfa_view_recovery_codes": override((SIGNED_IN, 404, 405), then=SIGNED_IN_ONLY),
    "mfa_generate_recovery_codes": override((WITH_TOTP, None, REDIRECT), then=SIGNED_IN_ONLY),
    "mfa_download_recovery_codes": override((SIGNED_IN, 404, 404), then=SIGNED_IN_ONLY),
    "mfa_list_webauthn": override((SIGNED_IN, None, 405), then=SIGNED_IN_ONLY),
    "mfa_add_webauthn": SIGNED_IN_ONLY,
    # Only the passkey's owner can confirm with one; a failed confirmation goes to sign-in.
    "mfa_reauthenticate_webauthn": override(
        (PASSKEY_OWNER, 200, LOGIN), (SIGNED_IN, REDIRECT, REDIRECT), then=SIGNED_IN_ONLY
    ),
    # Someone else's passkey is "not found".
    "mfa_remove_webauthn": override(
        (PASSKEY_OWNER, 200, REDIRECT), (SIGNED_IN, 404, 404), then=SIGNED_IN_ONLY
    ),
    "mfa_edit_webauthn": override(
        (PASSKEY_OWNER, 200, 200), (SIGNED_IN, 404, 404), then=SIGNED_IN_ONLY
    ),
    # allauth: identity providers. None is configured in the tests (OIDC_APPS is empty).
    "socialaccount_login_cancelled": PUBLIC_GET_ONLY,
    # allauth answers its provider-error page with 401.
    "socialaccount_login_error": [(EVERYONE, 401, 405)],
    # Without a provider's sign-in in progress there is nothing to sign up with.
    "socialaccount_signup": [(EVERYONE, LOGIN, LOGIN)],
    "socialaccount_connections": SIGNED_IN_ONLY,
    "route:tili/social/login/cancelled/": [(EVERYONE, REDIRECT, REDIRECT)],
    "route:tili/social/login/error/": [(EVERYONE, REDIRECT, REDIRECT)],
    "route:tili/social/signup/": [(EVERYONE, REDIRECT, REDIRECT)],
    "route:tili/social/connections/": [(EVERYONE, REDIRECT, REDIRECT)],
    # Not reachable: with no provider configured, a provider's login and callback are 404.
    "openid_connect_login": [(EVERYONE, 404, 404)],
    "openid_connect_callback": [(EVERYONE, 404, 404)],
}

# Arguments each variant is asked with, by name (the test fills them from the demo).
VARIANTS: dict[str, tuple[str, ...]] = {
    "projects:list": ("", "drafts asked for"),
    "projects:download": ("csv", "xlsx", "csv, drafts asked for"),
    "projects:detail": ("public", "draft"),
    "projects:history": ("public", "draft"),
    "decisions:detail": ("public", "about the draft"),
    "payments:project_money": ("public", "draft"),
    "decisions:history": ("public", "about the draft"),
    "sources:source": ("public", "cites the draft"),
    "search:results": ("", "draft's name"),
    "networking:similar": ("public", "draft"),
    "api:project-entity-detail": ("public", "draft"),
    "insights:overview": ("", "all statuses"),
    "insights:export": ("json", "json, all statuses"),
    "accounts:members": ("own organisation", "other organisation"),
    "accounts:invitation": ("valid", "unknown token"),
}


def expectation_key(key: str, variant: str) -> str:
    return f"{key}[{variant}]" if variant else key


def expected(rows, role: str, method: str):
    """The cell that decides for `role` and `method`, or None when no row says."""
    column = METHODS.index(method) + 1
    for row in rows:
        if role in row[0] and row[column] is not None:
            return row[column]
    return None
