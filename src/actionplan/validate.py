"""Model validation with problems that point at the offending line and column.

Pydantic reports errors by path (``loc``); the loaded :class:`~actionplan.loader.Document`
turns a path into a position. Error types raised by our own validators are problem
codes already; pydantic's own types are mapped below.
"""

from __future__ import annotations

import difflib
import types
import typing
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from actionplan.codes import CODES
from actionplan.loader import Document
from actionplan.problems import Problem

M = TypeVar("M", bound=BaseModel)

# pydantic error type → problem code, for errors that need no arguments from ctx
_SIMPLE = {
    "model_type": "AP104",
    "dict_type": "AP104",
    "model_attributes_type": "AP104",
    "list_type": "AP114",
    "string_type": "AP115",
    "too_short": "AP117",
}


def validate_document(doc: Document, model: type[M]) -> tuple[M | None, list[Problem]]:
    """Validate ``doc.data`` against ``model``; the model is None when there are errors."""
    try:
        return model.model_validate(doc.data), []
    except ValidationError as exc:
        problems = [_problem(doc, model, error) for error in exc.errors(include_url=False)]
        return None, sorted(set(problems))


def _problem(doc: Document, model: type[BaseModel], error: Any) -> Problem:
    kind: str = error["type"]
    loc = tuple(error["loc"])
    ctx: dict[str, Any] = error.get("ctx") or {}
    if kind in CODES:  # raised by our own validators
        args = {key: value for key, value in ctx.items() if isinstance(value, str | int)}
        return Problem.at(doc.path, doc.locate(loc), kind, **args)
    if kind == "missing":  # at the key when it is there with an empty value
        return Problem.at(doc.path, doc.locate(loc, key=True), "AP103", key=loc[-1])
    if kind == "extra_forbidden":
        key = str(loc[-1])
        pos = doc.locate(loc, key=True)
        match = difflib.get_close_matches(key, _field_names(model, loc[:-1]), n=1, cutoff=0.6)
        if match:
            return Problem.at(doc.path, pos, "AP102", key=key, suggestion=match[0])
        return Problem.at(doc.path, pos, "AP101", key=key)
    if kind in _SIMPLE:
        return Problem.at(doc.path, doc.locate(loc), _SIMPLE[kind])
    if kind == "literal_error":
        return Problem.at(
            doc.path,
            doc.locate(loc),
            "AP106",
            value=error["input"],
            allowed=ctx.get("expected", ""),
        )
    if kind in ("less_than_equal", "greater_than_equal"):
        too_large = kind == "less_than_equal"
        code, limit = ("AP113", ctx.get("le")) if too_large else ("AP122", ctx.get("ge"))
        return Problem.at(doc.path, doc.locate(loc), code, value=error["input"], limit=limit)
    return Problem.at(doc.path, doc.locate(loc), "AP105", detail=error["msg"])


def _field_names(model: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    """The keys the model accepts at ``loc`` (for "did you mean"), best effort."""
    current: Any = model
    for part in loc:
        current = _inner(current)
        if isinstance(part, int):
            args = [a for a in typing.get_args(current) if a is not type(None)]
            current = args[0] if args else None
        elif isinstance(current, type) and issubclass(current, BaseModel):
            field = current.model_fields.get(part)
            current = field.annotation if field else None
        else:
            return []
    current = _inner(current)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return list(current.model_fields)
    return []


def _inner(annotation: Any) -> Any:
    """Strip Annotated[…] and Optional[…] down to the type that holds fields."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            annotation = args[0] if len(args) == 1 else annotation
            if len(args) != 1:
                return annotation
        else:
            return annotation


def validate_salvaging(
    doc: Document, model: type[M], items: str
) -> tuple[M | None, tuple[int, ...], list[Problem]]:
    """Like :func:`validate_document`, but when some entries of the list ``items`` are
    invalid, also return the model holding only the valid ones (and their original
    indices), so cross-file checks still run on them: one typo in a pull request should
    not hide the other problems in it. The problems are those of the whole file."""
    result, problems = validate_document(doc, model)
    data = doc.data
    if result is not None:
        return result, tuple(range(len(getattr(result, items)))), []
    if not isinstance(data, dict) or not isinstance(data.get(items), list):
        return None, (), problems
    try:
        header = model.model_validate({**data, items: []})
    except ValidationError:
        return None, (), problems
    item_type = typing.get_args(_inner(model.model_fields[items].annotation))[0]
    kept, indices = [], []
    for i, raw in enumerate(data[items]):
        try:
            kept.append(item_type.model_validate(raw))
            indices.append(i)
        except ValidationError:
            continue
    return header.model_copy(update={items: kept}), tuple(indices), problems
