"""The admin writes through the services, as every other caller does.

`ServiceAdmin` and `ServiceInline` name the services a ModelAdmin or an inline writes with
(`create_service`, `update_service`, `delete_service`) and act as `request.user`, so an admin
edit is validated, audited and refused exactly as the same edit made anywhere else. The admin
offers what the services offer: without a create service there is no "add" button.

A refusal (a `ValidationError` from a service) rolls the whole save back; the page is then
built again from the same POST with the message on the field it names, as a form's own check
would show it, so a refusal is never a 500.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import flatten_fieldsets
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models, transaction
from django.forms.formsets import DELETION_FIELD_NAME
from django.http import HttpResponseRedirect

from .models import Activity, ActivityVerb, Versioned
from .services import plain_value

VERSION_FIELD = "version"


class _Refused(Exception):
    """A service said no while the admin saved; `prefix` names the form it belongs to."""

    def __init__(self, prefix: str | None, error: ValidationError) -> None:
        super().__init__(error)
        self.prefix = prefix
        self.error = error


@contextmanager
def _refusals(prefix: str | None) -> Iterator[None]:
    try:
        yield
    except ValidationError as error:
        raise _Refused(prefix, error) from error


def _messages_by_field(error: ValidationError) -> dict[str, list[str]]:
    if hasattr(error, "error_dict"):
        return error.message_dict
    return {NON_FIELD_ERRORS: error.messages}


def record_keyword(func: Callable) -> str:
    """The keyword an update or delete service takes its record by: the first after actor."""
    return next(
        name
        for name, parameter in inspect.signature(func).parameters.items()
        if parameter.kind is parameter.KEYWORD_ONLY and name != "actor"
    )


def _versioned(model: type[models.Model]) -> bool:
    return issubclass(model, Versioned)


def _model_fields(model: type[models.Model]) -> set[str]:
    """The fields a form hands to a service; the version goes as `expected_version`."""
    fields = (*model._meta.concrete_fields, *model._meta.many_to_many)
    names = {field.name for field in fields if not field.primary_key}
    if _versioned(model):
        names.discard(VERSION_FIELD)
    return names


def _blank(value) -> set:
    return {None, ""} if value in (None, "") else set()


def _read_values(record: models.Model, version: int) -> dict:
    """Each field changed since `version`, with the value it had then (from the trail)."""
    since = max(1, min(record.version - version, 5))
    updates = Activity.objects.for_record(record).filter(verb=ActivityVerb.UPDATED)[:since]
    values: dict = {}
    for activity in updates:  # newest first: the oldest before-value wins
        for name, pair in activity.changes.items():
            if isinstance(pair, list) and len(pair) == 2:
                field = name.removesuffix("_id") if name.endswith("_id") else name
                values[field] = pair[0]
    return values


def _takes_expected_version(func: Callable) -> bool:
    return "expected_version" in inspect.signature(func).parameters


def _adopt(target: models.Model, saved: models.Model) -> None:
    """The admin keeps working with its own object: make it the record the service saved."""
    target.__dict__.update(saved.__dict__)


class _FormShowsRefusal:
    """A form that shows, on its fields, what a service refused in the previous attempt."""

    refusals: dict = {}

    def full_clean(self):
        super().full_clean()
        error = self.refusals.get(self.prefix)
        if error is None or not hasattr(self, "cleaned_data"):
            return
        for field, messages_ in _messages_by_field(error).items():
            self.add_error(field if field in self.fields else None, messages_)


class _FormsetShowsRefusal:
    """A refused deletion is shown above the inline: a row marked for deletion shows none."""

    refusals: dict = {}

    def full_clean(self):
        super().full_clean()
        for form in self.forms:
            error = self.refusals.get(form.prefix)
            if error is not None and self.can_delete and self._should_delete_form(form):
                self._non_form_errors.extend(error.messages)


def _showing_refusals(cls: type, mixin: type, request) -> type:
    refusals = getattr(request, "_service_refusals", None)
    if not refusals:
        return cls
    return type(cls.__name__, (mixin, cls), {"refusals": refusals})


class ServiceWrites:
    """The services one admin class writes with, and how a form's values reach them."""

    create_service: Callable | None = None
    update_service: Callable | None = None
    delete_service: Callable | None = None

    def _service(self, verb: str) -> Callable | None:
        # Read from the class: a function stored on a class would bind to the instance.
        return getattr(type(self), f"{verb}_service")

    # The admin offers what the services offer (an inline's add check also takes the parent).
    def has_add_permission(self, request, *parent):
        return self._service("create") is not None and super().has_add_permission(request, *parent)

    def has_change_permission(self, request, obj=None):
        return self._service("update") is not None and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self._service("delete") is not None and super().has_delete_permission(request, obj)

    # A versioned record's form carries the version it was read at, hidden (see `save_validated`).
    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == VERSION_FIELD and _versioned(self.model):
            return forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=1)
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if not _versioned(self.model) or VERSION_FIELD in flatten_fieldsets(fieldsets):
            return fieldsets
        (name, options), *rest = fieldsets
        options = {**options, "fields": [*options.get("fields", ()), VERSION_FIELD]}
        return [(name, options), *rest]

    def expected_version(self, form) -> int | None:
        if not _versioned(self.model):
            return None
        return (getattr(form, "cleaned_data", None) or {}).get(VERSION_FIELD)

    def create_values(self, values: dict) -> dict:
        """The create service's keywords from a form's values; override where they differ."""
        return values

    def create_through_service(self, request, form) -> models.Model:
        fields = _model_fields(self.model)
        values = {name: value for name, value in form.cleaned_data.items() if name in fields}
        return self._service("create")(actor=request.user, **self.create_values(values))

    def changes(self, form) -> dict:
        fields = _model_fields(self.model)
        return {name: form.cleaned_data[name] for name in form.changed_data if name in fields}

    def update_through_service(self, request, form, record: models.Model) -> models.Model:
        changes = self.changes(form)
        if not changes:
            return record
        service = self._service("update")
        if _takes_expected_version(service):
            changes["expected_version"] = self.expected_version(form)
        return service(actor=request.user, **{record_keyword(service): record}, **changes)

    def delete_through_service(self, request, record: models.Model) -> None:
        service = self._service("delete")
        service(actor=request.user, **{record_keyword(service): record})

    @staticmethod
    def stored(obj: models.Model) -> models.Model:
        """The record as stored: the admin's object already carries the form's values."""
        return type(obj)._default_manager.get(pk=obj.pk)


