"""Another system builds a client from the OpenAPI schema and trusts it: the schema generates
without a warning and is valid OpenAPI 3, and every operation it names answers what it says,
whatever a client sends, for an API token's holder and for the public alike.

Schemathesis generates requests from the schema (valid ones and ones the schema forbids) and
sends them over loopback to a live server holding the demo. Any 5xx fails the test. Answers
that do not conform to the schema (an undeclared status, a body or content type other than the
schema says) are listed by operation and counted against KNOWN_NONCONFORMING: a new one fails
the test, fixing one lowers the figure. Derandomised and bounded (EXAMPLES per operation and
viewer), so a run is repeatable.
"""

import re

import pytest
from django.core.management import call_command

EXAMPLES = 8
"""Requests generated per operation, per viewer and per mode (valid / invalid input)."""
KNOWN_NONCONFORMING = 1
"""Operation × viewer × mode combinations whose answers do not yet match the schema (the README
says which); the lifecycle apps' endpoints are being brought in line one by one."""


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


# Serialized like every other live-server test: a plain transactional flush would drop the data
# migrations' reference data and re-create content types under the next serialized test.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_every_operation_answers_as_the_schema_says_for_token_and_public(live_server, api_token):
    schemathesis = pytest.importorskip("schemathesis")
    from hypothesis import HealthCheck, Phase, given, settings
    from hypothesis.errors import Unsatisfiable
    from schemathesis import checks

    schema = schemathesis.openapi.from_url(f"{live_server.url}/api/v1/schema/")
    conformance = [
        checks.status_code_conformance,
        checks.content_type_conformance,
        checks.response_schema_conformance,
        checks.response_headers_conformance,
    ]
    viewers = {"token": {"Authorization": f"Bearer {api_token}"}, "public": {}}
    sent, server_errors, failures, impossible = [], [], [], []

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
            response = case.call(headers=headers)
            where = f"{viewer} {mode.value} {operation.label}"
            try:
                case.validate_response(response, checks=[checks.not_a_server_error])
            except (Exception, BaseExceptionGroup) as error:  # noqa: BLE001 - collect them all
                server_errors.append(f"{where}: {str(error)[:800]}")
            try:
                case.validate_response(response, checks=conformance)
            except (Exception, BaseExceptionGroup) as error:  # noqa: BLE001 - collect them all
                failures.append(f"{where}: {str(error)[:800]}")

        try:
            run()
        except Unsatisfiable:  # e.g. no request can violate an operation without parameters
            impossible.append(f"{mode.value} {operation.label}")

    operations = [result.ok() for result in schema.get_all_operations()]
    for operation in operations:
        for mode in (schemathesis.GenerationMode.POSITIVE, schemathesis.GenerationMode.NEGATIVE):
            for viewer, headers in viewers.items():
                explore(operation, mode, viewer, headers)
    # Every faulty operation with the checks it failed.
    codes = sorted(
        {f"{f.split(':')[0]}: {' '.join(re.findall(r'ST[0-9]{3}', f))}" for f in failures}
    )
    print(
        f"schemathesis: {len(operations)} operations, {len(sent)} requests, "
        f"{len(server_errors)} server errors, {len(codes)} nonconforming combinations; "
        f"no invalid request possible for {len(set(impossible))}\n" + "\n".join(codes)
    )
    assert len(operations) >= 31
    assert not server_errors, "\n\n".join(server_errors[:10])
    assert len(codes) <= KNOWN_NONCONFORMING, "\n".join(codes) + "\n\n" + "\n\n".join(failures[:5])
