"""Fuzzing: whatever bytes or structures arrive, the loader and `check` answer with
documented problems and never crash.

Raw-byte fuzzing runs in a child interpreter, so a segfault in a C extension (PyYAML's
libyaml binding is one) fails the test instead of killing the test run.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from actionplan import yamlout
from actionplan.codes import CODES
from actionplan.dataset import load_dataset
from actionplan.loader import load_bytes

MINI = Path(__file__).parent / "fixtures" / "mini"

CHILD = """
import os, sys
from hypothesis import given, settings, HealthCheck, strategies as st
from actionplan.codes import CODES
from actionplan.loader import load_bytes

YAMLISH = st.sampled_from([b"a: ", b"- ", b"[", b"]", b"{", b"}", b"&x ", b"*x", b"!!str ",
    b"---\\n", b"\\n", b"  ", b"\\t", b"'", b'"', b"\\\\e", b"<<: ", b"? ", b"|\\n", b"#",
    b"\\xef\\xbb\\xbf", b"\\xff\\xfe", b"\\xc3", b"\\xe1\\xbb\\x87", b"%YAML 1.1\\n", b":"])

@settings(max_examples=int(os.environ["EXAMPLES"]), deadline=None,
          suppress_health_check=list(HealthCheck), database=None)
@given(st.one_of(st.binary(max_size=400), st.lists(YAMLISH, max_size=60).map(b"".join)))
def fuzz(raw):
    doc, problems = load_bytes(raw, "f.yaml")
    assert (doc is None) == any(p.is_error for p in problems)
    for p in problems:
        assert p.code in CODES
        p.message()

fuzz()
print("ok")
"""


def test_loader_never_crashes_on_any_bytes() -> None:
    examples = "2000" if os.environ.get("HYPOTHESIS_PROFILE") == "long" else "300"
    done = subprocess.run(
        [sys.executable, "-c", CHILD],
        capture_output=True,
        text=True,
        env={**os.environ, "EXAMPLES": examples},
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]  # < 0 would be a signal (segfault)
    assert done.stdout.strip() == "ok"


SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-5, 200),
    st.text(max_size=12),
    st.sampled_from(
        [
            "no",
            "yes",
            "1.10",
            "010",
            "12:30",
            "2026-02-30",
            "2026-10-05",
            "2026-Q3",
            "done",
            "in_progress",
            "1.1.4",
            "ubnd",
            "~",
            ".inf",
        ]
    ),
)
KEYS = st.sampled_from(
    [
        "agency",
        "period",
        "submitted",
        "contact",
        "updates",
        "task",
        "milestone",
        "status",
        "done_on",
        "progress",
        "resources",
        "obstacles",
        "evidence",
        "note",
        "extra",
    ]
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(KEYS, inner, max_size=4)),
    max_leaves=12,
)


@given(st.dictionaries(KEYS, VALUES, max_size=8))
def test_check_answers_any_update_structure_with_documented_problems(
    document: dict[str, Any],
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "data"
        shutil.copytree(MINI, root)
        target = root / "updates" / "ubnd" / "2026-Q3.yaml"
        target.parent.mkdir(parents=True)
        target.write_text(yamlout.dump(document) if document else "", encoding="utf-8")
        dataset = load_dataset(root)
    for problem in dataset.problems:
        assert problem.code in CODES
        assert problem.message()


@given(st.binary(max_size=300))
def test_load_bytes_in_process_is_total(raw: bytes) -> None:
    doc, problems = load_bytes(raw, "f.yaml")
    assert doc is not None or problems