class ServiceInline(ServiceWrites):
    """Mix into a TabularInline or StackedInline; its rows are saved by `ServiceAdmin`."""

    def get_formset(self, request, obj=None, **kwargs):
        formset = _showing_refusals(
            super().get_formset(request, obj, **kwargs), _FormsetShowsRefusal, request
        )
        formset.form = _showing_refusals(formset.form, _FormShowsRefusal, request)
        formset.service_inline = self
        return formset


class ServiceAdmin(ServiceWrites, admin.ModelAdmin):
    """A ModelAdmin whose every save, inline row, relation and delete is a service call."""

    class Media:
        # Accessible names for the autocomplete and two-list widgets (see the file).
        js = ("hankesalkku/admin-a11y.js",)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        return _showing_refusals(form, _FormShowsRefusal, request)

    def save_model(self, request, obj, form, change):
        with _refusals(form.prefix):
            saved = (
                self.update_through_service(request, form, self.stored(obj))
                if change
                else self.create_through_service(request, form)
            )
        _adopt(obj, saved)

    def save_related(self, request, form, formsets, change):
        """The form's many-to-many values went to the service with the rest in save_model."""
        for formset in formsets:
            self.save_formset(request, form, formset, change=change)

    def save_formset(self, request, form, formset, change):
        inline: ServiceInline = formset.service_inline
        # What Django's change message reads after formset.save().
        formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []
        for row in formset.initial_forms:
            with _refusals(row.prefix):
                if formset.can_delete and row.cleaned_data.get(DELETION_FIELD_NAME):
                    inline.delete_through_service(request, self.stored(row.instance))
                    formset.deleted_objects.append(row.instance)
                elif row.has_changed():
                    saved = inline.update_through_service(request, row, self.stored(row.instance))
                    formset.changed_objects.append((saved, row.changed_data))
        for row in formset.extra_forms:
            if not row.has_changed() or row.cleaned_data.get(DELETION_FIELD_NAME):
                continue
            with _refusals(row.prefix):
                saved = inline.create_through_service(request, row)
            _adopt(row.instance, saved)
            formset.new_objects.append(saved)

    def delete_model(self, request, obj):
        with _refusals(None):
            self.delete_through_service(request, self.stored(obj))

    def delete_queryset(self, request, queryset):
        """The bulk action deletes one record at a time, each through the delete service."""
        with transaction.atomic(), _refusals(None):
            for record in queryset:
                self.delete_through_service(request, record)

    def _refused(self, request, refused: _Refused) -> HttpResponseRedirect:
        self.message_user(request, " ".join(refused.error.messages), messages.ERROR)
        return HttpResponseRedirect(request.get_full_path())

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except _Refused as refused:
            request._service_refusals = {refused.prefix: refused.error}
            self._read_current_version(request, object_id, refused)
        try:  # the same POST again: now the refused form is invalid and nothing is saved
            return super().changeform_view(request, object_id, form_url, extra_context)
        except _Refused as refused:
            return self._refused(request, refused)

    def _read_current_version(self, request, object_id, refused: _Refused) -> None:
        """A refused stale save shows the user's input on the stored version: a field someone
        else changed since, and this user left as they read it, shows the stored value, so
        saving again keeps the other's change and applies only what this user typed."""
        errors = getattr(refused.error, "error_dict", {}).get(NON_FIELD_ERRORS, [])
        stale = any(error.code == "stale" for error in errors)
        if not stale or refused.prefix or object_id is None or not _versioned(self.model):
            return
        stored = self.model._base_manager.filter(
            pk=self.model._meta.pk.to_python(object_id)
        ).first()
        read_at = request.POST.get(VERSION_FIELD, "")
        if stored is None or not read_at.isdigit():
            return
        post = request.POST.copy()
        post[VERSION_FIELD] = str(stored.version)
        current = self.get_form(request, stored, change=True)(instance=stored)
        for name, as_read in _read_values(stored, int(read_at)).items():
            if name == VERSION_FIELD or name not in current.fields or name not in post:
                continue
            try:
                typed = current.fields[name].clean(post[name])
            except ValidationError:
                continue
            if plain_value(getattr(typed, "pk", typed)) in ({as_read} | _blank(as_read)):
                value = current[name].value()
                post[name] = "" if value is None else str(value)
        request.POST = post

    def delete_view(self, request, object_id, extra_context=None):
        try:
            return super().delete_view(request, object_id, extra_context)
        except _Refused as refused:
            return self._refused(request, refused)

    def changelist_view(self, request, extra_context=None):
        try:
            with transaction.atomic():  # the bulk delete logs each deletion before deleting
                return super().changelist_view(request, extra_context)
        except _Refused as refused:
            return self._refused(request, refused)
