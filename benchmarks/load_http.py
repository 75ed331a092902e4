"""The load test's HTTP/1.1 client: asyncio streams, stdlib only, one request a connection.

Why apart from `load_test.py`: the client (send, read the whole answer, keep cookies) is
the part that must be exact for the figures to mean anything; the plan, the users and the
counting around it change more often.
"""

import asyncio
from dataclasses import dataclass
from urllib.parse import urlencode

USER_AGENT = "hankesalkku-load-test/1"


@dataclass
class Response:
    status: int
    headers: dict[str, list[str]]
    body: bytes

    def header(self, name: str) -> str:
        values = self.headers.get(name.lower())
        return values[0] if values else ""

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", "replace")


async def _read_body(reader: asyncio.StreamReader, headers: dict[str, list[str]]) -> bytes:
    if "chunked" in ",".join(headers.get("transfer-encoding", [])).lower():
        chunks = []
        while True:
            size = int((await reader.readline()).split(b";")[0].strip() or b"0", 16)
            if size == 0:
                while (await reader.readline()).strip():
                    pass
                return b"".join(chunks)
            chunks.append(await reader.readexactly(size))
            await reader.readline()
    if "content-length" in headers:
        return await reader.readexactly(int(headers["content-length"][0]))
    return await reader.read()


async def _exchange(host, port, method, path, headers, body) -> Response:
    reader, writer = await asyncio.open_connection(host, port)
    try:
        lines = [f"{method} {path} HTTP/1.1", f"Host: {host}:{port}"]
        lines += [f"{name}: {value}" for name, value in headers.items()]
        lines += [f"Content-Length: {len(body)}"] if body is not None else []
        writer.write(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + (body or b""))
        await writer.drain()
        status_line = await reader.readline()
        if not status_line:
            raise ConnectionError("the server closed the connection without an answer")
        status = int(status_line.split()[1])
        received: dict[str, list[str]] = {}
        while (line := await reader.readline()) not in (b"\r\n", b"\n", b""):
            name, _, value = line.decode("latin-1").partition(":")
            received.setdefault(name.strip().lower(), []).append(value.strip())
        content = b"" if method == "HEAD" or status in (204, 304) else None
        if content is None:
            content = await _read_body(reader, received)
        return Response(status, received, content)
    finally:
        writer.close()


async def request(
    host, port, path, *, method="GET", cookies=None, form=None, timeout=60.0, headers=None
) -> Response:
    sent = {
        "User-Agent": USER_AGENT,
        "Accept": "text/html,application/json;q=0.9,*/*;q=0.8",
        "Accept-Encoding": "identity",
        "Connection": "close",
        **(headers or {}),
    }
    if cookies:
        sent["Cookie"] = "; ".join(f"{name}={value}" for name, value in cookies.items())
    body = None
    if form is not None:
        body = urlencode(form).encode()
        sent["Content-Type"] = "application/x-www-form-urlencoded"
    return await asyncio.wait_for(_exchange(host, port, method, path, sent, body), timeout)


def cookies_from(response: Response, into: dict | None = None) -> dict:
    jar = dict(into or {})
    for header in response.headers.get("set-cookie", []):
        name, _, value = header.split(";", 1)[0].partition("=")
        jar[name.strip()] = value.strip()
    return jar
