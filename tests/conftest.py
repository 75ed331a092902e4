from pathlib import Path

import pytest

SEEDS_DIR = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"
SEED_FIXTURES = {"seeds_dir", "seed", "demo"}  # `seed` is the reader tests' own


def pytest_collection_modifyitems(items):
    """Mark `seeds` every test that reads ../shared/seeds through a fixture: `seeds_dir` and
    `seed` skip without them, `demo` stores their text when they are there. Marked at
    collection, so `-m "not seeds"` selects the tests that never read them."""
    for item in items:
        if SEED_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.seeds)


@pytest.fixture
def seeds_dir() -> Path:
    if not SEEDS_DIR.is_dir():
        pytest.skip("seed documents (../shared/seeds) are not beside this checkout")
    return SEEDS_DIR


@pytest.fixture
def demo(db, settings):
    """The whole demo portfolio, as `hankesalkku demo` loads it."""
    from hankesalkku.core.services import system_actor
    from hankesalkku.demo.loading import load_demo

    settings.SEEDS_DIR = SEEDS_DIR
    return load_demo(actor=system_actor("hankesalkku-demo"))
