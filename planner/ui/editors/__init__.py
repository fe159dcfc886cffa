"""Editors: bound field widgets, per-entity list + form, the data-use table."""
