"""Another system reads what is public through the API: the same records, the same rules as
the pages (no drafts, no spent amounts for the public), stable ids, cursors for deep lists, and
a JSON error for any bad input."""

import pytest
from django.urls import reverse

from hankesalkku.core.services import system_actor
from hankesalkku.projects.services import project_entity_create

pytest.importorskip("hankesalkku.api.urls", reason="the API's router (hankesalkku.api.urls)")
pytestmark = pytest.mark.django_db


def get(client, name, *args, **params):
    return client.get(reverse(f"api:{name}", args=args), params, HTTP_ACCEPT="application/json")


def every_page(client, name, **params):
    response = get(client, name, **params)
    items = list(response.json()["results"])
    while response.json()["next"]:
        response = client.get(response.json()["next"], HTTP_ACCEPT="application/json")
        items += response.json()["results"]
    return items


def test_every_public_collection_answers_with_the_demo(demo, client):
    for name in (
        "programme",
        "theme",
        "call",
        "organisation",
        "project-entity",
        "decision",
        "reported-figure",
    ):
        response = get(client, f"{name}-list")
        assert response.status_code == 200, name
        assert response.json()["results"], name


def test_a_project_has_its_implementers_financing_and_partners_with_exact_amounts(demo, client):
    hot = get(client, "project-entity-detail", "hot").json()
    assert hot["slug"] == "hot" and hot["implementers"]
    helsinki = next(a for a in hot["implementers"] if a["organisation"] == "helsingin-kaupunki")
    assert helsinki["support"] == "187500.00"
    assert hot["partners"] is not None


def test_a_call_has_its_strands_and_schedule(demo, client):
    calls = every_page(client, "call-list")
    stm = next(c for c in calls if c["strands"])
    assert stm["schedule"]["opens"] and stm["strands"][0]["number"] == 1


def test_drafts_are_not_listed_and_not_found_for_the_public(demo, client):
    project_entity_create(
        actor=system_actor("testi"), name="API-luonnos", slug="api-luonnos", kind="single"
    )
    slugs = [p["slug"] for p in every_page(client, "project-entity-list", page_size=5)]
    assert "api-luonnos" not in slugs and "hot" in slugs
    assert get(client, "project-entity-detail", "api-luonnos").status_code == 404


def test_spent_amounts_are_left_out_for_the_public(demo, client):
    for decision in every_page(client, "decision-list"):
        for commitment in decision["commitments"]:
            assert "spent" not in commitment and "open_amount" not in commitment
            assert commitment["amount"]


def test_the_project_lists_filters_work_and_an_unknown_value_is_a_400(demo, client):
    okm = every_page(client, "project-entity-list", ministry="OKM")
    assert okm and len(okm) < len(every_page(client, "project-entity-list"))
    response = get(client, "project-entity-list", ministry="XYZ")
    assert response.status_code == 400 and "filters" in response.json()


@pytest.mark.parametrize(
    "name, args, params, status",
    [
        ("project-entity-detail", ["ei-ole"], {}, 404),
        ("decision-detail", ["99999999"], {}, 404),
        ("decision-detail", ["abc"], {}, 404),
        ("decision-detail", ["9" * 40], {}, 404),
        ("project-entity-detail", ["ä ö <>"], {}, 404),
        ("project-entity-list", [], {"after": "roskaa!!"}, 400),
        ("project-entity-list", [], {"page_size": "x" * 10000}, 200),
        ("project-entity-list", [], {"sector": "a" * 10000}, 400),
    ],
)
def test_bad_input_is_a_json_error_never_a_500(client, name, args, params, status):
    response = get(client, name, *args, **params)
    assert response.status_code == status
    assert response["Content-Type"].startswith("application/json")


def test_a_list_pages_by_keyset_cursor_with_the_lists_count_and_sort(demo, client):
    first = get(client, "project-entity-list", page_size=3, sort="-support").json()
    assert first["count"] >= 3 and first["count_is_estimate"] is False
    assert len(first["results"]) == 3 and "after=" in first["next"]
    assert first["previous"] is None
    second = client.get(first["next"], HTTP_ACCEPT="application/json").json()
    seen = [p["slug"] for p in first["results"] + second["results"]]
    assert len(set(seen)) == len(seen)  # a cursor continues, it does not repeat
    everything = every_page(client, "project-entity-list", sort="-support")
    assert [p["slug"] for p in everything][: len(seen)] == seen
    assert len(everything) == first["count"]


def test_an_unknown_sort_or_page_is_a_400_naming_it(demo, client):
    for params in ({"sort": "salasana"}, {"page": "999"}):
        response = get(client, "project-entity-list", **params)
        assert response.status_code == 400 and "paging" in response.json(), params


def test_the_schema_documents_the_cursor_and_the_estimated_count(client):
    schema = client.get(reverse("api:schema"), HTTP_ACCEPT="application/json").json()
    operation = schema["paths"]["/api/v1/project-entities/"]["get"]
    names = {p["name"] for p in operation["parameters"]}
    assert {"after", "page", "page_size", "sort"} <= names
    sort = next(p for p in operation["parameters"] if p["name"] == "sort")
    assert "-support" in sort["schema"]["enum"]
    body = operation["responses"]["200"]["content"]["application/json"]["schema"]
    ref = body["$ref"].rsplit("/", 1)[-1]
    properties = schema["components"]["schemas"][ref]["properties"]
    assert {"count", "count_is_estimate", "next", "results"} <= set(properties)
