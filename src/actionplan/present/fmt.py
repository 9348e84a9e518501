"""Small formatting helpers shared by the terminal, CSV and templates."""

from __future__ import annotations

from datetime import date

from actionplan.i18n import N_, _, get_language

_UNDATED = {
    "continuous": N_("Continuous"),
    "central": N_("Per the Central schedule"),
    "assigned": N_("Per later assignment"),
}


def short_date(day: date | None) -> str:
    """dd/mm/yyyy in Vietnamese (how dates are written there), ISO in English."""
    if day is None:
        return ""
    return day.strftime("%d/%m/%Y") if get_language() == "vi" else day.isoformat()


def iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def undated_label(term: str) -> str:
    """The label of an undated due term (continuous, central, assigned)."""
    return _(_UNDATED[term]) if term in _UNDATED else term


def days_text(days_overdue: int | None, days_left: int | None) -> str:
    if days_overdue is not None:
        return _("{n} days overdue").format(n=days_overdue)
    if days_left is not None:
        return _("{n} days left").format(n=days_left)
    return ""


def due_text(due: date | None, original_due: date | None, term: str) -> str:
    """The effective due, with the programme's own when a decision moved it; the
    label of the term when there is no date (continuous, per Central schedule…)."""
    if due is None:
        return undated_label(term)
    text = short_date(due)
    if original_due != due:
        original = short_date(original_due) or undated_label(term)
        text += " " + _("(originally {date})").format(date=original)
    return text
