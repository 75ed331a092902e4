"""Shared plumbing for write services: validate fully, save in one transaction, leave a trail.

Every service is `<entity>_<verb>(*, actor, ...)` decorated with `@service`. The decorator opens
the transaction and remembers who is acting; `save_validated` and `delete_recorded` are the one
place where a model is cleaned and saved or deleted, and each of them writes an `Activity` with
the fields before and after. So a database constraint and a form give the same Finnish message,
and no write can happen without the user it was made by.

Verbs are `create`, `update` and `delete` (`add`/`remove` where a record joins or leaves
another, as a partner does a project). An update or delete service takes its record as the
first keyword after `actor` (`priority_update(actor=…, priority=…, name=…)`); the admin
(`core.admin.ServiceAdmin`) calls them by that convention.
"""

import contextvars
import datetime
import functools
import inspect
from dataclasses import dataclass
from decimal import Decimal

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import NON_FIELD_ERRORS, ImproperlyConfigured, ValidationError
from django.db import models, router, transaction
from django.db.models.deletion import Collector, ProtectedError, RestrictedError
from django.dispatch import Signal
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Activity, ActivityVerb, Versioned

SERVICES: dict[str, object] = {}
"""Every service by name, so a test can check that each one is audited."""

REDACTED_FIELDS = frozenset({"password"})
"""Fields whose change the trail notes without keeping the value (a password hash)."""
_REDACTED = "[piilotettu]"


@dataclass(frozen=True)
class _Call:
    name: str
    actor: object
    reason: str


_current: contextvars.ContextVar[_Call | None] = contextvars.ContextVar("service", default=None)
_written: contextvars.ContextVar[list | None] = contextvars.ContextVar("written", default=None)

records_written = Signal()
"""Sent once at the end of each outermost service, inside its transaction, with `records`: every
(instance, verb) it wrote. Layers above (the search index) keep derived data current from this
one place without core knowing them; a receiver's failure rolls the service back with it."""


def service(func):
    """Mark a write service: keyword-only actor, one transaction, audited saves.

    A service called inside another keeps the outer service's name, so the trail says what the
    user did (e.g. `extraction_apply`), not each step it took.
    """
    params = inspect.signature(func).parameters
    if "actor" not in params or params["actor"].kind is not inspect.Parameter.KEYWORD_ONLY:
        raise ImproperlyConfigured(f"{func.__qualname__}: a service takes a keyword-only actor")

    @functools.wraps(func)
    def wrapper(*args, actor, **kwargs):
        if getattr(actor, "pk", None) is None:
            raise ImproperlyConfigured(
                f"{func.__name__}: every write needs the user who makes it (actor)."
            )
        outer = _current.get()
        call = outer or _Call(func.__name__, actor, str(kwargs.get("reason", "") or ""))
        token = _current.set(call)
        writes = _written.get() if outer else []
        writes_token = _written.set(writes)
        try:
            with transaction.atomic():
                result = func(*args, actor=actor, **kwargs)
                if outer is None and writes:
                    records_written.send(sender=wrapper, records=tuple(writes))
                return result
        finally:
            _written.reset(writes_token)
            _current.reset(token)

    SERVICES[func.__name__] = wrapper
    return wrapper


def _plain(value):
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, datetime.date | datetime.datetime):
        return value.isoformat()
    if isinstance(value, bytes | memoryview):
        return f"<{len(value)} tavua>"
    return value


plain_value = _plain
"""A value as the trail keeps it (a form's typed value compares with it)."""


def _values(instance: models.Model) -> dict:
    return {
        field.attname: _plain(getattr(instance, field.attname))
        for field in instance._meta.concrete_fields
    }


def _stored_values(instance: models.Model) -> dict | None:
    if instance.pk is None or instance._state.adding:
        return None
    row = type(instance)._base_manager.filter(pk=instance.pk).first()
    return _values(row) if row is not None else None


