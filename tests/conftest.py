from pathlib import Path

import pytest

SEEDS_DIR = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"
SEED_FIXTURES = {"seeds_dir", "seed", "demo"}  # `seed` is the reader tests' own


@pytest.hookimpl(tryfirst=True)  # before pytest-django sorts the tests by their database use
def pytest_collection_modifyitems(items):
    """Mark `seeds` every test that reads ../shared/seeds through a fixture: `seeds_dir` and
    `seed` skip without them, `demo` stores their text when they are there. Marked at
    collection, so `-m "not seeds"` selects the tests that never read them."""
    for item in items:
        if SEED_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.seeds)
    _move_demo_first(items)


@pytest.fixture
def seeds_dir() -> Path:
    if not SEEDS_DIR.is_dir():
        pytest.skip("seed documents (../shared/seeds) are not beside this checkout")
    return SEEDS_DIR


# The demo portfolio takes seconds to load and about ninety tests read it. Each test worker
# loads it once, committed, and every test that asks for `demo` runs in its own transaction
# over it (rolled back, so each sees the demo as loaded). When the next test does not ask for
# the demo, the database is emptied and its reference data (what the data migrations wrote)
# put back, as Django's serialized rollback does; a transactional test's flush empties it too.
_COMMITTED_DEMO = {}


def _move_demo_first(items):
    """`demo` must load before pytest-django opens the test's transaction (the django_db
    marker's autouse fixture, or `db`), or it could not be committed. `db` is named so that
    pytest-django creates the test database for the test, and set up after the demo."""
    for item in items:
        names = getattr(item, "fixturenames", None)
        if names and "demo" in names:
            names.remove("demo")
            names.insert(0, "demo")
            if item.get_closest_marker("django_db") is None and "db" not in names:
                names.append("db")


def _transactional(item) -> bool:
    marker = item.get_closest_marker("django_db")
    names = set(getattr(item, "fixturenames", ()))
    return bool(
        (marker and marker.kwargs.get("transaction"))
        or names & {"transactional_db", "live_server", "django_db_reset_sequences"}
    )


def _clear_tables_the_flush_skips():
    """The search index's tables (SQLite) and the overview's cells (PostgreSQL) are not
    models, so neither Django's flush nor a transactional test's leaves them empty."""
    from django.db import connection

    from hankesalkku.insights import cells

    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("DELETE FROM search_fts")
            cursor.execute("DELETE FROM search_fts_meta")
        else:
            cursor.execute(f"TRUNCATE {cells.COUNT_TABLE}, {cells.CELL_TABLE}")


def _empty_to_reference_data():
    from django.contrib.contenttypes.models import ContentType
    from django.core.management import call_command
    from django.db import connection

    call_command(
        "flush",
        verbosity=0,
        interactive=False,
        inhibit_post_migrate=True,
        allow_cascade=True,
        reset_sequences=False,  # the reference rows come back with their ids: keep counting on
    )
    _clear_tables_the_flush_skips()
    connection.creation.deserialize_db_from_string(connection._test_serialized_contents)
    ContentType.objects.clear_cache()  # types made on the fly (proxies) went with the flush


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item, nextitem):
    yield
    if nextitem is None:  # the session's end: the test database has just been destroyed
        _COMMITTED_DEMO.clear()
        return
    from pytest_django.plugin import blocking_manager_key

    unblocked = item.config.stash[blocking_manager_key].unblock
    if _transactional(item):
        _COMMITTED_DEMO.clear()  # its flush took the demo away, and left what it skips
        with unblocked():
            _clear_tables_the_flush_skips()
    elif _COMMITTED_DEMO and "demo" not in getattr(nextitem, "fixturenames", ()):
        with unblocked():
            _empty_to_reference_data()
        _COMMITTED_DEMO.clear()


@pytest.fixture
def demo(request, django_db_setup, django_db_blocker):
    """The whole demo portfolio, as `hankesalkku demo` loads it."""
    from django.db import connection
    from django.test import override_settings

    from hankesalkku.core.services import system_actor
    from hankesalkku.demo.loading import load_demo

    if not _COMMITTED_DEMO:
        with django_db_blocker.unblock(), override_settings(SEEDS_DIR=SEEDS_DIR):
            assert not connection.in_atomic_block, (
                "the demo must load before the test's transaction"
            )
            if not hasattr(connection, "_test_serialized_contents"):  # no serialized test
                serialized = connection.creation.serialize_db_to_string()
                connection._test_serialized_contents = serialized
            _empty_to_reference_data()  # whatever the tests before it left, or flushed away
            _COMMITTED_DEMO["result"] = load_demo(actor=system_actor("hankesalkku-demo"))
    request.getfixturevalue("settings").SEEDS_DIR = SEEDS_DIR
    return _COMMITTED_DEMO["result"]
