"""``diff`` output: JSON with stable keys, and Markdown rendered by ``templates/diff.md.j2``.

The Markdown is meant for a pull-request comment or a job summary, so the template
passes every piece of staff text through the ``md`` filter (one line, no markup, no HTML).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from actionplan.compare import Comparison, EntryChange
from actionplan.i18n import _
from actionplan.models import Decision, Programme
from actionplan.present.alerts import short_text
from actionplan.present.fmt import iso
from actionplan.present.status import task_json
from actionplan.problems import ActionplanError
from actionplan.revisions import RevisionData

TEMPLATE = "diff.md.j2"


def _side(data: RevisionData) -> dict[str, Any]:
    errors = sum(p.is_error for p in data.dataset.problems)
    return {"rev": data.rev, "commit": data.commit, "short": data.short, "errors": errors}


def _entry_json(change: EntryChange) -> dict[str, Any]:
    entry = change.entry
    return {
        "file": change.path,
        "agency": change.agency,
        "period": change.period,
        "submitted": iso(change.submitted),
        "change": change.change,
        "task": entry.task,
        "milestone": change.milestone,
        "status": entry.status,
        "done_on": iso(entry.done_on),
        "progress": entry.progress,
        "resources": entry.resources,
        "obstacles": entry.obstacles,
        "evidence": list(entry.evidence),
        "note": entry.note,
    }


def _decision_json(decision: Decision) -> dict[str, Any]:
    return {
        "task": decision.task,
        "milestone": decision.milestone,
        "action": decision.action,
        "due": decision.due,
        "ref": decision.ref,
        "date": iso(decision.date),
    }


def to_json(comparison: Comparison, base: RevisionData, head: RevisionData) -> str:
    """Every list is present (empty when nothing changed); keys never depend on the data."""
    period = comparison.head.report_period
    document = {
        "as_of": comparison.as_of.isoformat(),
        "report_period": str(period) if period else None,
        "base": _side(base),
        "head": _side(head),
        "transitions": [
            {
                "id": t.task_id,
                "text": t.text,
                "leads": list(t.leads),
                "from": t.before,
                "to": t.after,
            }
            for t in comparison.transitions
        ],
        "entries": [_entry_json(change) for change in comparison.entries],
        "decisions": [_decision_json(decision) for decision in comparison.decisions],
        "alerts": [
            {
                "alert": alert.group,
                "agencies": list(alert.agencies),
                **task_json(alert.task),
                "text": alert.task.task.text,
                "note": alert.note,
                "note_by": alert.note_by,
            }
            for alert in comparison.alerts
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=2)


def templates_folder(option: Path | None, data_dir: Path) -> Path:
    """``--templates``, ``$ACTIONPLAN_TEMPLATES`` or the folder beside the data, when it
    has the diff template; else the built-in one. A restyled folder made before ``diff``
    existed thus keeps working: what it lacks comes from the tool."""
    from actionplan.render import PACKAGED, REPOSITORY, TEMPLATES_ENV

    chosen = option or (Path(os.environ[TEMPLATES_ENV]) if os.environ.get(TEMPLATES_ENV) else None)
    if chosen is not None and not chosen.is_dir():
        raise ActionplanError(_("Templates folder {path} not found.").format(path=chosen))
    candidates = [chosen] if chosen else [data_dir.resolve().parent / "templates"]
    for candidate in [*candidates, PACKAGED, REPOSITORY]:
        if (candidate / TEMPLATE).is_file():
            return candidate
    raise ActionplanError(_("No report templates found; pass --templates DIR."))


def to_markdown(
    comparison: Comparison,
    base: RevisionData,
    head: RevisionData,
    programme: Programme,
    folder: Path,
) -> str:
    from actionplan.render import render

    context = {
        "diff": comparison,
        "base": _side(base),
        "head": _side(head),
        "title": programme.programme.title,
        "names": {agency.id: agency.name for agency in programme.agencies},
        "short_text": short_text,
    }
    return render(folder, TEMPLATE, context)
