"""Translations through gettext catalogs (``locale/<lang>/LC_MESSAGES/actionplan.mo``).

Msgids are English; Vietnamese is the default language for everything a user reads.
The CLI picks the language once per run with :func:`set_language`; code below it
calls :func:`_`. Catalogs are maintained with ``make i18n`` (Babel extract/update/
compile); a test keeps the committed ``.mo`` files in step with their ``.po`` sources.
"""

from __future__ import annotations

import gettext
from functools import cache
from pathlib import Path

DOMAIN = "actionplan"
LANGUAGES = ("vi", "en")
DEFAULT_LANGUAGE = "vi"
LOCALE_DIR = Path(__file__).parent / "locale"


@cache
def translations(lang: str) -> gettext.NullTranslations:
    """The catalog for ``lang``; a missing catalog is an installation error, not silence."""
    if lang not in LANGUAGES:
        raise ValueError(f"unsupported language {lang!r}")
    return gettext.translation(DOMAIN, localedir=LOCALE_DIR, languages=[lang])


_active: list[str] = [DEFAULT_LANGUAGE]


def set_language(lang: str) -> None:
    translations(lang)  # fail early on an unknown language
    _active[0] = lang


def get_language() -> str:
    return _active[0]


def _(message: str) -> str:
    return translations(_active[0]).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return translations(_active[0]).ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Mark a string for extraction without translating it yet."""
    return message
