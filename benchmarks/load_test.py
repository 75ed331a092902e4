"""How does a running Hankesalkku hold up under many users? A bounded load test over loopback.

Closed loop: each virtual user sends a request, waits for the whole answer, then sends the next
(no think time unless `--think`), so N users keep N requests in flight. The mix per user, in
turn: the public pages (home, project list, a project, decisions, a decision, an organisation,
a figure's source in its document, the overview) with the page's static files now and then; a share of the users are signed in
(a signatory of an organisation: no second factor needed) and also read their profile, their
organisation's members and the project list with their drafts; and the API when the server
has one (`/api/` answering 200) or any `--extra` paths.

Stdlib only (asyncio streams, HTTP/1.1, `Connection: close` like gunicorn's sync workers). It
refuses any address that is not loopback, stops after `--duration` seconds or
`--max-requests` requests, whichever comes first, and prints requests/s, p50/p95/p99 per group
and every error.

    # prepare: the demo database and a signed-in user (both through the services)
    HANKESALKKU_DEMO=1 .venv/bin/hankesalkku demo --no-serve
    HANKESALKKU_DEMO=1 .venv/bin/python benchmarks/load_test.py --prepare-user kuorma:Kuorma-salasana-2026
    # serve, then load it
    .venv/bin/hankesalkku serve --bind 127.0.0.1:8000        # (production settings, see README)
    .venv/bin/python benchmarks/load_test.py --users 200 --duration 300 \
        --user kuorma --password Kuorma-salasana-2026
"""

from __future__ import annotations

import argparse
import asyncio
import ipaddress
import json
import os
import re
import socket
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from load_http import cookies_from, request  # noqa: E402

MAX_DURATION = 900.0
MAX_USERS = 1000


# --- What to request.


@dataclass
class Plan:
    public: list[tuple[str, str]] = field(default_factory=list)  # (group, path)
    signed_in: list[tuple[str, str]] = field(default_factory=list)
    sessions: list[dict] = field(default_factory=list)

    def for_user(self, index: int, share: float) -> tuple[list[tuple[str, str]], dict | None]:
        signed = self.sessions and share > 0 and (index % round(1 / share) == 0)
        if not signed:
            return self.public, None
        session = self.sessions[index % len(self.sessions)]
        return self.signed_in + self.public, session


def _first(pattern: str, text: str) -> str | None:
    found = re.search(pattern, text)
    return found.group(0) if found else None


async def discover(host, port, extra: list[str], timeout: float) -> Plan:
    """The public paths, found by following the site's own links."""
    plan = Plan()
    home = await request(host, port, "/", timeout=timeout)
    if home.status != 200:
        raise SystemExit(f"the home page answered {home.status}; is the server running?")
    pages = ["/", "/hankkeet/", "/paatokset/", "/yleiskuva/"]
    projects = await request(host, port, "/hankkeet/", timeout=timeout)
    decisions = await request(host, port, "/paatokset/", timeout=timeout)
    project = _first(r"/hankkeet/(?!\?|lataa/)[\w-]+/", projects.text)
    decision = _first(r"/paatokset/\d+/", decisions.text)
    seen = projects.text + home.text
    if project:
        pages.append(project)
        seen += (await request(host, port, project, timeout=timeout)).text
    if decision:
        pages.append(decision)
    source = _first(r"/asiakirjat/lahde/\d+/", seen)
    if source:
        pages.append(source)  # a figure's source sentence, highlighted in its document
    organisation = _first(r"/organisaatiot/[\w-]+/", seen)
    if organisation:
        pages.append(organisation)
    plan.public = [("public", path) for path in pages]
    statics = sorted(set(re.findall(r"/static/[\w./-]+\.(?:css|js)", home.text)))
    # One static file after every page or two, as a browser with a cold cache would fetch.
    for index, path in enumerate(statics):
        plan.public.insert(1 + 2 * index, ("static", path))
    api = await request(host, port, "/api/v1/", timeout=timeout)
    if api.status == 200:
        plan.public.append(("api", "/api/v1/"))
        public_links = []
        for link in sorted(set(re.findall(r"(/api/v1/[\w-]+/)\"", api.text))):
            # Only what the public may read: lifecycle endpoints ask for a sign-in (401).
            if (
                len(public_links) < 5
                and (await request(host, port, link, timeout=timeout)).status == 200
            ):
                public_links.append(link)
        plan.public += [("api", link) for link in public_links]
    plan.public += [("extra", path) for path in extra]
    return plan