def _record(instance: models.Model, verb: str, changes: dict) -> None:
    call = _current.get()
    if call is None:
        raise ImproperlyConfigured(
            f"{type(instance).__name__} written outside a service: use a `@service` function."
        )
    actor = call.actor
    written = _written.get()
    if written is not None:
        written.append((instance, verb))
    Activity.objects.create(
        actor=actor,
        actor_name=actor.get_username(),
        service=call.name,
        verb=verb,
        content_type=ContentType.objects.get_for_model(instance),
        object_id=instance.pk,
        object_repr=str(instance)[:300],
        changes=changes,
        reason=call.reason,
    )


def _redacted(changes: dict) -> dict:
    return {
        name: [_REDACTED, _REDACTED] if name in REDACTED_FIELDS else pair
        for name, pair in changes.items()
    }


def _field_label(model: type[models.Model], name: str) -> str:
    try:
        field = model._meta.get_field(name.removesuffix("_id") if name.endswith("_id") else name)
    except Exception:  # noqa: BLE001 - a field since removed: show its name
        return name
    return str(getattr(field, "verbose_name", name))


def _stale_refusal(instance: models.Model, expected: int, stored: int) -> ValidationError:
    """What changed since the version the user read, and by whom, from the trail."""
    since = max(1, min(stored - expected, 5))
    activities = list(
        Activity.objects.for_record(instance).filter(verb=ActivityVerb.UPDATED)[:since]
    )
    model = type(instance)
    parts = []
    for activity in reversed(activities):
        at = timezone.localtime(activity.at)
        fields = ", ".join(_field_label(model, name) for name in activity.changes)
        parts.append(
            _("muokkaaja: %(user)s, %(at)s: kentät %(fields)s")
            % {
                "user": activity.actor_name,
                "at": f"{at.day}.{at.month}.{at.year} {at.hour}.{at.minute:02d}",
                "fields": fields,
            }
        )
    if not parts:
        message = _("Tietuetta on muutettu sillä välin. Tarkista muutokset ja tallenna uudelleen.")
    else:
        message = _(
            "Tietuetta on muutettu sillä välin (%(changes)s). Tarkista muutokset ja tallenna "
            "uudelleen."
        ) % {"changes": "; ".join(parts)}
    return ValidationError({NON_FIELD_ERRORS: [ValidationError(message, code="stale")]})


def check_version(instance: models.Model, expected_version: int | None) -> None:
    """Lock the stored row for the rest of the transaction; refuse a save against an older
    version than the stored one; the saved row gets the next version.

    `save_validated` calls it first; a service that checks more before saving calls it
    earlier, so that a stale save is told as such rather than by another rule. Calling it
    again before the save changes nothing."""
    if not isinstance(instance, Versioned):
        return
    if instance.pk is None or instance._state.adding:
        instance.version = 1
        return
    rows = type(instance)._base_manager
    if transaction.get_connection(router.db_for_write(type(instance))).in_atomic_block:
        rows = rows.select_for_update()  # every service is one; the lock lasts until its end
    stored = rows.filter(pk=instance.pk).values_list("version", flat=True).first()
    if stored is None:
        return
    if expected_version is not None and int(expected_version) != stored:
        raise _stale_refusal(instance, int(expected_version), stored)
    instance.version = stored + 1


def save_validated(
    instance: models.Model, *, expected_version: int | None = None, **save_kwargs
) -> models.Model:
    """Clean, save and record; the trail keeps each changed field as [before, after].

    A versioned record (`core.models.Versioned`) is locked while it is saved and gets the next
    version; given `expected_version` (the version the user read), a save against a record
    changed since is refused with a message naming who changed which fields.
    """
    check_version(instance, expected_version)
    if isinstance(instance, Versioned) and save_kwargs.get("update_fields") is not None:
        save_kwargs["update_fields"] = [*save_kwargs["update_fields"], "version"]
    before = _stored_values(instance)
    instance.full_clean()
    instance.save(**save_kwargs)
    after = _values(instance)
    if before is None:
        changes = {
            name: [None, value]
            for name, value in after.items()
            if value not in (None, "")
            and not (name == "version" and isinstance(instance, Versioned))
        }
        _record(instance, ActivityVerb.CREATED, _redacted(changes))
    else:
        changes = {
            name: [before.get(name), value]
            for name, value in after.items()
            if before.get(name) != value and name != "version"
        }
        if changes:
            _record(instance, ActivityVerb.UPDATED, _redacted(changes))
    return instance


