"""Typed models of the data files (DESIGN §3), pydantic v2.

The loader hands over plain text; these models decide what each value means. Field
rules live here (an id's form, a due term, a whole number…); rules that look across
records or files are in :mod:`actionplan.checks`. Every custom error's *type* is a
problem code, so :mod:`actionplan.validate` can map it to a located, translated message.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from datetime import date
from typing import Annotated, Any, Literal

# The first model built makes pydantic scan every installed package's entry points for
# plugins (about 50 ms, a tenth of `status`); actionplan uses none. A user who sets the
# variable keeps their setting.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from actionplan.terms import Quarter, parse_iso_date, parse_term

_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\Z")
_DOTTED = re.compile(r"[1-9][0-9]*(?:\.[1-9][0-9]*)*\Z")
_INT = re.compile(r"(?:0|[1-9][0-9]*)\Z")


def _text(value: str) -> str:
    if not value.strip():
        raise PydanticCustomError("AP111", "empty")
    return value


# A scheme before "://", or one of the schemes that run code or read local files
# even without slashes. "Thời hạn: 2025" has a colon too, so plain "word:" is fine.
_LINK = re.compile(
    r"\b([a-z][a-z0-9+.-]*)://|\b(javascript|vbscript|data|file|blob)\s*:", re.IGNORECASE
)


def _safe_links(value: str) -> str:
    """Text that staff type may link only to http(s) pages or mailto addresses."""
    if ":" not in value:  # every link has one; most text has none (a hot path at scale)
        return value
    for match in _LINK.finditer(value):
        scheme = (match.group(1) or match.group(2)).lower()
        if scheme not in ("http", "https"):
            raise PydanticCustomError("AP121", "link", {"link": match.group(0)})
    return value


def _slug(value: str) -> str:
    if not _SLUG.match(value):
        raise PydanticCustomError("AP112", "slug", {"value": value, "form": "a-z, 0-9, -"})
    return value


def _dotted(value: str) -> str:
    if not _DOTTED.match(value):
        raise PydanticCustomError("AP112", "id", {"value": value, "form": "1, 1.2, 1.2.3"})
    return value


def _term(value: str) -> str:
    if parse_term(value) is None:
        raise PydanticCustomError("AP107", "term", {"value": value})
    return value


def _dated_term(value: str) -> str:
    term = parse_term(value)
    if term is None or term.end is None:
        raise PydanticCustomError("AP116", "dated term", {"value": value})
    return value


def _quarter(value: str) -> str:
    if Quarter.parse(value) is None:
        raise PydanticCustomError("AP118", "quarter", {"value": value})
    return value


def _iso_date(value: Any) -> Any:
    """Only YYYY-MM-DD: '03/04/2026' is ambiguous and is refused, not guessed at."""
    if isinstance(value, str):
        parsed = parse_iso_date(value)
        if parsed is None:
            raise PydanticCustomError("AP108", "date", {"value": value})
        return parsed
    return value


def _whole_number(value: Any) -> Any:
    """Only plain decimal digits: '010', '0x1F', '1_000', '1e3' are not guessed at."""
    if isinstance(value, str):
        if not _INT.match(value):
            raise PydanticCustomError("AP109", "int", {"value": value})
        return int(value)
    return value


def _boolean(value: Any) -> Any:
    """Only 'true' or 'false': YAML 1.1's yes/no/on/off are refused, not guessed at."""
    if isinstance(value, str):
        if value not in ("true", "false"):
            raise PydanticCustomError("AP110", "bool", {"value": value})
        return value == "true"
    return value


Text = Annotated[str, AfterValidator(_text)]
# Free text staff enter in updates and decisions (may later be rendered as links).
UserText = Annotated[str, AfterValidator(_safe_links)]
Slug = Annotated[str, AfterValidator(_slug)]
DottedId = Annotated[str, AfterValidator(_dotted)]
Term = Annotated[str, AfterValidator(_term)]
DatedTerm = Annotated[str, AfterValidator(_dated_term)]
QuarterText = Annotated[str, AfterValidator(_quarter)]
WholeNumber = Annotated[int, BeforeValidator(_whole_number), Field(ge=0, le=3650)]
Flag = Annotated[bool, BeforeValidator(_boolean)]
IsoDate = Annotated[date, BeforeValidator(_iso_date)]

MilestoneKind = Literal["scheme", "completion", "implementation", "proposal"]


