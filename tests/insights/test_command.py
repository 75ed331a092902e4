"""`hankesalkku overview` writes the same figures as the page, or explains a bad selector."""

import json

import pytest
from django.core.management import CommandError, call_command

pytestmark = pytest.mark.django_db


def test_json_for_a_theme_by_part_of_its_name(demo, tmp_path):
    out = tmp_path / "yleiskuva.json"
    call_command("overview", "--format", "json", "--theme", "Lasten, nuorten", "-o", str(out))
    data = json.loads(out.read_text(encoding="utf-8"))
    assert (data["entities"], data["implementers"]) == (12, 30)


def test_every_format_writes_a_file(demo, tmp_path):
    for fmt in ("pptx", "xlsx", "pdf"):
        call_command("overview", "--format", fmt, "--ministry", "OKM", "-o", str(tmp_path))
    assert {p.suffix for p in tmp_path.iterdir()} == {".pptx", ".xlsx", ".pdf"}


def test_an_ambiguous_selector_stops_with_a_message(demo, tmp_path):
    with pytest.raises(CommandError, match="Toimiala: ”opiskeluhuolto” on moniselitteinen"):
        call_command("overview", "--sector", "opiskeluhuolto", "-o", str(tmp_path / "x.json"))


def test_only_json_goes_to_standard_output(demo):
    with pytest.raises(CommandError, match="Vain JSON"):
        call_command("overview", "--format", "pdf", "-o", "-")


def test_dash_writes_json_to_standard_output(demo, capfdbinary):
    call_command("overview", "--format", "json", "--ministry", "STM", "--lang", "en", "-o", "-")
    data = json.loads(capfdbinary.readouterr().out)
    assert data["language"] == "en"
    assert data["by_ministry"] == {"STM": 3, "OKM+STM": 2}
