"""The `hankesalkku` console script: Django's management commands under the product's name.

One entry point serves the demo, the document reader (`ingest`) and the exports (`overview`),
so a user never needs to know about manage.py.
"""

import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hankesalkku.settings")
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["demo"]:
        # The demo is a local run by definition: it may use the built-in key and plain HTTP.
        os.environ.setdefault("HANKESALKKU_DEMO", "1")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["hankesalkku", *argv])


if __name__ == "__main__":
    main()
