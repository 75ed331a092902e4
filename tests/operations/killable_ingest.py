"""`hankesalkku ingest --save` that holds still inside one document's transaction.

The child of tests/operations/test_killed_mid_write.py. With HOLD_AT=N it lets N-1 new
documents commit; in the N-th, once the document, its extraction, every extracted value and
their audit trail are written but not committed, it writes the document's id to the pipe
READY_FD and blocks reading HOLD_FD, where the parent kills it with SIGKILL. Without HOLD_AT it
is the plain command (the rerun).

    python tests/operations/killable_ingest.py FILE_OR_FOLDER...
"""

import os
import sys


def main(paths: list[str]) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hankesalkku.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db.models.signals import post_save

    from hankesalkku.documents.models import ExtractedValue, Extraction

    hold_at = int(os.environ.get("HOLD_AT", "0"))
    completed = []

    def hold(sender, instance, created, **kwargs):
        # The extraction's last save in `document_ingest`, after its values: still inside
        # the service's transaction.
        if created or not ExtractedValue.objects.filter(extraction=instance).exists():
            return
        completed.append(instance.document_id)
        if len(completed) == hold_at:
            os.write(int(os.environ["READY_FD"]), f"{instance.document_id}\n".encode())
            os.read(int(os.environ["HOLD_FD"]), 1)  # the parent kills us here
            os._exit(3)  # the parent went away instead: leave without committing

    if hold_at:
        post_save.connect(hold, sender=Extraction, weak=False)
    call_command("ingest", *paths, "--save")


if __name__ == "__main__":
    main(sys.argv[1:])
