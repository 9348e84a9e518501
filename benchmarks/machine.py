"""What the figures were measured on: CPU, cores, memory, system, Python and packages."""

from __future__ import annotations

import os
import platform
import sys
from importlib import metadata
from pathlib import Path

PACKAGES = ("actionplan", "typer", "PyYAML", "pydantic", "pydantic-core", "rich", "Jinja2")


def _first(path: str, prefix: str) -> str | None:
    try:
        for line in Path(path).read_text(errors="replace").splitlines():
            if line.startswith(prefix):
                return line.split(":", 1)[1].strip() if ":" in line else line.split("=", 1)[1]
    except OSError:
        return None
    return None


def _libyaml() -> str:
    try:
        import yaml

        if not getattr(yaml, "__with_libyaml__", False):
            return "not available (pure-Python parser)"
        from yaml import _yaml

        return str(_yaml.get_version_string())
    except ImportError:
        return "not available"


def describe() -> list[tuple[str, str]]:
    """(label, value) rows for the results file."""
    memory = _first("/proc/meminfo", "MemTotal")
    ram = f"{int(memory.split()[0]) / 1024 / 1024:.1f} GiB" if memory else "unknown"
    os_name = (_first("/etc/os-release", "PRETTY_NAME=") or "").strip('"')
    versions = []
    for name in PACKAGES:
        try:
            versions.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{name} (not installed)")
    load = os.getloadavg() if hasattr(os, "getloadavg") else None
    return [
        ("CPU", _first("/proc/cpuinfo", "model name") or platform.processor() or "unknown"),
        ("Cores", str(os.cpu_count())),
        ("RAM", ram),
        ("OS", f"{os_name} ({platform.platform()})" if os_name else platform.platform()),
        ("Python", sys.version.replace("\n", " ")),
        ("libyaml", _libyaml()),
        ("Packages", ", ".join(versions)),
        ("Load average at start", " / ".join(f"{x:.2f}" for x in load) if load else "unknown"),
    ]
