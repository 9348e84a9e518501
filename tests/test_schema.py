"""The JSON Schemas: committed copies equal the generator, and an independent validator
(jsonschema) accepts the real data and refuses broken files, read as editors read YAML."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from typing import Annotated, Any

import jsonschema
import pytest
import yaml
from pydantic import AfterValidator
from typer.testing import CliRunner

import actionplan.commands.schema  # noqa: F401  (registers the command)
from actionplan.cli import app
from actionplan.models import Record
from actionplan.schema import KINDS, SchemaError, SchemaKind, _YamlSchema, generate, render
from actionplan.terms import parse_term
from conftest import DATA, REPO

runner = CliRunner()
MINI = Path(__file__).parent / "fixtures" / "mini"


class Yaml12Loader(yaml.SafeLoader):
    """What yaml-language-server sees: YAML 1.2 core schema (no dates, no yes/no)."""

    yaml_implicit_resolvers: dict[Any, Any] = {}  # noqa: RUF012 (PyYAML's class registry)


for _tag, _pattern, _first in (
    ("null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    ("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", list("tTfF")),
    ("int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", list("-+0123456789")),
    (
        "float",
        r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$",
        list("-+0123456789."),
    ),
):
    Yaml12Loader.add_implicit_resolver(f"tag:yaml.org,2002:{_tag}", re.compile(_pattern), _first)
Yaml12Loader.add_constructor(
    "tag:yaml.org,2002:bool", lambda loader, node: loader.construct_scalar(node).lower() == "true"
)
Yaml12Loader.add_constructor(
    "tag:yaml.org,2002:int", lambda loader, node: int(loader.construct_scalar(node), 0)
)


def yaml11(text: str) -> Any:
    """PyYAML's safe_load (YAML 1.1), dates as the ISO text JSON would carry."""

    def plain(value: Any) -> Any:
        if isinstance(value, dict):
            return {key: plain(item) for key, item in value.items()}
        if isinstance(value, list):
            return [plain(item) for item in value]
        return value.isoformat() if isinstance(value, date) else value

    return plain(yaml.safe_load(text))


def yaml12(text: str) -> Any:
    return yaml.load(text, Loader=Yaml12Loader)  # noqa: S506 (a SafeLoader subclass)


READERS = {"yaml-1.1": yaml11, "yaml-1.2": yaml12}


def validator(kind: SchemaKind) -> jsonschema.protocols.Validator:
    schema = json.loads((REPO / "schema" / f"{kind}.schema.json").read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def errors(kind: SchemaKind, text: str, reader: str = "yaml-1.2") -> list[str]:
    """'path: keyword' of each failure, inside the branch that is not "or null"."""
    found = list(validator(kind).iter_errors(READERS[reader](text)))
    return sorted({f"{'/'.join(map(str, e.absolute_path))}: {e.validator}" for e in _leaves(found)})


def _leaves(found: list[jsonschema.ValidationError]) -> list[jsonschema.ValidationError]:
    leaves = []
    for error in found:
        inner = [e for e in error.context or [] if e.relative_path or e.schema != {"type": "null"}]
        leaves += _leaves(inner) if inner else [error]
    return leaves


@pytest.mark.parametrize("kind", list(KINDS))
def test_committed_schema_equals_the_generator(kind: SchemaKind) -> None:
    committed = (REPO / "schema" / f"{kind}.schema.json").read_text(encoding="utf-8")
    assert committed == render(kind), (
        f"regenerate: actionplan schema {kind} > schema/{kind}.schema.json"
    )


@pytest.mark.parametrize("kind", list(KINDS))
def test_schema_command_prints_the_committed_schema(kind: SchemaKind) -> None:
    result = runner.invoke(app, ["schema", kind, "--lang", "en"])
    assert result.exit_code == 0
    assert result.stdout == (REPO / "schema" / f"{kind}.schema.json").read_text(encoding="utf-8")


def test_schema_command_refuses_an_unknown_kind() -> None:
    assert runner.invoke(app, ["schema", "agencies"]).exit_code == 2


@pytest.mark.parametrize("kind", list(KINDS))
def test_schemas_are_draft_07_for_editors(kind: SchemaKind) -> None:
    schema = generate(kind)
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
    assert "$defs" not in json.dumps(schema)


@pytest.mark.parametrize("reader", list(READERS))
def test_the_data_validates(reader: str) -> None:
    files: list[tuple[SchemaKind, Path]] = [
        ("programme", DATA / "programme.yaml"),
        ("programme", MINI / "programme.yaml"),
        ("decisions", DATA / "decisions.yaml"),
    ]
    files += [("update", path) for path in sorted((DATA / "updates").glob("*/*.yaml"))]
    assert len(files) > 30
    for kind, path in files:
        assert errors(kind, path.read_text(encoding="utf-8"), reader) == [], path


UPDATE = """\
agency: ban-to-chuc-tinh-uy
period: 2026-Q3
submitted: 2026-10-05
updates:
  - task: "1.2.3"
    milestone: scheme
    status: in_progress
    progress: 60
"""


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("progress: 60", "progress: 101", ["updates/0/progress: maximum"]),
        ("progress: 60", "progress: sixty", ["updates/0/progress: type"]),
        ("status: in_progress", "status: finished", ["updates/0/status: enum"]),
        ("status: in_progress", "status: done", ["updates/0: required"]),
        ("progress: 60", "done_on: 2026-09-30", ["updates/0/done_on: type"]),
        ("progress: 60", "notes: x", ["updates/0: additionalProperties"]),
        ("period: 2026-Q3", "period: 2026-Q5", ["period: pattern"]),
        (
            "submitted: 2026-10-05",
            "submitted: 05/10/2026",
            ["submitted: format", "submitted: pattern"],
        ),
        ("agency: ban-to-chuc-tinh-uy", "agency: Ban To Chuc", ["agency: pattern"]),
        ('task: "1.2.3"', 'task: "1.2.x"', ["updates/0/task: pattern", "updates/0/task: type"]),
        ("milestone: scheme", "milestone: plan", ["updates/0/milestone: enum"]),
        ("    status: in_progress\n", "", ["updates/0: required"]),
    ],
)
@pytest.mark.parametrize("reader", list(READERS))
def test_invalid_update_files_fail(old: str, new: str, expected: list[str], reader: str) -> None:
    assert errors("update", UPDATE, reader) == []
    text = UPDATE.replace(old, new)
    assert text != UPDATE
    assert errors("update", text, reader) == expected


