"""Every write to the database goes through a service: a check over the source tree.

A model written anywhere but a service would skip validation and leave no trail. The check
reads every module under src/hankesalkku with `ast` and names each call of a write method
(`.save(`, `.delete(`, `.objects.create(`, `.bulk_create(`, queryset `.update(`, m2m `.set(` …)
found outside the places where writes belong:

- `services.py` modules and `services/` packages: the services themselves;
- `migrations/`: the schema, and the data migrations that load reference data;
- `*/reference.py`: the reference-data loaders (regions, sectors, cost models), which only the
  data migrations call (`demo --reset` replays those migrations, it does not call the loaders);
- `reader/`: plain Python that imports no Django (an import-linter contract), so it cannot
  write a model; its `.add(` and `.update(` are sets and dicts.

What else looks like a write but is not is allowed by file and receiver, each with its reason.
"""

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src" / "hankesalkku"

WRITE_METHODS = {
    "save",
    "delete",
    "create",
    "bulk_create",
    "bulk_update",
    "update",
    "get_or_create",
    "update_or_create",
    "set",
    "add",
    "remove",
    "clear",
}

# (file under src/hankesalkku, "receiver.method") → why it is not a model write
NOT_MODEL_WRITES = {
    ("accounts/roles.py", "ids.add"): "a set of organisation ids",
    ("core/admin.py", "target.__dict__.update"): "the admin's object takes the saved one's state",
    ("core/templatetags/hankesalkku_tags.py", "seen.add"): "a set of keys already shown",
    ("core/routers.py", "_replica_wanted.set"): "a context variable: this request reads a replica",
    ("documents/review_page.py", "seen.add"): "a set of keys already listed",
    ("insights/selection.py", "errors.update"): "a dict of messages by parameter",
    ("insights/views.py", "context.update"): "the template context, a dict",
    ("insights/exports/pptx.py", "prs.save"): "python-pptx writes the presentation to a file",
    ("insights/exports/xlsx.py", "wb.save"): "openpyxl writes the workbook to a file",
    ("settings.py", "globals().update"): "the settings module's own names",
    ("networking/who.py", "actor.partners.update"): "a dict of partner organisations by id",
    ("opendata/operations.py", "workbook.save"): "openpyxl writes the workbook to a buffer",
    ("search/lemmas.py", "terms.add"): "a set of a word's terms",
    ("search/lemmas.py", "terms.update"): "a set of a word's terms",
    ("search/records.py", "keys.add"): "a set of index entries to refresh",
    ("decisions/permissions.py", "found.add"): "a set of funding authority ids",
    ("insights/jobs.py", "request.session.save"): "the session gets a key, so a job is the asker's",
    ("payments/claim_views.py", "context.update"): "the template context, a dict",
    ("payments/cofinancing_views.py", "context.update"): "the template context, a dict",
    ("reporting/impact_study.py", "wb.save"): "openpyxl writes the workbook to a buffer",
    ("search/api.py", "body.update"): "the answer's JSON body, a dict",
    ("search/visibility.py", "entities.add"): "a set of entity ids",
    ("search/visibility.py", "tags.add"): "a set of an entry's tags",
    ("demo/reporting_esf.py", "found.update"): "a dict of a breakdown's figures by category",
    ("insights/exports/sheetml.py", "_ESCAPES.update"): "the XML writer's table of escapes",
    ("insights/summary.py", "cells.add"): "the derived per-cell counts, refreshed with the "
    "summary inside the write's own transaction (insights.cells)",
    ("reporting/views_framework_edit.py", "spec.create"): "the form's create service "
    "(call_level_create, outcome_create, …), named in the form's spec",
    ("reporting/views_framework_edit.py", "spec.update"): "the form's update service, "
    "named in the form's spec",
    ("reporting/views_framework_edit.py", "spec.delete"): "the item's delete service "
    "(call_level_delete, outcome_delete, call_indicator_delete), named in the deletion's spec",
}

LOADER_MODULES = {"hankesalkku.organisations.reference", "hankesalkku.programmes.reference"}


def _where_writes_belong(relative: Path) -> bool:
    parts = relative.parts
    return (
        relative.name in ("services.py", "reference.py")
        or "services" in parts[:-1]
        or "migrations" in parts
        or parts[0] == "reader"
    )


def _modules():
    for path in sorted(SRC.rglob("*.py")):
        relative = path.relative_to(SRC)
        yield relative, ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def _write_calls():
    """Every call of a write method outside the places writes belong, as (file, line, call)."""
    for relative, tree in _modules():
        if _where_writes_belong(relative):
            continue
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
                continue
            if node.func.attr in WRITE_METHODS:
                call = f"{ast.unparse(node.func.value)}.{node.func.attr}"
                yield relative.as_posix(), node.lineno, call


def test_no_model_is_written_outside_a_service():
    found = [
        f"src/hankesalkku/{path}:{line}: {call}("
        for path, line, call in _write_calls()
        if (path, call) not in NOT_MODEL_WRITES
    ]
    assert not found, "a write outside a service (`@service` in services.py):\n" + "\n".join(found)


def test_every_allowed_call_is_still_there():
    """The list stays short and true: an entry whose call has gone is removed with it."""
    seen = {(path, call) for path, _line, call in _write_calls()}
    assert set(NOT_MODEL_WRITES) <= seen, set(NOT_MODEL_WRITES) - seen


def test_the_reference_loaders_are_called_only_from_data_migrations():
    importers = set()
    for relative, tree in _modules():
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module in LOADER_MODULES:
                importers.add(relative.as_posix())
            if isinstance(node, ast.Import) and LOADER_MODULES & {a.name for a in node.names}:
                importers.add(relative.as_posix())
    assert importers and all("/migrations/" in path for path in importers), importers
