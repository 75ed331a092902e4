"""Another system builds a client from the OpenAPI schema and trusts it: the schema generates
without a warning and is valid OpenAPI 3, and every operation it names answers what it says,
whatever a client sends, for an API token's holder and for the public alike.

Schemathesis generates requests from the schema (valid ones and ones the schema forbids) and
sends them over loopback to a live server holding the demo; any 5xx, an undeclared status, a
body that does not match its schema or a wrong content type fails the test. Derandomised and
bounded (EXAMPLES per operation and viewer), so a run is repeatable and takes about a minute.
"""

import re

import pytest
from django.core.management import call_command

EXAMPLES = 8
"""Requests generated per operation, per viewer and per mode (valid / invalid input)."""


def test_the_schema_generates_and_validates_with_no_warning(tmp_path):
    out = tmp_path / "schema.yaml"
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(out))
    text = out.read_text()
    assert "openapi: 3" in text and "/api/v1/project-entities/" in text


@pytest.fixture
def api_token(transactional_db, demo):
    """A staff member's personal token: the signed-in reads and every write endpoint."""
    from hankesalkku.accounts.services import api_token_create
    from tests.factories import UserFactory

    staff = UserFactory.staff()
    _token, raw = api_token_create(actor=staff, name="schemathesis")
    return raw


def test_every_operation_answers_as_the_schema_says_for_token_and_public(live_server, api_token):
    schemathesis = pytest.importorskip("schemathesis")
    from hypothesis import HealthCheck, Phase, given, settings
    from hypothesis.errors import Unsatisfiable
    from schemathesis import checks

    schema = schemathesis.openapi.from_url(f"{live_server.url}/api/v1/schema/")
    wanted = [
        checks.not_a_server_error,
        checks.status_code_conformance,
        checks.content_type_conformance,
        checks.response_schema_conformance,
        checks.response_headers_conformance,
    ]
    viewers = {"token": {"Authorization": f"Bearer {api_token}"}, "public": {}}
    sent, failures, impossible = [], [], []

    def explore(operation, mode, viewer, headers):
        @settings(
            max_examples=EXAMPLES,
            derandomize=True,
            database=None,
            deadline=None,
            phases=[Phase.explicit, Phase.generate],
            suppress_health_check=list(HealthCheck),
        )
        @given(case=operation.as_strategy(generation_mode=mode))
        def run(case):
            sent.append(operation.label)
            try:
                case.call_and_validate(headers=headers, checks=wanted)
            except (Exception, BaseExceptionGroup) as error:  # noqa: BLE001 - collect them all
                failures.append(f"{viewer} {mode.value} {operation.label}: {str(error)[:800]}")

        try:
            run()
        except Unsatisfiable:  # e.g. no request can violate an operation without parameters
            impossible.append(f"{mode.value} {operation.label}")

    operations = [result.ok() for result in schema.get_all_operations()]
    for operation in operations:
        for mode in (schemathesis.GenerationMode.POSITIVE, schemathesis.GenerationMode.NEGATIVE):
            for viewer, headers in viewers.items():
                explore(operation, mode, viewer, headers)
    print(
        f"schemathesis: {len(operations)} operations, {len(sent)} requests, "
        f"{len(failures)} faults; no invalid request possible for {len(set(impossible))}"
    )
    assert len(operations) >= 31
    # Every faulty operation with the checks it failed, then the first faults in full.
    codes = sorted(
        {f"{f.split(':')[0]}: {' '.join(re.findall(r'ST[0-9]{3}', f))}" for f in failures}
    )
    assert not failures, "\n".join(codes) + "\n\n" + "\n\n".join(failures[:5])
