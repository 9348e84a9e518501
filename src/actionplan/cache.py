"""A cache of parsed and validated data files, keyed by their content (issue 7).

``<data>/.actionplan-cache/pack`` holds, for each data file seen before, the SHA-256
of its bytes, its parsed tree and the problems found in it, and the results of the
cross-file checks keyed by the hashes they depend on (:mod:`actionplan.dataset`
builds the keys). A second run parses only the files whose bytes changed.

Trust. A pull request can commit a ``.actionplan-cache/`` folder (``git add -f``), so
a pack found on disk is never believed on its own word: it is authenticated with
HMAC-SHA256 under a per-user secret kept *outside* the data folder
(``$XDG_CACHE_HOME/actionplan/cache-key``), and unpickled with every global refused,
so it can only ever produce plain values. A pack that is corrupt, was written by
another version of the tool or its dependencies (the *fingerprint*: the version and
the package's own source, so an edited checkout invalidates it too), or under another
secret is discarded whole; an entry whose content hash differs is simply not found.

Policy. Small folders are not worth a cache (reading the pack costs about what parsing
them does), so a pack is first written when the data files total at least
:data:`MIN_BYTES`; once a pack exists it is kept up to date. ``ACTIONPLAN_NO_CACHE=1``
(or ``load_dataset(..., cache=False)``) neither reads nor writes one. Any I/O problem
just means no cache: it is an optimisation, never a reason to fail.
"""

from __future__ import annotations

import contextlib
import io
import os
import pickle
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import hmac

# hashlib, hmac, secrets and tempfile are imported where used: a small data folder never
# has a cache, and every command would pay for loading OpenSSL's hashes otherwise.

from actionplan import __version__

CACHE_DIR = ".actionplan-cache"
NO_CACHE_ENV = "ACTIONPLAN_NO_CACHE"
PACK_NAME = "pack"
TREES_DIR = "trees"
MIN_BYTES = 1024 * 1024
_MAGIC = b"actionplan-cache 1\n"
_KEY_BYTES = 32
_TAG_BYTES = 32  # HMAC-SHA256


_switched_off: list[bool] = [False]  # by the command line's --no-cache


def switch_off(off: bool) -> None:
    """``--no-cache``: neither read nor write the cache in this run."""
    _switched_off[0] = off


def enabled(option: bool | None = None) -> bool:
    """An explicit option wins; then ``--no-cache``; otherwise on unless
    ``ACTIONPLAN_NO_CACHE`` is set (to anything but 0)."""
    if option is not None:
        return option
    if _switched_off[0]:
        return False
    return os.environ.get(NO_CACHE_ENV, "").strip() in ("", "0")


def digest(raw: bytes) -> str:
    """The content key of a file's bytes."""
    import hashlib

    return hashlib.sha256(raw).hexdigest()


