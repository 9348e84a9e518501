"""Make user-entered text inert before it reaches a terminal or a CI log."""

from __future__ import annotations

import re

# C0/C1 controls (ESC sequences), and the bidi and zero-width characters that can make
# text display differently from what it is.
_UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


def inert(text: str) -> str:
    """``text`` with every unsafe character shown as an escape like ``\\x1b``."""
    return _UNSAFE.sub(
        lambda m: (
            f"\\u{ord(m.group()):04x}" if ord(m.group()) > 0xFF else f"\\x{ord(m.group()):02x}"
        ),
        text,
    )


def one_line(text: str) -> str:
    """Inert and on one line (newlines shown as spaces): for tables and logs."""
    return inert(" ".join(text.split()))
