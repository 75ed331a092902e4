"""Reads of read-only pages on a PostgreSQL replica, everything else on the primary.

Scaling out keeps writes on one primary; the pages that only read at national scale (the
lists, the overview and its exports) can be served from a streaming replica. A view opts in
with `@reads_from_replica`; inside it every read goes to the `replica` alias when one is
configured (`DATABASE_REPLICA_URL`) and `HANKESALKKU_READ_REPLICA` is on. Writes, migrations
and every other page stay on `default`, so a user never reads a replica's lag after their own
write on a page that writes. Without a replica the router answers None: Django's default.
"""

from __future__ import annotations

import contextvars
import functools

from django.conf import settings
from django.db import connections

REPLICA = "replica"
_replica_wanted: contextvars.ContextVar[bool] = contextvars.ContextVar("replica", default=False)


def replica_enabled() -> bool:
    return REPLICA in settings.DATABASES and getattr(settings, "HANKESALKKU_READ_REPLICA", False)


def reads_from_replica(view):
    """Serve this read-only view's queries from the replica (when there is one)."""

    @functools.wraps(view)
    def wrapper(*args, **kwargs):
        token = _replica_wanted.set(True)
        try:
            return view(*args, **kwargs)
        finally:
            _replica_wanted.reset(token)

    return wrapper


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        if not (_replica_wanted.get() and replica_enabled()):
            return None
        # Inside a transaction on the primary, read what it has written.
        if connections["default"].in_atomic_block:
            return None
        return REPLICA

    def db_for_write(self, model, **hints):
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        return True  # the same data on both aliases

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == "default"