def test_impossible_dates_fail() -> None:
    # YAML 1.2 only: PyYAML's own date reader raises before any schema sees the value.
    assert errors("update", UPDATE.replace("10-05", "02-30")) == ["submitted: format"]


def test_done_needs_done_on_and_may_have_it() -> None:
    done = UPDATE.replace("status: in_progress", "status: done\n    done_on: 2026-09-30")
    assert errors("update", done) == []


def test_what_users_naturally_type_is_accepted() -> None:
    # Empty keys mean "absent" (DESIGN §3); a bare year is a due term.
    assert errors("update", UPDATE.replace("progress: 60", "note:\n    evidence:")) == []
    decision = (
        "decisions:\n  - {task: '1.5.1', action: extend, due: 2027, ref: x, date: 2026-11-10}"
    )
    assert errors("decisions", decision) == []


def test_yaml_1_1_words_are_not_booleans_for_editors() -> None:
    text = (MINI / "programme.yaml").read_text(encoding="utf-8")
    assert errors("programme", text.replace("secretariat: true", "secretariat: yes")) == [
        "agencies/0/secretariat: type"
    ]


@pytest.mark.parametrize(
    "value",
    ["2025", "2026-Q1", "2026-Q5", "2026-H1", "2026-H3", "2026-06", "2026-13", "2026-06-15",
     "2026-6-15", "2025..2030", "2025...2030", "continuous", "central", "assigned", "soon",
     "1899", "3000", "26-Q1", " 2025", "2025 "],
)  # fmt: skip
def test_due_term_pattern_agrees_with_the_models(value: str) -> None:
    due = generate("programme")["definitions"]["Milestone"]["properties"]["due"]
    check = jsonschema.Draft7Validator(due)
    assert check.is_valid(value) == (parse_term(value) is not None), value


def test_every_key_has_a_description() -> None:
    for kind in KINDS:
        schema = generate(kind)
        for name, definition in [(kind, schema), *schema.get("definitions", {}).items()]:
            assert definition.get("description"), name
            for key, prop in definition["properties"].items():
                assert prop.get("description"), (name, key)


def test_an_undescribed_field_type_stops_the_generator() -> None:
    class Odd(Record):
        value: Annotated[str, AfterValidator(str.strip)]

    with pytest.raises(SchemaError, match="strip"):
        Odd.model_json_schema(schema_generator=_YamlSchema)
