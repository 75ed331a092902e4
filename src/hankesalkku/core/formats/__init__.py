"""Dates and numbers as each language writes them (Django's FORMAT_MODULE_PATH).

Django's own Swedish short date is ISO (2024-09-01) and its English one is American
(09/01/2024); a Finnish public service writes 1.9.2024 in Finnish and Swedish and 1 Sep 2024 in
English, so these modules override only the output formats. Input formats stay Django's.
"""
