"""The staff toolkit: validate, the editing commands, check-links and stats."""
