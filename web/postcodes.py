"""Copenhagen-area postcodes with district names and centroids, shipped as package data.

Central Copenhagen and Frederiksberg C use a postcode per street; they are stored as ranges
that share a centroid, which is precise enough for commute distances of a few kilometres.
"""
import csv
from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True)
class Postcode:
    code: str
    town: str
    district: str
    municipality: str
    lat: float
    lon: float

    @property
    def label(self) -> str:
        if self.district and self.district != self.town:
            return f"{self.code} {self.town} ({self.district})"
        return f"{self.code} {self.town}"


@dataclass(frozen=True)
class _Range:
    first: int
    last: int
    town: str
    district: str
    municipality: str
    lat: float
    lon: float


@cache
def _ranges() -> tuple[_Range, ...]:
    text = resources.files("web.data").joinpath("postcodes.csv").read_text(encoding="utf-8")
    return tuple(
        _Range(
            int(row["first"]),
            int(row["last"]),
            row["town"],
            row["district"],
            row["municipality"],
            float(row["lat"]),
            float(row["lon"]),
        )
        for row in csv.DictReader(text.splitlines())
    )


def lookup(code: str | None) -> Postcode | None:
    """The postcode's town, district and centroid, or None when it is not in the area."""
    code = (code or "").strip()
    if len(code) != 4 or not code.isdigit():
        return None
    number = int(code)
    for row in _ranges():
        if row.first <= number <= row.last:
            return Postcode(code, row.town, row.district, row.municipality, row.lat, row.lon)
    return None


def district_of(code: str | None) -> str:
    """The label employers see instead of an address (empty when unknown)."""
    postcode = lookup(code)
    return postcode.label if postcode else ""


def datalist() -> list[Postcode]:
    """One entry per range, for the form's suggestion list."""
    return [
        Postcode(str(row.first), row.town, row.district, row.municipality, row.lat, row.lon)
        for row in _ranges()
    ]
