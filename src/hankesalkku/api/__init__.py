"""The REST API at /api/v1/: one router for every app's `api.py`."""
