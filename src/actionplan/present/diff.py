"""``diff`` output: JSON with stable keys, and Markdown rendered by ``templates/diff.md.j2``.

The Markdown is meant for a pull-request comment or a job summary, so the template
passes every piece of staff text through the ``md`` filter (one line, no markup, no HTML).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from actionplan.compare import Comparison, EntryChange
from actionplan.models import Decision, Programme
from actionplan.present.alerts import alert_json, short_text
from actionplan.present.fmt import iso
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
        "alerts": [alert_json(alert) for alert in comparison.alerts],
    }
    return json.dumps(document, ensure_ascii=False, indent=2)


def templates_folder(option: Path | None, data_dir: Path) -> Path:
    """Where ``diff.md.j2`` comes from: the rule every rendered document follows
    (:func:`actionplan.render.templates_dir`), asking for this template, so a restyled
    folder beside the data made before ``diff`` existed does not hide the built-in one."""
    from actionplan.render import templates_dir

    return templates_dir(option, data_dir, needs=TEMPLATE)


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