class Cache:
    """The entries read from the pack, and those this run used or made for the next one.

    Parsed trees, the bulk, are kept apart from the index: one small pack per data
    folder (``trees/``), read only when a model must be built and rewritten only for a
    folder whose files changed."""

    def __init__(self, folder: Path, existed: bool) -> None:
        self.folder = folder
        self._existed = existed
        self._found: dict[str, Any] = {}
        self._kept: dict[str, Any] = {}
        self._changed = False
        self._secret: bytes | None = None
        self._fingerprint: bytes | None = None
        self._trees_found: dict[str, dict[str, bytes]] = {}
        self._trees_new: dict[str, dict[str, bytes]] = {}

    def _print(self) -> bytes:
        if self._fingerprint is None:
            self._fingerprint = fingerprint()
        return self._fingerprint

    @classmethod
    def open(cls, root: Path) -> Cache | None:
        """The cache of the data folder ``root`` (empty when there is none to trust), or
        None for a folder too small to be worth one that has none yet."""
        folder = root / CACHE_DIR
        if not _own_folder(folder) or not os.access(root, os.W_OK):
            return None
        pack = folder / PACK_NAME
        if not pack.is_file() or pack.is_symlink():
            return cls(folder, existed=False) if _at_least(root, MIN_BYTES) else None
        cache = cls(folder, existed=True)
        cache._secret = _secret(create=False)
        if cache._secret is not None:
            cache._found = _read_pack(pack, cache._secret, cache._print(), b"index") or {}
        return cache

    def get(self, key: str) -> Any:
        """The value stored under ``key`` (kept for the next run), or None."""
        value = self._found.get(key)
        if value is not None:
            self._kept[key] = value
        return value

    def put(self, key: str, value: Any) -> None:
        self._kept[key] = value
        self._changed = True

    def get_tree(self, group: str, key: str) -> bytes | None:
        """The pickled tree of the file with content hash ``key`` in folder ``group``."""
        made = self._trees_new.get(group, {}).get(key)
        return made if made is not None else self._trees(group).get(key)

    def put_tree(self, group: str, key: str, tree: bytes) -> None:
        self._trees_new.setdefault(group, {})[key] = tree

    def _trees(self, group: str) -> dict[str, bytes]:
        if group not in self._trees_found:
            found = None
            if self._secret is not None and self._existed:
                path, context = self._tree_pack(group)
                found = _read_pack(path, self._secret, self._print(), context)
            self._trees_found[group] = found or {}
        return self._trees_found[group]

    def _tree_pack(self, group: str) -> tuple[Path, bytes]:
        import hashlib

        name = hashlib.sha256(group.encode()).hexdigest()[:32]
        return self.folder / TREES_DIR / name, b"trees\0" + group.encode()

    def save(self, groups: dict[str, set[str]]) -> None:
        """Write what this run used and made, dropping what no file needs any more.

        ``groups``: every folder's current files (content hashes). Nothing is written
        when nothing changed.
        """
        if not (self._changed or self._trees_new or self._kept.keys() != self._found.keys()):
            return
        secret = _secret(create=True)
        if secret is None:
            return
        if secret != self._secret:  # a new key: nothing stored under the old one is readable
            self._secret, self._trees_found = secret, {}
        with contextlib.suppress(OSError):
            self.folder.mkdir(exist_ok=True)
            if not (_own_folder(self.folder) and _own_folder(self.folder / TREES_DIR)):
                return  # a link planted in the data: never write (or delete) through it
            ignore = self.folder / ".gitignore"
            if not ignore.exists():  # repositories without our .gitignore line keep it out too
                ignore.write_text("# Written by actionplan: a cache, never commit it.\n*\n")
            # Trees first: an index never names a tree that is not on disk yet (and a
            # missing one only means parsing that file again).
            for group, made in self._trees_new.items():
                old = self._trees(group)
                wanted = groups.get(group, set())
                known = {**old, **made}
                trees = {key: known[key] for key in wanted if key in known}
                path, context = self._tree_pack(group)
                _write_pack(path, secret, self._print(), context, trees)
            _write_pack(self.folder / PACK_NAME, secret, self._print(), b"index", self._kept)
            current = {self._tree_pack(group)[0].name for group in groups}
            for stale in (self.folder / TREES_DIR).iterdir():
                if stale.name not in current and not stale.name.startswith("."):
                    stale.unlink()  # a folder that is gone (hidden: another run's temp)


def fingerprint() -> bytes:
    """What the cached results depend on besides the data: the tool and its parsers.

    Versions come from the installed metadata: importing pydantic just to ask would
    cost a run that finds everything in the cache most of its time."""
    import hashlib
    from importlib import metadata

    parts = [_MAGIC.decode(), __version__, sys.version]
    for dist in ("pydantic", "pydantic-core", "PyYAML"):
        try:
            parts.append(f"{dist} {metadata.version(dist)}")
        except metadata.PackageNotFoundError:
            parts.append(f"{dist} ?")
    hasher = hashlib.sha256("\0".join(parts).encode())
    package = Path(__file__).resolve().parent
    for source in sorted(package.rglob("*.py")):
        hasher.update(source.relative_to(package).as_posix().encode() + b"\0")
        with contextlib.suppress(OSError):
            hasher.update(source.read_bytes())
    return hasher.digest()


def _own_folder(folder: Path) -> bool:
    """Absent, or a real folder: a symbolic link (a pull request can commit one) could
    make the cache write or prune files anywhere."""
    return not folder.is_symlink() and (folder.is_dir() or not folder.exists())


