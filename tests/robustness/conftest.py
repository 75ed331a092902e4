"""The budget of the property-based tests: a few seconds each in `make test`, the same every run.

`make test` runs the profile "bounded": a fixed number of examples per test, derandomised (the
examples follow from the test itself, so CI on SQLite and PostgreSQL sees the same inputs and a
failure is repeatable), no example database written into the checkout, and a deadline per
example that only a runaway parse reaches. `HYPOTHESIS_PROFILE=thorough` gives every test
twenty times the examples, random ones, for a longer look by hand; the million-input run is
`benchmarks/fuzz_reader.py`.
"""

import os
from datetime import timedelta

from hypothesis import HealthCheck, settings

settings.register_profile(
    "bounded",
    max_examples=150,
    deadline=timedelta(seconds=3),
    derandomize=True,
    database=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
settings.register_profile(
    "thorough",
    parent=settings.get_profile("bounded"),
    max_examples=3000,
    derandomize=False,
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "bounded"))