async def sign_in(host, port, username: str, password: str, timeout: float) -> dict:
    page = await request(host, port, "/tili/login/", timeout=timeout)
    jar = cookies_from(page)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)
    if page.status != 200 or not token:
        raise SystemExit(f"the sign-in page answered {page.status} without a form")
    answer = await request(
        host,
        port,
        "/tili/login/",
        method="POST",
        cookies=jar,
        form={"login": username, "password": password, "csrfmiddlewaretoken": token.group(1)},
        headers={"Referer": f"http://{host}:{port}/tili/login/"},
        timeout=timeout,
    )
    jar = cookies_from(answer, jar)
    if answer.status != 302 or "sessionid" not in jar:
        raise SystemExit(f"signing in as {username} failed (status {answer.status})")
    return jar


async def signed_in_paths(host, port, session: dict, timeout: float) -> list[tuple[str, str]]:
    profile = await request(host, port, "/tili/", cookies=session, timeout=timeout)
    if profile.status != 200:
        raise SystemExit(f"the profile page answered {profile.status} to a signed-in user")
    paths = ["/tili/", "/hankkeet/"]
    members = _first(r"/tili/organisaatiot/[\w-]+/jasenet/", profile.text)
    if members:
        paths.append(members)
    return [("signed_in", path) for path in paths]


# --- Running and counting.


@dataclass
class Stats:
    latencies: dict[str, list[float]] = field(default_factory=dict)
    errors: dict[str, int] = field(default_factory=dict)
    examples: dict[str, str] = field(default_factory=dict)

    def record(self, group: str, seconds: float, error: str | None, path: str) -> None:
        self.latencies.setdefault(group, []).append(seconds)
        if error:
            key = f"{group} {error}"
            self.errors[key] = self.errors.get(key, 0) + 1
            self.examples.setdefault(key, path)


class Budget:
    def __init__(self, requests: int, deadline: float):
        self.left, self.deadline = requests, deadline

    def take(self) -> bool:
        if self.left <= 0 or time.monotonic() >= self.deadline:
            return False
        self.left -= 1
        return True


async def virtual_user(index, host, port, plan, share, stats, budget, think, delay, timeout):
    await asyncio.sleep(delay)
    paths, session = plan.for_user(index, share)
    turn = index  # users start at different places in the mix
    while budget.take():
        group, path = paths[turn % len(paths)]
        turn += 1
        started = time.perf_counter()
        error = None
        try:
            answer = await request(host, port, path, cookies=session, timeout=timeout)
            if answer.status != 200:
                error = f"HTTP {answer.status}"
        except (TimeoutError, OSError, asyncio.IncompleteReadError, ValueError) as exc:
            error = type(exc).__name__
        stats.record(group, time.perf_counter() - started, error, path)
        if think:
            await asyncio.sleep(think)


def percentile(sorted_values: list[float], share: float) -> float:
    if not sorted_values:
        return 0.0
    rank = max(0, min(len(sorted_values) - 1, round(share * len(sorted_values) + 0.5) - 1))
    return sorted_values[rank]


def summary(stats: Stats, elapsed: float, users: int, cpu: float) -> dict:
    groups = {}
    every = []
    for group, values in sorted(stats.latencies.items()):
        values = sorted(values)
        every += values
        groups[group] = _figures(values, elapsed)
    every.sort()
    return {
        "users": users,
        "seconds": round(elapsed, 1),
        "requests": len(every),
        "errors": sum(stats.errors.values()),
        "error_kinds": {key: [count, stats.examples[key]] for key, count in stats.errors.items()},
        "load_generator_cpu_seconds": round(cpu, 1),
        "all": _figures(every, elapsed),
        "groups": groups,
    }


def _figures(values: list[float], elapsed: float) -> dict:
    return {
        "requests": len(values),
        "per_second": round(len(values) / elapsed, 1) if elapsed else 0.0,
        "p50_ms": round(percentile(values, 0.50) * 1000, 1),
        "p95_ms": round(percentile(values, 0.95) * 1000, 1),
        "p99_ms": round(percentile(values, 0.99) * 1000, 1),
        "max_ms": round((values[-1] if values else 0.0) * 1000, 1),
    }


