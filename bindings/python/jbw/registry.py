"""The registry of regions (jeugdregio's), municipalities and organisations
(GI's), and which organisation serves which region (``jbw/registry.h``,
registry CSV in ``jbw/io.h``)."""
from __future__ import annotations

import os
from ctypes import byref, c_char_p, c_int, c_size_t
from dataclasses import dataclass
from typing import Any, List, Optional, Tuple, Union

from . import _structs as S
from ._lib import C
from ._util import (Handle, dec, enc, enc_arg, new_handle, path_arg, take_string, text_arg,
                    whole)

__all__ = ["Registry", "Region", "Municipality", "Organisation"]


@dataclass(frozen=True)
class Region:
    """A jeugdregio: its key ("ZHZ"), name and CBS code ("" when unknown)."""
    key: str
    name: str
    cbs_code: str = ""


@dataclass(frozen=True)
class Municipality:
    """A municipality and the key of its region."""
    name: str
    region: str


@dataclass(frozen=True)
class Organisation:
    """A GI (gecertificeerde instelling) and the keys of the regions it serves."""
    key: str
    name: str
    regions: Tuple[str, ...] = ()


class Registry(Handle):
    """Regions, municipalities and organisations (``jbw_registry``).

    ``Registry()`` is empty; :meth:`zuid_west` is the embedded Zuid-West
    registry; :meth:`load_csv` reads registry.csv.
    """

    _free = staticmethod(C.jbw_registry_free)
    _instead = (
        "use to_csv() and Registry.from_csv(text) to pass it on")

    def __init__(self, _handle: int = 0) -> None:
        super().__init__(_handle or new_handle(C.jbw_registry_new))

    @classmethod
    def zuid_west(cls) -> "Registry":
        """The embedded Zuid-West registry: regions HGL, HR, MH, ZHZ and the
        GI's JBWEST, WSS, LDH, each serving all four regions."""
        return cls(new_handle(C.jbw_registry_zuid_west))

    @classmethod
    def national(cls, year: Optional[int] = None) -> "Registry":
        """The national registry on 1 January of ``year`` (default: the
        latest; see :meth:`national_years`): the 42 CBS jeugdregio's keyed by
        their CBS code ("JZ24"), every municipality of that year under CBS's
        name, and the GI's a public source places in regions. Raises
        RangeError for a year without data, TypeError for a non-int."""
        if year is None:
            year = cls.national_years()[1]
        elif isinstance(year, bool) or not isinstance(year, int):
            raise TypeError(f"year must be an int, not {type(year).__name__}")
        return cls(new_handle(C.jbw_registry_national, year))

    @staticmethod
    def national_years() -> Tuple[int, int]:
        """The first and last year :meth:`national` knows."""
        return (C.jbw_registry_national_first_year(),
                C.jbw_registry_national_last_year())

    @classmethod
    def load_csv(cls, path: Union[str, "os.PathLike[str]"], *,
                 max_file_bytes: Optional[int] = None,
                 max_line_bytes: Optional[int] = None) -> "Registry":
        """Reads a registry.csv file (strict). Raises JbwIOError, ParseError,
        Duplicate or NotFound naming the file and line; RangeError past the
        readers' limits (None: 256 MiB a file, 64 KiB a line)."""
        from .snapshot import _load_options
        opts = _load_options(False, False, None, max_file_bytes, max_line_bytes)
        return cls(new_handle(C.jbw_registry_load_csv_opts, path_arg(path),
                              byref(opts)))

    @classmethod
    def from_csv(cls, text: Union[str, bytes], name: str = "registry.csv") -> "Registry":
        """Parses registry.csv text held in memory; ``name`` is used in messages."""
        raw = text_arg(text)
        return cls(new_handle(C.jbw_registry_load_csv_buffer, raw, len(raw), enc(name)))

    def to_csv(self) -> str:
        """The registry as registry.csv text."""
        return take_string(C.jbw_registry_csv, self._p)

    def to_json(self) -> str:
        """The registry as JSON: regions (key, name, cbs_code,
        municipalities) and organisations (key, name, regions)."""
        return take_string(C.jbw_registry_json, self._p)

    def to_text(self) -> str:
        """The registry as text for people, one line per region."""
        return take_string(C.jbw_registry_text, self._p)

    def clone(self) -> "Registry":
        """An independent copy."""
        return Registry(new_handle(C.jbw_registry_clone, self._p))

    def __copy__(self) -> "Registry":
        return self.clone()

    def __deepcopy__(self, memo: Any) -> "Registry":
        return self.clone()

    # -- building ----------------------------------------------------------

    def add_region(self, key: str, name: str, cbs_code: str = "") -> None:
        """Adds a region (keys: 1-64 letters, digits, '_', '-', '.')."""
        C.jbw_registry_add_region(self._p, enc_arg(key, "key"), enc_arg(name, "name"),
                                  enc_arg(cbs_code, "cbs_code"))

    def add_municipality(self, name: str, region: str) -> None:
        """Adds a municipality in an existing region."""
        C.jbw_registry_add_municipality(self._p, enc_arg(name, "name"),
                                        enc_arg(region, "region"))

    def add_organisation(self, key: str, name: str) -> None:
        """Adds an organisation (GI)."""
        C.jbw_registry_add_organisation(self._p, enc_arg(key, "key"), enc_arg(name, "name"))

    def add_service(self, organisation: str, region: str) -> None:
        """Records that an organisation serves a region."""
        C.jbw_registry_add_service(self._p, enc_arg(organisation, "organisation"),
                                   enc_arg(region, "region"))

    # -- reading -------------------------------------------------------------

    def _describe(self) -> str:
        return (f"{self.region_count} regions, {self.municipality_count} municipalities, "
                f"{self.organisation_count} organisations")

    @property
    def region_count(self) -> int:
        """Number of regions."""
        return C.jbw_registry_region_count(self._p)

    @property
    def municipality_count(self) -> int:
        """Number of municipalities."""
        return C.jbw_registry_municipality_count(self._p)

    @property
    def organisation_count(self) -> int:
        """Number of organisations."""
        return C.jbw_registry_organisation_count(self._p)

    def region(self, index: int) -> Region:
        """The index-th region, in the order added."""
        info = S.RegionInfo(version=S.RegionInfo.VERSION)
        C.jbw_registry_region(byref(info), self._p, whole(index, "index", 0))
        return Region(dec(info.key) or "", dec(info.name) or "", dec(info.cbs_code) or "")

    def municipality(self, index: int) -> Municipality:
        """The index-th municipality."""
        info = S.MunicipalityInfo(version=S.MunicipalityInfo.VERSION)
        C.jbw_registry_municipality(byref(info), self._p, whole(index, "index", 0))
        return Municipality(dec(info.name) or "", dec(info.region) or "")

    def organisation(self, index: int) -> Organisation:
        """The index-th organisation with the regions it serves."""
        info = S.OrganisationInfo(version=S.OrganisationInfo.VERSION)
        p = self._p
        index = whole(index, "index", 0)
        C.jbw_registry_organisation(byref(info), p, index)
        regions = []
        key = c_char_p()
        for i in range(info.region_count):
            C.jbw_registry_organisation_region(byref(key), p, index, i)
            regions.append(dec(key.value) or "")
        return Organisation(dec(info.key) or "", dec(info.name) or "", tuple(regions))

    def regions(self) -> List[Region]:
        """Every region, in the order added."""
        return [self.region(i) for i in range(self.region_count)]

    def municipalities(self) -> List[Municipality]:
        """Every municipality, in the order added."""
        return [self.municipality(i) for i in range(self.municipality_count)]

    def organisations(self) -> List[Organisation]:
        """Every organisation, in the order added."""
        return [self.organisation(i) for i in range(self.organisation_count)]

    def find_region(self, key: str) -> int:
        """Index of a region by key (NotFound when absent)."""
        out = c_size_t()
        C.jbw_registry_find_region(byref(out), self._p, enc(key))
        return out.value

    def find_organisation(self, key: str) -> int:
        """Index of an organisation by key (NotFound when absent)."""
        out = c_size_t()
        C.jbw_registry_find_organisation(byref(out), self._p, enc(key))
        return out.value

    def find_municipality(self, name: str) -> int:
        """Index of a municipality by its exact name (NotFound when absent)."""
        out = c_size_t()
        C.jbw_registry_find_municipality(byref(out), self._p, enc(name))
        return out.value

    def region_of(self, municipality: str) -> str:
        """The key of the region a municipality belongs to."""
        return self.municipality(self.find_municipality(municipality)).region

    def serves(self, organisation: str, region: str) -> bool:
        """True when the organisation serves the region (NotFound for an
        unknown key)."""
        out = c_int()
        C.jbw_registry_serves(byref(out), self._p, enc_arg(organisation, "organisation"),
                             enc_arg(region, "region"))
        return bool(out.value)

    def to_dict(self) -> dict:
        """Regions, municipalities and organisations as plain dicts."""
        from dataclasses import asdict
        return {"regions": [asdict(r) for r in self.regions()],
                "municipalities": [asdict(m) for m in self.municipalities()],
                "organisations": [asdict(o) for o in self.organisations()]}
