from pathlib import Path

import pytest

SEEDS_DIR = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"


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
