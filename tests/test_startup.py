"""`actionplan --help` must stay fast: the CLI module may not pull in heavy libraries."""

from __future__ import annotations

import subprocess
import sys

HEAVY = ("pydantic", "jinja2", "yaml", "dateutil", "rich")


def test_importing_the_cli_loads_no_heavy_module() -> None:
    code = (
        "import sys, actionplan.cli\n"
        f"heavy = {HEAVY!r}\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & set(heavy)))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_help_runs_without_heavy_modules() -> None:
    code = (
        "import sys\n"
        "from actionplan.cli import main\n"
        "sys.argv = ['actionplan', '--help']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        f"heavy = {HEAVY!r}\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & set(heavy)), file=sys.stderr)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stderr.strip() == "[]"
    assert "status" in out.stdout
