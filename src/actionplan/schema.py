"""JSON Schemas of the data files, for editors (``actionplan schema``, ``schema/*.json``).

Generated from the pydantic models, so the schema cannot drift from what ``check``
accepts. Two things differ from pydantic's own ``model_json_schema()``:

* **What the schema describes.** The models type *strings* (the loader reads every
  scalar as text), but an editor's YAML server (yaml-language-server: YAML 1.2 core
  schema) hands the schema typed values: ``progress: 60`` is the integer 60,
  ``secretariat: true`` a boolean, ``due: 2027`` an integer, ``submitted: 2026-10-05``
  a string. So each scalar type of :mod:`actionplan.models` is described here as a
  YAML 1.2 reader sees its accepted spellings (:data:`_YAML_SCALARS`), keyed by the
  validator function that defines the type. A validator without an entry stops the
  generation, so a new field type is never described wrongly by accident.
* **Which dialect.** yaml-language-server implements draft-07 (its 2019-09/2020-12
  support was withdrawn), so the output declares draft-07 and keeps its definitions
  under ``definitions``; every keyword used is draft-07.

``null`` is accepted wherever the key may be left out (an empty value means "absent",
DESIGN §3). Descriptions are bilingual constants, not gettext messages: the committed
``schema/*.json`` must be the same bytes whatever ``--lang`` says, and the editor shows
both languages.
"""

from __future__ import annotations

import copy
import json
from typing import Any, Literal

from pydantic import BaseModel
from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import core_schema

from actionplan.models import Decisions, Programme, UpdateFile
from actionplan.schema_text import FIELD_TEXT, MODEL_TEXT

SchemaKind = Literal["programme", "update", "decisions"]
KINDS: dict[SchemaKind, type[BaseModel]] = {
    "programme": Programme,
    "update": UpdateFile,
    "decisions": Decisions,
}
DRAFT_07 = "http://json-schema.org/draft-07/schema#"

_YEAR = "(19[0-9]{2}|2[0-9]{3})"  # terms.MIN_YEAR..MAX_YEAR
_DAY = f"{_YEAR}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])"
_DATED = f"{_YEAR}(-Q[1-4]|-H[12]|-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?|\\.\\.{_YEAR})?"
# A bare year is what people type for "within 2027"; YAML 1.2 reads it as an integer.
_YEAR_NUMBER = {"type": "integer", "minimum": 1900, "maximum": 2999}

