"""The floor of a command: parse the same YAML files with PyYAML's C loader, nothing else.

``python rawparse.py [--import MOD,MOD…] DATA`` imports the named modules first (the
libraries a command needs), then ``yaml.load(…, Loader=yaml.CSafeLoader)`` every data
file actionplan reads: ``programme.yaml``, ``decisions.yaml`` and
``updates/<agency>/<YYYY-Qn>.yaml``. Each parsed file is dropped before the next, so
the peak memory is that of the parser and the largest file, not of the whole folder.
Only ``os`` is used to find the files: a floor must not pay for imports (even pathlib's)
that the measured work does not need.
"""

import importlib
import os
import sys


def files(root: str) -> list[str]:
    """The data files, in the order actionplan reads them."""
    with os.scandir(root) as entries:
        top = {entry.name: entry for entry in entries}
    found = [top[name].path for name in ("programme.yaml", "decisions.yaml") if name in top]
    if "updates" in top and top["updates"].is_dir():
        with os.scandir(top["updates"].path) as agencies:
            folders = sorted((a for a in agencies if a.is_dir()), key=lambda a: a.name)
        for folder in folders:
            with os.scandir(folder.path) as entries:
                names = sorted(e.path for e in entries if e.name.endswith(".yaml"))
            found += names
    return found


def main() -> None:
    args = sys.argv[1:]
    if args[:1] == ["--import"]:
        for module in args[1].split(","):
            importlib.import_module(module)
        args = args[2:]
    import yaml

    for path in files(args[0]):
        with open(path, "rb") as handle:  # noqa: PTH123 - see the module docstring
            yaml.load(handle.read(), Loader=yaml.CSafeLoader)


main()
