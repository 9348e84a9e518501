"""Presentation: the only stage that formats for people (terminal, JSON, CSV, templates)."""
