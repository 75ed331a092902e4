"""Rules of the reader's code: word lists are data, no exception passes silently, no module
is long, and the data files hold what the code expects."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from hankesalkku import reader
from hankesalkku.reader import AMOUNT_ROLES, KINDS, ORGANISATION_ROLES, QUALIFIERS, wordlists

PACKAGE = Path(reader.__file__).parent
MODULES = sorted(PACKAGE.rglob("*.py"))
MAX_LINES = 400


def _tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text("utf-8"), str(path))


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_no_module_is_long(path):
    assert len(path.read_text("utf-8").splitlines()) <= MAX_LINES


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_no_exception_is_swallowed_without_being_logged(path):
    """Each ``except`` logs (a broad one with its traceback) or raises again."""
    for node in ast.walk(_tree(path)):
        if not isinstance(node, ast.ExceptHandler):
            continue
        where = f"{path.name}:{node.lineno}"
        calls = [n for n in ast.walk(node) if isinstance(n, ast.Call)]
        logs = [c for c in calls if isinstance(c.func, ast.Attribute)
                and getattr(c.func.value, "id", "") == "logger"]  # fmt: skip
        raises = any(isinstance(n, ast.Raise) for n in ast.walk(node))
        assert logs or raises, f"{where}: exception neither logged nor raised"
        broad = node.type is None or (isinstance(node.type, ast.Name) and node.type.id in (
            "Exception", "BaseException"))  # fmt: skip
        if broad and not raises:
            assert any(kw.arg == "exc_info" for c in logs for kw in c.keywords) or any(
                c.func.attr == "exception" for c in logs
            ), f"{where}: log it with exc_info"


# the names of the output contract and the table of messages are code, not word lists
NOT_WORD_LISTS = {"result.py", "messages.py"}


@pytest.mark.parametrize(
    "path",
    [p for p in MODULES if p.name not in NOT_WORD_LISTS],
    ids=lambda p: p.relative_to(PACKAGE).as_posix(),
)
def test_word_lists_live_in_data_files(path):
    """No literal list, tuple or set of eight or more words, nor a dict of words to words
    (``__all__`` and tables of patterns keyed by name are code)."""
    tree = _tree(path)
    exports = {
        id(node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Assign)
        and any(getattr(t, "id", "") == "__all__" for t in node.targets)
    }
    for node in ast.walk(tree):
        items = []
        if isinstance(node, (ast.List, ast.Tuple, ast.Set)) and id(node) not in exports:
            items = node.elts
        elif isinstance(node, ast.Dict) and all(
            isinstance(v, ast.Constant) and isinstance(v.value, str) for v in node.values
        ):
            items = [k for k in node.keys if k is not None]
        words = [i.value for i in items if isinstance(i, ast.Constant) and isinstance(i.value, str)]
        words = [w for w in words if re.fullmatch(r"[a-zåäöA-ZÅÄÖ][\w .-]*", w)]
        assert len(words) < 8, f"{path.name}:{node.lineno} holds words {words[:4]}…"


DATA = sorted(p for p in (PACKAGE / "data").rglob("*") if p.is_file())


@pytest.mark.parametrize("path", DATA, ids=lambda p: p.relative_to(PACKAGE / "data").as_posix())
def test_data_files_load_without_duplicates(path):
    if path.suffix == ".txt":
        entries = wordlists.lines(path.relative_to(PACKAGE / "data").as_posix())
        assert entries and len(set(entries)) == len(entries)
        return
    data = wordlists.table(path.name)

    def lists(value):
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            yield value
        elif isinstance(value, dict):
            for inner in value.values():
                yield from lists(inner)
        elif isinstance(value, list):
            for inner in value:
                yield from lists(inner)

    for found in lists(data):
        assert len(set(found)) == len(found), found


def test_data_files_name_only_roles_and_kinds_of_the_contract():
    assert set(wordlists.table("kinds.toml")) <= set(KINDS)
    money = wordlists.table("money.toml")
    assert set(money["qualifiers"].values()) <= set(QUALIFIERS)
    word_roles = {
        "pool",
        "reserved",
        "stated_grant",
        "appropriation",
        "distributed",
        "call",
        "support",
        "total",
    }  # amount_roles.py maps
    assert set(money["roles"]) <= set(AMOUNT_ROLES) | word_roles
    roles = wordlists.table("roles.toml")
    named = [e["role"] for e in roles["before_name"]] + [
        e["role"] for e in roles["after_name"].values()
    ]
    assert set(named) | set(roles["labels"].values()) | set(roles["role_nouns"].values()) <= set(
        ORGANISATION_ROLES
    )
    for fragment in [*money["granting"], *wordlists.table("fields.toml")["period_words"]]:
        re.compile(fragment)


def test_every_money_label_of_a_form_holds_one_of_its_gate_words():
    forms = wordlists.table("forms.toml")
    for label in forms["money_labels"]:
        plain = re.sub(r"\\s\+|\(\?:[^)]*\)\?", " ", label)
        assert any(word in plain for word in forms["money_label_words"]), label
