"""gunicorn's configuration for Hankesalkku: `hankesalkku serve` uses it, and so can systemd.

    gunicorn -c python:hankesalkku.operations.gunicorn_conf hankesalkku.wsgi:application

Every value comes from the environment, with defaults for a machine that runs nothing else:

    HANKESALKKU_BIND       127.0.0.1:8000 (behind a proxy on the same machine; several: comma)
    HANKESALKKU_WORKERS    2 × cores + 1, at most 12 (processes: Django is CPU-bound here)
    HANKESALKKU_THREADS    1 (sync workers); more selects gthread workers, which keep
                           connections alive (useful without a proxy in front)
    HANKESALKKU_TIMEOUT    60 s for one request: the reader gives up on a document sooner, the
                           largest overview export (XLSX of 78 000 rows) takes about 20 s
    HANKESALKKU_MAX_REQUESTS  1000: a worker is replaced after so many requests (± 10 %),
                           which gives back memory a large document took
"""

import multiprocessing
import os


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return multiprocessing.cpu_count()


def _int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    return int(value) if value else default


bind = [
    address.strip() for address in os.environ.get("HANKESALKKU_BIND", "127.0.0.1:8000").split(",")
]
workers = _int("HANKESALKKU_WORKERS", min(2 * _cores() + 1, 12))
threads = _int("HANKESALKKU_THREADS", 1)
worker_class = "gthread" if threads > 1 else "sync"
timeout = _int("HANKESALKKU_TIMEOUT", 60)
graceful_timeout = 30
keepalive = 5
max_requests = _int("HANKESALKKU_MAX_REQUESTS", 1000)
max_requests_jitter = max_requests // 10
backlog = 2048
# Load Django once in the master: workers start fast, and a broken setting stops the start.
preload_app = True
limit_request_line = 8190
limit_request_fields = 100
# The worker heartbeat on tmpfs, so a slow disk cannot make a healthy worker look stuck.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None
proc_name = "hankesalkku"
# Only a proxy on this machine may say the request came over HTTPS (X-Forwarded-Proto).
forwarded_allow_ips = os.environ.get("HANKESALKKU_FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
accesslog = os.environ.get("HANKESALKKU_ACCESS_LOG", "-")
errorlog = "-"
loglevel = os.environ.get("HANKESALKKU_LOG_LEVEL", "info").lower()
logger_class = "hankesalkku.operations.gunicorn_logging.JsonAccessLogger"
wsgi_app = "hankesalkku.wsgi:application"
# No runtime control socket (gunicorn ≥ 24): one less way in, and two servers never share one.
control_socket_disable = True
