"""A client sends what it should not: an unknown filter value, an id that cannot be one, a page
far past the end, a query of ten thousand characters or of punctuation only, a token that was
revoked. Each gets a 400, 401 or 404 with a JSON body saying why, never a 500; a search is
never an error, whatever it says."""

import pytest

from hankesalkku.accounts.services import api_token_create, api_token_revoke
from tests.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db

HUGE = "9" * 40

CASES = [
    # (what a client does, path, query, expected status)
    ("unknown ministry", "/api/v1/project-entities/", {"ministry": "XYZ"}, 400),
    ("unknown status", "/api/v1/project-entities/", {"status": "valmis?"}, 400),
    (
        "unknown sector, 10 000 characters",
        "/api/v1/project-entities/",
        {"sector": "a" * 10_000},
        400,
    ),
    ("a cursor that is not one", "/api/v1/project-entities/", {"after": "roskaa!!"}, 400),
    ("a cursor far past the end", "/api/v1/decisions/", {"after": "Wzk5OTk5OTk5OTk5XQ"}, 200),
    ("a page size of 40 digits", "/api/v1/organisations/", {"page_size": HUGE}, 200),
    ("a slug with spaces and markup", "/api/v1/project-entities/ä ö <>/", {}, 404),
    ("a number id of letters", "/api/v1/decisions/abc/", {}, 404),
    ("a number id of 40 digits", f"/api/v1/decisions/{HUGE}/", {}, 404),
    ("a figure id far past the end", "/api/v1/reported-figures/99999999/", {}, 404),
    ("a page number of 40 digits", "/api/v1/payment-claims/", {"page": HUGE}, 400),
    ("a negative page number", "/api/v1/assessment/scores/", {"page": "-1"}, 400),
    ("a search of 10 000 characters", "/api/v1/search/", {"q": "kulttuuri" * 1112}, 200),
    ("a search of punctuation only", "/api/v1/search/", {"q": "!?!? ... ,,, ---"}, 200),
    ("a search in FTS syntax", "/api/v1/search/", {"q": '"unclosed OR (NEAR(a b) * ^'}, 200),
    ("a search's page of 40 digits", "/api/v1/search/", {"q": "jokin", "page": HUGE}, 200),
    (
        "a search's unknown kind and year",
        "/api/v1/search/",
        {"q": "x", "kind": "?", "year": "-1"},
        200,
    ),
]


@pytest.fixture
def token_header():
    OrganisationFactory(name="Jokin yhdistys")
    _token, raw = api_token_create(actor=UserFactory(), name="testi")
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


@pytest.mark.parametrize("what, path, query, status", CASES, ids=[c[0] for c in CASES])
def test_bad_input_is_answered_in_json_never_a_server_error(
    client, token_header, what, path, query, status
):
    response = client.get(path, query, HTTP_ACCEPT="application/json", **token_header)
    assert response.status_code == status, what
    assert response["Content-Type"].startswith("application/json"), what
    body = response.json()
    if status >= 400:
        assert body.get("detail") or body.get("filters"), what


def test_a_search_with_no_words_says_so(client):
    body = client.get("/api/v1/search/", {"q": "!!!"}).json()
    assert body["total"] == 0 and body["empty_reason"] == "no-words" and body["hits"] == []


@pytest.mark.parametrize(
    "header",
    [
        "Bearer hs_not-a-token-anyone-has",
        "Bearer",
        "Bearer two words",
        "Bearer " + "x" * 10_000,
        "Token \u00e4\u00f6",
    ],
)
def test_a_token_that_is_unknown_or_malformed_is_a_401_in_json(client, header):
    response = client.get("/api/v1/programmes/", HTTP_AUTHORIZATION=header)
    assert response.status_code == 401
    assert response.json()["detail"]
    assert response["WWW-Authenticate"].startswith("Bearer")


def test_a_revoked_token_is_refused_with_a_401_in_json(client):
    owner = UserFactory()
    token, raw = api_token_create(actor=owner, name="kannettava")
    header = {"HTTP_AUTHORIZATION": f"Bearer {raw}"}
    assert client.get("/api/v1/programmes/", **header).status_code == 200
    api_token_revoke(actor=owner, token=token)
    response = client.get("/api/v1/programmes/", **header)
    assert response.status_code == 401 and "peruttu" in response.json()["detail"]


def test_an_address_no_endpoint_matches_is_a_json_404(client):
    response = client.get("/api/v1/hakemukset/1.2/")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
    assert "detail" in response.json()


def test_a_page_that_does_not_exist_is_still_the_styled_page(client):
    response = client.get("/ei-tallaista-sivua/")
    assert response.status_code == 404 and "text/html" in response["Content-Type"]
