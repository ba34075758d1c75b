"""Coventry City Council's hate crime assistant: tooling, server glue and content helpers.

The Rasa project itself (domain, data, config) lives at the repository root; this package holds
the Python that Rasa loads (the safety check and the directory-backed response generator) and the
commands behind the Makefile (``python -m bot ...``).
"""
