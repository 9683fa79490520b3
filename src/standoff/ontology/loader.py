"""Load the CAMEO and PLOVER tables shipped with the package into one read-only Ontology.

Tables are read on first call of load_ontology(), never at import, and parsed once per process.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import cache
from importlib import resources

from standoff.ontology.codes import UnknownCode, parent_of, quad_class_of_root, root_of

_CAMEO_FILE = "cameo.tsv"
_PLOVER_FILE = "plover.tsv"
_MAP_FILE = "cameo_plover.tsv"


@dataclass(frozen=True, slots=True)
class PloverType:
    """A PLOVER event type. kind: "verbal" or "material"; orientation: "cooperation" or "conflict"."""

    name: str
    kind: str
    orientation: str
    description: str


@dataclass(frozen=True, slots=True)
class CameoCode:
    """A CAMEO event code with its Goldstein weight, QuadClass and PLOVER counterpart (if any)."""

    code: str
    name: str
    goldstein: float
    quad_class: int
    root: str
    plover: str | None = None
    plover_mode: str | None = None
    plover_context: str | None = None

    @property
    def parent(self) -> str | None:
        return parent_of(self.code)


class Ontology:
    """All CAMEO event codes and PLOVER types, looked up by code or type name."""

    __slots__ = ("_by_code", "_plover", "version")

    def __init__(self, codes: tuple[CameoCode, ...], plover: tuple[PloverType, ...], version: str) -> None:
        self._by_code = {c.code: c for c in codes}
        self._plover = {p.name: p for p in plover}
        # Short hash of the table bytes, so a run can record exactly which tables coded it.
        self.version = version

    def get(self, code: str) -> CameoCode | None:
        return self._by_code.get(code)

    def cameo(self, code: str) -> CameoCode:
        found = self._by_code.get(code)
        if found is None:
            raise UnknownCode(f"unknown CAMEO event code: {code!r}")
        return found

    __getitem__ = cameo

    def __contains__(self, code: object) -> bool:
        return code in self._by_code

    def __len__(self) -> int:
        return len(self._by_code)

    def codes(self) -> tuple[CameoCode, ...]:
        return tuple(self._by_code.values())

    def plover_types(self) -> tuple[PloverType, ...]:
        return tuple(self._plover.values())

    def plover_type(self, name: str) -> PloverType:
        found = self._plover.get(name)
        if found is None:
            raise UnknownCode(f"unknown PLOVER event type: {name!r}")
        return found


def _rows(name: str, data: bytes, header: tuple[str, ...]) -> list[tuple[int, list[str]]]:
    """(line number, fields) for each data row; a wrong header or width is a packaging bug."""
    lines = data.decode("utf-8").splitlines()
    if not lines or tuple(lines[0].split("\t")) != header:
        raise ValueError(f"{name}: header must be {'<TAB>'.join(header)}")
    rows = []
    for number, line in enumerate(lines[1:], start=2):
        if not line.strip():
            continue
        fields = line.split("\t")
        if len(fields) != len(header):
            raise ValueError(f"{name}:{number}: expected {len(header)} tab-separated fields, got {len(fields)}")
        rows.append((number, fields))
    return rows


def _parse(cameo: bytes, plover: bytes, mapping: bytes) -> tuple[tuple[CameoCode, ...], tuple[PloverType, ...]]:
    types = tuple(
        PloverType(name=f[0], kind=f[1], orientation=f[2], description=f[3])
        for _, f in _rows(_PLOVER_FILE, plover, ("type", "kind", "orientation", "description"))
    )
    type_names = {t.name for t in types}

    links: dict[str, tuple[str | None, str | None, str | None]] = {}
    for number, (code, event, mode, context) in _rows(_MAP_FILE, mapping, ("code", "plover", "mode", "context")):
        if event and event not in type_names:
            raise ValueError(f"{_MAP_FILE}:{number}: unknown PLOVER type {event!r}")
        links[code] = (event or None, mode or None, context or None)

    codes = []
    for number, (code, name, goldstein, quad) in _rows(_CAMEO_FILE, cameo, ("code", "name", "goldstein", "quad_class")):
        try:
            root = root_of(code)
            codes.append(CameoCode(code, name, float(goldstein), int(quad), root, *links.pop(code, (None, None, None))))
        except (UnknownCode, ValueError) as exc:
            raise ValueError(f"{_CAMEO_FILE}:{number}: {exc}") from exc
        if codes[-1].quad_class != quad_class_of_root(root):
            raise ValueError(f"{_CAMEO_FILE}:{number}: quad_class {quad} does not match root {root}")
    if links:
        raise ValueError(f"{_MAP_FILE}: codes missing from {_CAMEO_FILE}: {', '.join(sorted(links))}")
    return tuple(codes), types


@cache
def load_ontology() -> Ontology:
    """The package's CAMEO/PLOVER tables, parsed once per process."""
    package = resources.files("standoff.ontology")
    data = {name: package.joinpath(name).read_bytes() for name in (_CAMEO_FILE, _PLOVER_FILE, _MAP_FILE)}
    digest = hashlib.sha256()
    for name, blob in data.items():
        digest.update(name.encode() + b"\0" + blob + b"\0")
    codes, types = _parse(data[_CAMEO_FILE], data[_PLOVER_FILE], data[_MAP_FILE])
    return Ontology(codes, types, digest.hexdigest()[:12])
