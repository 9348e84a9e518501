"""Loading a data folder's files, each parsed and validated once — or found in the cache.

:func:`actionplan.dataset.load_dataset` drives this module. Every file is read and
hashed; a file whose bytes the cache (:mod:`actionplan.cache`) has seen gives back its
problems without being parsed, and its tree is validated into models only when a
caller asks for them (``check`` never does). Cross-file checks are cached by what they
depend on: the checks of one update file or of the decisions by (that file, the
programme); the history checks by (one agency's files, the programme) —
:func:`actionplan.update_checks.check_agency_history` looks at one agency at a time.
Without a cache every lookup misses and the same code runs on fresh results.
"""

from __future__ import annotations

import hashlib
import pickle
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from actionplan.cache import Cache, digest, plain_loads
from actionplan.layout import relative_text
from actionplan.loader import Document, decode, load_bytes, read_file
from actionplan.problems import Problem

if TYPE_CHECKING:
    from actionplan.update_checks import LoadedUpdate, Lookup

# The models, validation and checks (pydantic) are imported where they are used: a
# run that finds every file in the cache (``check`` after a small change) needs none
# of them, and importing pydantic and building the models is most of its start-up.

# UTF-8 text decoded as Windows-1252/Latin-1 and saved again ("Bá»™ TÃ i chÃ­nh"):
# valid UTF-8, so only its tell-tale letter pairs give it away.
_MOJIBAKE = re.compile(
    r"Ã[\u0080-\u00bf]|Ã[ ‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]|á»[\u0080-\u00bf™œ€š]"
    r"|áº[\u0080-\u00bf™œ€š]|Ä[‘ƒ]|Æ[°¡]"
)

# A problem without its path: (line, col, code, args); cross-file ones add the file.
Found = tuple[int, int, str, tuple[tuple[str, str], ...]]


@dataclass
class DataFile:
    """One data file in this run: what is known about it, fresh or from the cache."""

    path: Path
    rel: str  # its path under the data folder, for cache keys
    group: str  # its folder under the data folder: its tree is stored with its neighbours'
    kind: str  # "programme", "decisions" or "update"
    name: str  # as problems show it
    raw: bytes | None = None  # kept only while the document is still to be built
    key: str = ""  # content hash
    problems: list[Problem] = field(default_factory=list)  # its own, not cross-file
    parsed: bool = False  # the YAML could be read: there is (or will be) a document
    valid: bool = False  # validation gave a model (for lists: maybe a salvaged one)
    indices: tuple[int, ...] = ()
    agency: str | None = None  # an update file: the agency it says it is from
    agencies: tuple[str, ...] = ()  # the programme: its agency ids (for the layout scan)
    doc: Document | None = None
    model: Any = None

    @property
    def pending(self) -> bool:
        """Known from the cache only: the document and model are still to be built."""
        return self.parsed and self.doc is None


