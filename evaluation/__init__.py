"""Measuring the assistant against material written apart from it (not part of the running assistant)."""
