"""Every command of the product answers `--help`: the first thing a new operator types."""

import pytest
from django.core.management import get_commands, load_command_class


def product_commands() -> list[tuple[str, str]]:
    return sorted(
        (name, app) for name, app in get_commands().items() if app.startswith("hankesalkku")
    )


@pytest.mark.parametrize(("name", "app"), product_commands(), ids=lambda value: str(value))
def test_the_command_prints_its_help(name, app, capsys):
    command = load_command_class(app, name)
    parser = command.create_parser("hankesalkku", name)
    text = parser.format_help()
    assert name in text and "--help" in text