class Run:
    """One load of a data folder: its files, the cache, and the programme's lookup."""

    def __init__(self, root: Path, cache: Cache | None, show: Any) -> None:
        self.root = root
        self.cache = cache
        self.show = show
        self.files: list[DataFile] = []
        self.programme: DataFile | None = None
        self._lookup: Lookup | None = None
        self._below = relative_text(root)
        self._names: dict[str, str] = {}  # rel → name, to restore cached problems
        self._rels: dict[str, str] = {}  # name → rel, to store them

    def read(self, path: Path, kind: str) -> DataFile:
        """Read, hash and check one file (parsing it only when the cache has not seen it)."""
        rel = self._below(path) or path.as_posix()
        item = DataFile(path, rel, rel.rpartition("/")[0], kind, self.show(path))
        self.files.append(item)
        self._names[rel], self._rels[item.name] = item.name, rel
        item.raw, item.problems = read_file(path, item.name)
        if item.raw is None:
            return item
        item.key = digest(item.raw)
        record = self._get(f"file:{kind}:{item.key}")
        if record is not None:
            found, item.parsed, item.valid, item.indices, extra = record
            item.problems = [Problem(item.name, *problem) for problem in found]
            if kind == "programme":
                item.agencies = tuple(extra)
            elif kind == "update":
                item.agency = extra
            return item
        self._parse(item)
        return item

    def _parse(self, item: DataFile) -> None:
        assert item.raw is not None
        doc, item.problems = load_bytes(item.raw, item.name)
        item.raw = None  # the document's text (or the problems) say all it did
        if doc is None:
            if self.cache is not None and _all_in(item.problems, item.name):
                found = tuple(_found(p) for p in item.problems)
                self.cache.put(f"file:{item.kind}:{item.key}", (found, False, False, (), None))
            return
        item.doc, item.parsed = doc, True
        item.problems += garbled_text(doc)
        item.model, item.indices, problems = _validate(item.kind, doc)
        item.problems += problems
        item.valid = item.model is not None
        extra: Any = None
        if item.kind == "programme" and item.model is not None:
            from actionplan.checks import check_programme

            item.problems += check_programme(item.model, doc)
            item.agencies = tuple(agency.id for agency in item.model.agencies)
            extra = list(item.agencies)
        elif item.kind == "update" and item.model is not None:
            item.agency = extra = item.model.agency
        if self.cache is not None and _all_in(item.problems, item.name):
            found = tuple(_found(p) for p in item.problems)
            record = (found, True, item.valid, item.indices, extra)
            self.cache.put(f"file:{item.kind}:{item.key}", record)
            self.cache.put_tree(item.group, item.key, pickle.dumps(doc.data, protocol=5))
        doc.data = None  # validated: only locate() needs the document from now on

    def lookup(self) -> Lookup:
        """The programme's index for cross-file checks (built when a check first needs it)."""
        if self._lookup is None:
            programme = self.programme
            assert programme is not None
            tree = self._tree(programme) if programme.pending else None
            if tree is not None:  # valid when cached: index it without validating it all
                from actionplan.cached_lookup import TreeLookup

                self._lookup = TreeLookup(plain_loads(tree))
            else:
                self.materialise(programme)
                from actionplan.update_checks import Lookup

                self._lookup = Lookup(programme.model)
        return self._lookup

    def materialise(self, item: DataFile) -> None:
        """Build the document and model of a file found in the cache (same as fresh)."""
        if not item.pending:
            return
        tree = self._tree(item)
        if tree is None:  # its tree went missing from the cache: parse it again
            self._parse(item)
            return
        assert item.raw is not None
        text, _problem = decode(item.raw, item.name)
        assert text is not None  # it decoded when the cache entry was made
        item.doc = Document(item.name, text, plain_loads(tree))
        if item.valid:
            item.model, item.indices, _problems = _validate(item.kind, item.doc)
        item.doc.data = None  # validated: only locate() needs the document from now on
        item.raw = None

    def item(self, item: DataFile) -> LoadedUpdate:
        """An update file as the checks and the dataset take it."""
        from actionplan.update_checks import LoadedUpdate

        self.materialise(item)
        assert item.doc is not None
        return LoadedUpdate(item.path, item.doc, item.model, item.indices)

    def groups(self) -> dict[str, set[str]]:
        """Each folder's parsed files (content hashes): the trees worth keeping."""
        found: dict[str, set[str]] = {}
        for item in self.files:
            if item.parsed:
                found.setdefault(item.group, set()).add(item.key)
        return found

    def _tree(self, item: DataFile) -> bytes | None:
        return self.cache.get_tree(item.group, item.key) if self.cache is not None else None

    def decision_problems(self, item: DataFile) -> list[Problem]:
        from actionplan.update_checks import check_decisions

        def run() -> list[Problem]:
            self.materialise(item)
            assert item.doc is not None
            return list(check_decisions(item.model, item.indices, item.doc, self.lookup()))

        return self._checked(f"decisions:{item.key}", run)

    def update_problems(self, item: DataFile) -> list[Problem]:
        from actionplan.update_checks import check_update_file

        return self._checked(
            f"update:{item.rel}:{item.key}",
            lambda: check_update_file(self.item(item), self.lookup()),
        )

    def history_problems(self, agency: str, items: list[DataFile]) -> list[Problem]:
        from actionplan.update_checks import check_agency_history

        members = hashlib.sha256()
        for item in items:
            members.update(f"{item.rel}\0{item.key}\n".encode())
        return self._checked(
            f"history:{agency}:{members.hexdigest()}",
            lambda: check_agency_history([self.item(item) for item in items], self.lookup()),
        )

    def _checked(self, key: str, run: Any) -> list[Problem]:
        """Cross-file problems under ``key`` + the programme's hash, from the cache or ``run``."""
        assert self.programme is not None
        key = f"checks:{key}:{self.programme.key}"
        names, rels = self._names, self._rels
        found = self._get(key)
        if found is not None and all(rel in names for rel, *_rest in found):
            return [Problem(names[rel], *rest) for rel, *rest in found]
        problems: list[Problem] = run()
        if self.cache is not None and all(p.path in rels for p in problems):
            self.cache.put(key, tuple((rels[p.path], *_found(p)) for p in problems))
        return problems

    def _get(self, key: str) -> Any:
        return self.cache.get(key) if self.cache is not None else None


def _validate(kind: str, doc: Document) -> tuple[Any, tuple[int, ...], list[Problem]]:
    from actionplan.models import Decisions, Programme, UpdateFile
    from actionplan.validate import validate_document, validate_salvaging

    if kind == "programme":
        programme, problems = validate_document(doc, Programme)
        return programme, (), problems
    if kind == "decisions":
        return validate_salvaging(doc, Decisions, "decisions")
    return validate_salvaging(doc, UpdateFile, "updates")


def _found(problem: Problem) -> Found:
    return (problem.line, problem.col, problem.code, problem.args)


def _all_in(problems: list[Problem], name: str) -> bool:
    return all(p.path == name for p in problems)


def garbled_text(doc: Document) -> list[Problem]:
    """One warning per line that looks like mojibake."""
    problems: list[Problem] = []
    last_line = 0
    for match in _MOJIBAKE.finditer(doc.text):
        line = doc.text.count("\n", 0, match.start()) + 1
        if line != last_line:
            line_start = doc.text.rfind("\n", 0, match.start()) + 1
            # Quote the whole garbled word, so the user can find it.
            word_start = max(
                [line_start] + [doc.text.rfind(c, 0, match.start()) + 1 for c in " \"'"]
            )
            sample = doc.text[word_start : word_start + 24].split("\n")[0].strip(" \"'")
            pos = (line, word_start - line_start + 1)
            problems.append(Problem.at(doc.path, pos, "AP301", sample=sample))
            last_line = line
    return problems
