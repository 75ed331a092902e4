"""gunicorn's access log as one JSON object a line, with the request id, like Django's log."""

import json
import time

from gunicorn.glogging import Logger


class JsonAccessLogger(Logger):
    def access(self, resp, req, environ, request_time):
        if not self.access_log_enabled:
            return
        atoms = self.atoms(resp, req, environ, request_time)
        entry = {
            "time": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            "level": "INFO",
            "logger": "gunicorn.access",
            "method": atoms["m"],
            "path": atoms["U"],
            "query": atoms["q"],
            "status": int(atoms["s"]),
            "bytes": atoms["B"] or 0,
            "ms": round(request_time.total_seconds() * 1000, 1),
            "remote": atoms["h"],
            "request_id": atoms.get("{x-request-id}o", ""),
            "agent": atoms["a"],
        }
        try:
            self.access_log.info(json.dumps(entry, ensure_ascii=False))
        except Exception:  # a log line must never take a response down
            self.exception("access log")
