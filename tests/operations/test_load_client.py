"""The load test's own HTTP client keeps what the server answered (the figures rest on it)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

from load_http import Response  # noqa: E402


def test_an_answer_keeps_its_status_headers_and_body():
    answer = Response(200, {"set-cookie": ["a=1", "b=2"]}, b"ok")
    assert (answer.status, answer.body, answer.header("Set-Cookie")) == (200, b"ok", "a=1")