def print_summary(result: dict) -> None:
    print(
        f"{result['users']} users, {result['seconds']} s, {result['requests']} requests, "
        f"{result['errors']} errors; load generator used {result['load_generator_cpu_seconds']} "
        "CPU s"
    )
    print(f"{'group':<10} {'requests':>9} {'req/s':>8} {'p50 ms':>9} {'p95 ms':>9} {'p99 ms':>9}")
    for name, figures in [("all", result["all"]), *result["groups"].items()]:
        print(
            f"{name:<10} {figures['requests']:>9} {figures['per_second']:>8} "
            f"{figures['p50_ms']:>9} {figures['p95_ms']:>9} {figures['p99_ms']:>9}"
        )
    for key, (count, path) in sorted(result["error_kinds"].items()):
        print(f"error: {key} × {count} (e.g. {path})")


def loopback_only(url: str) -> tuple[str, int]:
    parts = urlsplit(url)
    if parts.scheme != "http" or not parts.hostname:
        raise SystemExit("--base-url must be http://127.0.0.1:PORT (loopback only)")
    addresses = {info[4][0] for info in socket.getaddrinfo(parts.hostname, parts.port or 80)}
    if not all(ipaddress.ip_address(address).is_loopback for address in addresses):
        raise SystemExit(f"{parts.hostname} is not a loopback address; this test targets none")
    return parts.hostname, parts.port or 80


async def run(args) -> dict:
    host, port = loopback_only(args.base_url)
    plan = await discover(host, port, args.extra, args.timeout)
    if args.user:
        for _ in range(args.sessions):
            plan.sessions.append(await sign_in(host, port, args.user, args.password, args.timeout))
        plan.signed_in = await signed_in_paths(host, port, plan.sessions[0], args.timeout)
    stats = Stats()
    started = time.monotonic()
    budget = Budget(args.max_requests, started + args.duration + args.ramp)
    cpu_before = time.process_time()
    await asyncio.gather(
        *(
            virtual_user(
                index,
                host,
                port,
                plan,
                args.signed_in_share,
                stats,
                budget,
                args.think,
                args.ramp * index / args.users,
                args.timeout,
            )
            for index in range(args.users)
        )
    )
    elapsed = time.monotonic() - started
    result = summary(stats, elapsed, args.users, time.process_time() - cpu_before)
    result["paths"] = {"public": plan.public, "signed_in": plan.signed_in}
    return result


def prepare_user(spec: str) -> None:
    """A signatory of a demo organisation with this name and password, through the services."""
    username, _, password = spec.partition(":")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hankesalkku.settings")
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    import django

    django.setup()
    from django.contrib.auth import get_user_model

    from hankesalkku.accounts.services import invitation_accept, invitation_create
    from hankesalkku.core.services import system_actor
    from hankesalkku.organisations.models import Organisation

    if get_user_model()._default_manager.filter(username=username).exists():
        print(f"{username} exists already")
        return
    organisation = (
        Organisation.objects.filter(applications__isnull=False).order_by("pk").first()
        or Organisation.objects.order_by("pk").first()
    )
    if organisation is None:
        raise SystemExit("no organisation: load the demo first (hankesalkku demo --no-serve)")
    _invitation, token = invitation_create(
        actor=system_actor("hankesalkku-load-test"),
        email=f"{username}@example.invalid",
        organisation=organisation,
        role="signatory",
    )
    invitation_accept(token=token, username=username, password=password)
    print(f"{username}: signatory of {organisation}")


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base-url", default="http://127.0.0.1:8000")
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--duration", type=float, default=60.0, help="seconds after the ramp")
    parser.add_argument("--ramp", type=float, default=5.0, help="seconds to start all users")
    parser.add_argument("--max-requests", type=int, default=500_000)
    parser.add_argument("--think", type=float, default=0.0, help="seconds between requests")
    parser.add_argument("--timeout", type=float, default=60.0, help="per request")
    parser.add_argument("--user", help="sign in as this user (no second factor)")
    parser.add_argument("--password", default="")
    parser.add_argument("--sessions", type=int, default=4, help="sign-ins shared by the users")
    parser.add_argument("--signed-in-share", type=float, default=0.25)
    parser.add_argument("--extra", action="append", default=[], help="another path to load")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--prepare-user", metavar="NAME:PASSWORD")
    args = parser.parse_args(argv)
    if args.prepare_user:
        prepare_user(args.prepare_user)
        return
    if not 1 <= args.users <= MAX_USERS or not 0 < args.duration <= MAX_DURATION:
        raise SystemExit(f"1–{MAX_USERS} users and at most {MAX_DURATION:.0f} s, please")
    result = asyncio.run(run(args))
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=1))
    else:
        print_summary(result)
    sys.exit(1 if result["errors"] else 0)


if __name__ == "__main__":
    main()
