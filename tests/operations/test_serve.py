"""`hankesalkku serve`: gunicorn with production settings on loopback, static files, logs.

One server for the whole module (it takes a few seconds to start): pages, whitenoise's static
files, request ids in the access log and the error log, and a short run of the load test
script (benchmarks/load_test.py) against it.
"""

import json
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest

from .conftest import subprocess_environment

pytestmark = pytest.mark.django_db
LOAD_TEST = Path(__file__).resolve().parents[2] / "benchmarks" / "load_test.py"
START = 90  # seconds at most for the server to answer
PRODUCTION_ON_LOOPBACK = {
    "DJANGO_DEBUG": "0",
    "DJANGO_SECRET_KEY": "serve-test-key-" + "0123456789abcdefghij" * 3,
    "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
    # Plain HTTP on loopback: no TLS here to redirect to.
    "DJANGO_SECURE_SSL_REDIRECT": "0",
    "DJANGO_SECURE_COOKIES": "0",
    "DJANGO_SECURE_HSTS_SECONDS": "0",
    "HANKESALKKU_LOG_JSON": "1",
}


@dataclass
class Server:
    url: str
    process: subprocess.Popen
    stdout: Path
    stderr: Path


def get(url: str, **headers):
    try:
        with urllib.request.urlopen(urllib.request.Request(url, headers=headers), timeout=30) as r:
            return r.status, r.headers, r.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def server(migrated_database, tmp_path):
    environment = subprocess_environment(
        migrated_database, tmp_path / "data", **PRODUCTION_ON_LOOPBACK
    )
    environment.pop("HANKESALKKU_DEMO", None)
    port = free_port()
    stdout, stderr = tmp_path / "access.log", tmp_path / "error.log"
    with stdout.open("wb") as out, stderr.open("wb") as err:
        process = subprocess.Popen(
            [sys.executable, "-m", "hankesalkku", "serve", "--bind", f"127.0.0.1:{port}"]
            + ["--workers", "2"],
            env=environment,
            stdout=out,
            stderr=err,
        )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + START
    try:
        while True:
            assert process.poll() is None, stderr.read_text()[-3000:]
            assert time.monotonic() < deadline, stderr.read_text()[-3000:]
            try:
                if get(url + "/terveys/")[0] == 200:
                    break
            except OSError:
                time.sleep(0.1)  # not listening yet
        yield Server(url, process, stdout, stderr)
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def log_lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text().splitlines() if line.startswith("{")]


def test_serve_answers_with_static_files_request_ids_and_logs_under_load(server):
    status, headers, body = get(server.url + "/")
    assert status == 200 and len(headers["X-Request-ID"]) == 32
    assert "default-src 'self'" in headers["Content-Security-Policy"]
    [stylesheet] = [
        part.split('"')[0]
        for part in body.decode().split('href="')[1:]
        if part.startswith("/static/") and part.split('"')[0].endswith(".css")
    ][:1]
    # collectstatic ran: hashed names, compressed, cached for good
    status, headers, _ = get(server.url + stylesheet, **{"Accept-Encoding": "gzip"})
    assert status == 200 and headers["Content-Encoding"] == "gzip"
    assert "immutable" in headers["Cache-Control"] and stylesheet.count(".") >= 2
    status, headers, _ = get(server.url + "/ei-ole-tallaista/", **{"X-Request-ID": "puuttuu-1"})
    assert status == 404 and headers["X-Request-ID"] == "puuttuu-1"

    load = subprocess.run(
        [sys.executable, str(LOAD_TEST), "--base-url", server.url, "--users", "4"]
        + ["--duration", "1", "--ramp", "0.2", "--max-requests", "400", "--json"],
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert load.returncode == 0, load.stdout[-3000:] + load.stderr[-3000:]
    result = json.loads(load.stdout)
    assert result["errors"] == 0 and result["requests"] > 4
    assert {"public", "static"} <= set(result["groups"])
    assert result["all"]["p50_ms"] <= result["all"]["p95_ms"] <= result["all"]["p99_ms"]
    server.process.terminate()
    server.process.wait(timeout=30)
    [error] = [e for e in log_lines(server.stderr) if e.get("request_id") == "puuttuu-1"]
    assert error["status"] == 404 and error["logger"] == "django.request"
    [access] = [e for e in log_lines(server.stdout) if e.get("request_id") == "puuttuu-1"]
    assert access["status"] == 404 and access["path"] == "/ei-ole-tallaista/"
    assert sum(1 for e in log_lines(server.stdout) if e["status"] == 200) >= result["requests"]