def _at_least(root: Path, size: int) -> bool:
    """Whether the data files under ``root`` total ``size`` bytes (stops counting there)."""
    total = 0
    folders = [root, root / "updates"]
    try:
        with os.scandir(root / "updates") as agencies:
            folders += [Path(entry.path) for entry in agencies if entry.is_dir()]
    except OSError:
        pass
    for folder in folders:
        try:
            with os.scandir(folder) as entries:
                for entry in entries:
                    if entry.name.endswith(".yaml") and entry.is_file():
                        total += entry.stat().st_size
                        if total >= size:
                            return True
        except OSError:
            continue
    return False


def _key_path() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "actionplan" / "cache-key"


def _secret(*, create: bool) -> bytes | None:
    """This user's secret for authenticating packs; made on first need when ``create``."""
    try:
        path = _key_path()
        key = path.read_bytes()
        if len(key) == _KEY_BYTES:
            return key
    except FileNotFoundError:
        pass
    except (OSError, RuntimeError):  # RuntimeError: no home folder
        return None
    if not create:
        return None
    import secrets
    import tempfile

    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".cache-key.")  # mode 0600
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(secrets.token_bytes(_KEY_BYTES))
            with contextlib.suppress(FileExistsError):  # another run made one meanwhile
                os.link(tmp, path)
        finally:
            Path(tmp).unlink()
        key = path.read_bytes()
    except OSError:
        return None
    return key if len(key) == _KEY_BYTES else None


def _mac(secret: bytes, fingerprint: bytes, context: bytes) -> hmac.HMAC:
    """The MAC of a pack: the tool's fingerprint and what the pack is (the index, or one
    folder's trees), then its payload, so a pack cannot stand in for another."""
    import hashlib
    import hmac

    mac = hmac.new(secret, fingerprint, hashlib.sha256)
    mac.update(b"\0" + context + b"\0")
    return mac


def _read_pack(
    pack: Path, secret: bytes, fingerprint: bytes, context: bytes
) -> dict[str, Any] | None:
    """The pack's entries, or None when it is not exactly what this tool wrote."""
    import hmac

    try:
        blob = pack.read_bytes()
    except OSError:
        return None
    head = len(_MAGIC) + _TAG_BYTES
    if not blob.startswith(_MAGIC) or len(blob) < head:
        return None
    tag, payload = blob[len(_MAGIC) : head], blob[head:]
    del blob
    mac = _mac(secret, fingerprint, context)
    mac.update(payload)
    if not hmac.compare_digest(tag, mac.digest()):
        return None
    try:
        entries = plain_loads(payload)
    except Exception:  # noqa: BLE001 - whatever is wrong with it, the pack is not used
        return None
    return entries if isinstance(entries, dict) else None


def _write_pack(
    path: Path, secret: bytes, fingerprint: bytes, context: bytes, entries: dict[str, Any]
) -> None:
    """Atomically (temporary file + os.replace): readers see the old pack or the new one.

    The payload is streamed to disk and authenticated on the way (a national roll-up's
    pack is tens of megabytes: no copies of it in memory). No fsync: a pack torn by a
    crash fails its HMAC and is discarded."""
    import tempfile

    folder = path.parent
    folder.mkdir(parents=True, exist_ok=True)
    mac = _mac(secret, fingerprint, context)
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=".pack.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(_MAGIC + bytes(mac.digest_size))  # the tag goes here at the end
            pickle.dump(entries, _Authenticated(handle, mac), protocol=5)
            handle.seek(len(_MAGIC))
            handle.write(mac.digest())
        Path(tmp).replace(path)
    except BaseException:
        with contextlib.suppress(OSError):
            Path(tmp).unlink()
        raise


class _Authenticated:
    """A write-only file that feeds everything written through it to a MAC."""

    def __init__(self, handle: Any, mac: hmac.HMAC) -> None:
        self._handle, self._mac = handle, mac

    def write(self, data: bytes) -> int:
        self._mac.update(data)
        return int(self._handle.write(data))


def plain_loads(blob: bytes) -> Any:
    """Unpickle plain values only (a tree this module's caller pickled into a pack)."""
    return _PlainUnpickler(io.BytesIO(blob)).load()


class _PlainUnpickler(pickle.Unpickler):
    """Builds only plain values (dict, list, tuple, str, bytes, int, bool, None)."""

    def find_class(self, module: str, name: str) -> Any:
        raise pickle.UnpicklingError(f"refused global {module}.{name}")
