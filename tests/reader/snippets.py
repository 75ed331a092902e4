"""Reading a small invented snippet, and the facts a rule test looks for in the result."""

from decimal import Decimal

from hankesalkku.reader import read_document


def read(text: str, name: str = "asiakirja.txt"):
    """Read the snippet and check that every field's evidence quotes the text it points at."""
    result = read_document(text.encode("utf-8"), name)
    for f in result.fields.values():
        assert f.evidence.text == result.text[f.evidence.start : f.evidence.end]
    return result


def amounts(result) -> set[tuple[Decimal, str, str]]:
    return {(a.eur, a.role, a.qualifier) for a in result.amounts}


def organisations(result) -> set[tuple[str, str]]:
    return {(o.name, o.role) for o in result.organisations}
