"""What each event type allows: how far apart two dates of one real event may be,
and which facets (stages) come in which order."""

from __future__ import annotations

import datetime as _dt
from functools import lru_cache
from importlib import resources
from typing import Optional

import yaml

from .._edtf import day_number

#: Types a person goes through once: any two claims about them are about the same event.
ONCE_IN_A_LIFE = frozenset({"birth", "death", "execution", "rehabilitation"})

#: Types whose dates are intervals (a residence spans years): they cluster when they overlap.
INTERVAL_TYPES = frozenset({"residence", "membership", "position_held", "imprisonment", "period"})

#: Types where a place is part of the identity of the event (two residences in two countries
#: are two events).
PLACE_DEFINES = frozenset({"residence", "arrival", "departure", "imprisonment", "internal_exile"})

#: Types that move a person: a gap of days or weeks may be departure vs arrival.
MOVEMENT_TYPES = frozenset(
    {"internal_exile", "deportation", "arrival", "departure", "return_from_exile", "escape_attempt"}
)

#: A departure and an arrival of one person at most this many days apart, in that
#: order and at different places, are the two ends of one journey.
JOURNEY_DAYS = 14

#: Default: two dated claims further apart than this (days) are two events of that type.
DEFAULT_WINDOW_DAYS = 366
WINDOW_DAYS = {
    "attack": 60,
    "arrest": 180,
    "speech": 30,
    "meeting": 60,
    "demonstration": 30,
    "publication": 800,
    "commemoration": 30,
    "award": 366,
    "quantity": 366,
}

#: Stages of one multi-step event, in the order they happen.
FACET_ORDER = {
    "decision": 0,
    "announcement": 1,
    "verdict": 1,
    "start": 2,
    "departure": 2,
    "arrival": 3,
    "end": 4,
}


def window_days(event_type: str) -> float:
    if event_type in ONCE_IN_A_LIFE:
        return float("inf")
    return WINDOW_DAYS.get(event_type, DEFAULT_WINDOW_DAYS)


@lru_cache(maxsize=1)
def _calendar_data() -> dict:
    text = resources.files("chronicon.reconcile").joinpath("data/calendars.yaml").read_text("utf-8")
    data = yaml.safe_load(text)
    adoption = {}
    for code, d in data["gregorian_adoption"].items():
        if isinstance(d, str):
            d = _dt.date.fromisoformat(d)
        adoption[code] = day_number(d.year, d.month, d.day)
    last = data["last_adoption"]
    if isinstance(last, str):
        last = _dt.date.fromisoformat(last)
    return {"adoption": adoption, "last": day_number(last.year, last.month, last.day)}


def julian_in_use(day: int, country: Optional[str]) -> Optional[bool]:
    """Was the Julian calendar in civil use on that day in that country?

    True or False when the country is known; None when it is not (then only
    the date can rule it out: after the last adoption, no one used it)."""
    data = _calendar_data()
    if day >= data["last"]:
        return False
    if not country:
        return None
    first = data["adoption"].get(country.upper())
    if first is None:
        # A country not listed adopted the Gregorian calendar with its first
        # calendar of European type, or never used the Julian one.
        return False
    return day < first