def _refusal(instance: models.Model, error: ProtectedError | RestrictedError) -> ValidationError:
    objects = getattr(error, "protected_objects", None) or error.restricted_objects
    blocking = sorted({str(obj) for obj in objects})[:5]
    return ValidationError(
        _("Tietuetta ”%(record)s” ei voi poistaa, koska siihen viittaa: %(refs)s.")
        % {"record": instance, "refs": "; ".join(blocking)}
    )


def delete_recorded(instance: models.Model) -> None:
    """Delete a record and what cascades with it, each row leaving its values in the trail.

    A record that others still point to (PROTECT, RESTRICT) is refused with a message naming
    them, so a service caller gets a ValidationError like any other refusal, never a 500.
    """
    collector = Collector(using=router.db_for_write(type(instance)), origin=instance)
    try:
        collector.collect([instance])
    except (ProtectedError, RestrictedError) as error:
        raise _refusal(instance, error) from error
    doomed = [obj for objects in collector.data.values() for obj in objects]
    doomed += [obj for queryset in collector.fast_deletes for obj in queryset]
    for obj in doomed:
        if type(obj)._meta.auto_created:  # a many-to-many link row: the relation records it
            continue
        values = (_stored_values(obj) if obj is instance else None) or _values(obj)
        changes = {name: [value, None] for name, value in values.items() if value not in (None, "")}
        _record(obj, ActivityVerb.DELETED, _redacted(changes))
    instance.delete()


def set_fields(instance: models.Model, values: dict) -> models.Model:
    for name, value in values.items():
        setattr(instance, name, value)
    return instance


def _split_related(model: type[models.Model], values: dict) -> tuple[dict, dict]:
    """Column values apart from many-to-many ones, which exist only once the row does."""
    names = {field.name for field in model._meta.many_to_many}
    columns = {name: value for name, value in values.items() if name not in names}
    related = {name: value for name, value in values.items() if name in names}
    return columns, related


def record_create(model: type[models.Model], **values) -> models.Model:
    """The body of a plain `<entity>_create` service: validate, save, then set the relations."""
    columns, related = _split_related(model, values)
    instance = save_validated(model(**columns))
    for name, objects in related.items():
        related_set(instance, name, objects)
    return instance


def record_update(
    instance: models.Model, changes: dict, expected_version: int | None = None
) -> models.Model:
    """The body of every `<entity>_update` service: set the fields given, validate, save.

    Many-to-many fields among the changes replace the relation (`related_set`), so an update
    from a form with its selection lists is one call. `expected_version` is the version the
    user read (`save_validated`).
    """
    columns, related = _split_related(type(instance), changes)
    save_validated(set_fields(instance, columns), expected_version=expected_version)
    for name, objects in related.items():
        related_set(instance, name, objects)
    return instance


def related_set(instance: models.Model, name: str, objects) -> None:
    """Replace a many-to-many relation and record it as a change of that field."""
    manager = getattr(instance, name)
    before = sorted(manager.values_list("pk", flat=True))
    manager.set(objects)
    after = sorted(manager.values_list("pk", flat=True))
    if before != after:
        _record(instance, ActivityVerb.UPDATED, {name: [before, after]})


def system_actor(username: str):
    """The account a command acts as when no person is signed in (the demo, a batch import).

    It cannot sign in (no usable password, inactive), but the trail names it, so a record made
    by the demo or by `ingest --save` is told apart from one a person made.
    """
    from django.contrib.auth import get_user_model

    user_model = get_user_model()
    user = user_model._default_manager.filter(username=username).first()
    if user is None:
        user = user_model(username=username, is_active=False)
        user.set_unusable_password()
        user.save()
    return user