# Validator function name (models.py) → the JSON values a YAML 1.2 reader yields for
# the spellings that validator accepts.
_YAML_SCALARS: dict[str, JsonSchemaValue] = {
    "_text": {"type": "string", "pattern": "\\S"},
    "_slug": {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"},
    # "1.2.3" is text; a bare "1" is an integer. "1.2" would be a float that YAML
    # tools print as 1.2 but 1.10 as 1.1, so dotted ids must be quoted.
    "_dotted": {
        "anyOf": [
            {"type": "string", "pattern": "^[1-9][0-9]*(\\.[1-9][0-9]*)*$"},
            {"type": "integer", "minimum": 1},
        ]
    },
    "_term": {
        "anyOf": [
            {"type": "string", "pattern": f"^({_DATED}|continuous|central|assigned)$"},
            _YEAR_NUMBER,
        ]
    },
    "_dated_term": {"anyOf": [{"type": "string", "pattern": f"^{_DATED}$"}, _YEAR_NUMBER]},
    "_quarter": {"type": "string", "pattern": f"^{_YEAR}-Q[1-4]$", "examples": ["2026-Q3"]},
    "_iso_date": {"type": "string", "format": "date", "pattern": f"^{_DAY}$"},
    "_whole_number": {"type": "integer"},  # bounds come from the Field(ge=…, le=…) around it
    "_boolean": {"type": "boolean"},
}
# Validators that only narrow what the inner type already says (or that JSON Schema
# cannot express, like the link rule): the inner description stands.
_TRANSPARENT = frozenset(
    {"_safe_links", "less_than_or_equal_validator", "greater_than_or_equal_validator"}
)
_BOUNDS = {"ge": "minimum", "le": "maximum", "gt": "exclusiveMinimum", "lt": "exclusiveMaximum"}


class SchemaError(RuntimeError):
    """The models use a field type this module does not know how to describe."""


class _YamlSchema(GenerateJsonSchema):
    """pydantic's generator, with the models' scalar types described as YAML values."""

    def function_after_schema(
        self, schema: core_schema.AfterValidatorFunctionSchema
    ) -> JsonSchemaValue:
        return self._validated(schema["function"]["function"], schema["schema"])

    def function_before_schema(
        self, schema: core_schema.BeforeValidatorFunctionSchema
    ) -> JsonSchemaValue:
        return self._validated(schema["function"]["function"], schema["schema"])

    def _validated(self, function: Any, inner: core_schema.CoreSchema) -> JsonSchemaValue:
        name = _function_name(function)
        if name in _YAML_SCALARS:
            return copy.deepcopy(_YAML_SCALARS[name])
        # Model validators (empty values = absent, done_on iff done) wrap whole models.
        if name in _TRANSPARENT or inner["type"] in ("model", "model-fields"):
            return self.generate_inner(inner)
        raise SchemaError(f"no JSON Schema description for validator {name!r}")

    def default_schema(self, schema: core_schema.WithDefaultSchema) -> JsonSchemaValue:
        # A key with a default may be left empty (null = absent), so null is valid too.
        result = super().default_schema(schema)
        if schema["schema"]["type"] == "nullable":
            return result
        default = result.pop("default", None)
        return {"anyOf": [result, {"type": "null"}], "default": default}

    def field_title_should_be_set(self, schema: Any) -> bool:
        return False  # "Done On" adds nothing; descriptions say what a key is


def _function_name(function: Any) -> str:
    target = getattr(function, "func", function)  # functools.partial for ge/le bounds
    return str(getattr(target, "__name__", repr(target)))


# DESIGN §3: done_on is required when status is done, and only then.
_DONE_ON_RULE: dict[str, Any] = {
    "if": {"properties": {"status": {"const": "done"}}, "required": ["status"]},
    "then": {"required": ["done_on"], "properties": {"done_on": {"type": "string"}}},
    "else": {"properties": {"done_on": {"type": "null"}}},
}


def generate(kind: SchemaKind) -> dict[str, Any]:
    """The JSON Schema of one kind of data file, as a plain JSON-ready dict."""
    model = KINDS[kind]
    raw = model.model_json_schema(
        mode="validation", schema_generator=_YamlSchema, ref_template="#/definitions/{model}"
    )
    definitions = raw.pop("$defs", {})
    for name, definition in definitions.items():
        _describe(name, definition)
    _describe(model.__name__, raw)
    if "Entry" in definitions:
        definitions["Entry"].update(_DONE_ON_RULE)
    schema: dict[str, Any] = {"$schema": DRAFT_07, **raw}
    if definitions:
        schema["definitions"] = definitions
    renamed: dict[str, Any] = _rename_bounds(schema)
    return renamed


def _describe(model_name: str, definition: dict[str, Any]) -> None:
    """Replace the docstring (written for developers) with the users' descriptions."""
    definition.pop("description", None)
    if model_name in MODEL_TEXT:
        definition["description"] = MODEL_TEXT[model_name]
    for field, prop in definition.get("properties", {}).items():
        text = FIELD_TEXT.get((model_name, field))
        if text is not None:
            prop["description"] = text


def _rename_bounds(value: Any) -> Any:
    """pydantic writes Field(ge=…, le=…) around a validator as 'ge'/'le', which are not
    JSON Schema keywords; number schemas get 'minimum'/'maximum' instead."""
    if isinstance(value, list):
        return [_rename_bounds(item) for item in value]
    if not isinstance(value, dict):
        return value
    renamed = {key: _rename_bounds(item) for key, item in value.items()}
    if renamed.get("type") in ("integer", "number"):
        for short, keyword in _BOUNDS.items():
            if short in renamed:
                renamed[keyword] = renamed.pop(short)
    return renamed


def render(kind: SchemaKind) -> str:
    """The schema as committed in ``schema/<kind>.schema.json`` (stable bytes)."""
    return json.dumps(generate(kind), ensure_ascii=False, indent=2) + "\n"


def file_name(kind: SchemaKind) -> str:
    return f"{kind}.schema.json"
