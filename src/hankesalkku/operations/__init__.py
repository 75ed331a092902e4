"""Running Hankesalkku: backup and restore, the production server and request ids in the logs.

The top layer: it reads every app's tables through `django.apps` (for a backup's manifest) and
imports none of them.
"""