class Record(BaseModel):
    """Base of every model: unknown keys refused, no coercion, empty values = absent."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)

    @model_validator(mode="before")
    @classmethod
    def _absent_values(cls, data: Any) -> Any:
        # DESIGN §3: an empty value, ~ or null means the key is absent, so defaults apply
        # and a required key reports "missing" rather than a type error.
        if isinstance(data, dict):
            return {key: value for key, value in data.items() if value is not None}
        return data


class Settings(Record):
    early_warning_days: WholeNumber = 30
    report_grace_days: WholeNumber = 15


class Header(Record):
    id: Slug
    title: Text
    issuer: Text
    province: Text
    period: DatedTerm
    first_period: QuarterText
    settings: Settings = Settings()


class Agency(Record):
    id: Slug
    name: Text
    secretariat: Flag = False
    owners: list[Text] = []


class Milestone(Record):
    kind: MilestoneKind
    text: Text
    due: Term
    by: DatedTerm | None = None


class Task(Record):
    id: DottedId
    text: Text
    leads: Annotated[list[Slug], Field(min_length=1)]
    supports: list[Slug] = []
    milestones: Annotated[list[Milestone], Field(min_length=1)]
    notes: list[Text] = []

    def milestone(self, kind: str | None) -> Milestone | None:
        """The milestone an update means: by kind, or the first one when none is named."""
        if kind is None:
            return self.milestones[0]
        return next((m for m in self.milestones if m.kind == kind), None)


class Section(Record):
    id: DottedId
    title: Text
    sections: list[Section] = []
    tasks: list[Task] = []


Loc = tuple[str | int, ...]


class Programme(Record):
    programme: Header
    agencies: list[Agency]
    sections: list[Section]

    def walk_sections(self) -> Iterator[tuple[Loc, Section, Section | None]]:
        """Every section with its location in the file and its parent, depth first."""
        stack: list[tuple[Loc, Section, Section | None]] = [
            (("sections", i), s, None) for i, s in enumerate(self.sections)
        ]
        stack.reverse()
        while stack:
            loc, section, parent = stack.pop()
            yield loc, section, parent
            children = [(loc + ("sections", i), s, section) for i, s in enumerate(section.sections)]
            stack.extend(reversed(children))

    def walk_tasks(self) -> Iterator[tuple[Loc, Task, Section]]:
        """Every task with its location and its (innermost) section, in file order."""
        for loc, section, _parent in self.walk_sections():
            for i, task in enumerate(section.tasks):
                yield loc + ("tasks", i), task, section


EntryStatus = Literal["not_started", "in_progress", "done"]
Percent = Annotated[int, BeforeValidator(_whole_number), Field(ge=0, le=100)]


class Entry(Record):
    """One agency's status on one milestone of one task, as reported for a period."""

    task: DottedId
    milestone: MilestoneKind | None = None
    status: EntryStatus
    done_on: IsoDate | None = None
    progress: Percent | None = None
    resources: Literal["sufficient", "insufficient"] | None = None
    obstacles: UserText | None = None
    evidence: list[Annotated[Text, AfterValidator(_safe_links)]] = []
    note: UserText | None = None

    @model_validator(mode="after")
    def _done_on_iff_done(self) -> Entry:
        if self.status == "done" and self.done_on is None:
            raise PydanticCustomError("AP119", "done_on required")
        if self.status != "done" and self.done_on is not None:
            raise PydanticCustomError("AP120", "done_on only when done", {"status": self.status})
        return self

    @property
    def blocked(self) -> bool:
        return bool(self.obstacles and self.obstacles.strip())


class UpdateFile(Record):
    """``data/updates/<agency>/<YYYY-Qn>.yaml``."""

    agency: Slug
    period: QuarterText
    submitted: IsoDate
    contact: Annotated[Text, AfterValidator(_safe_links)] | None = None
    updates: list[Entry] = []

    @property
    def quarter(self) -> Quarter:
        quarter = Quarter.parse(self.period)
        assert quarter is not None  # validated
        return quarter


class Decision(Record):
    """A Standing Committee decision: extend a milestone's deadline or schedule one."""

    task: DottedId
    milestone: MilestoneKind | None = None
    action: Literal["extend", "schedule"]
    due: DatedTerm
    ref: Annotated[Text, AfterValidator(_safe_links)]
    date: IsoDate


class Decisions(Record):
    """``data/decisions.yaml``."""

    decisions: list[Decision] = []
