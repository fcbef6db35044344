"""Public holidays the demo locations close for (the coming Christmas and New Year)."""

from __future__ import annotations

from datetime import date

from network.demo.specs import HoursException

SLOVENIAN_HOLIDAYS: tuple[HoursException, ...] = (
    HoursException(date(2026, 12, 24), "Božični večer: odprto do poldneva", "08:00", "12:00"),
    HoursException(date(2026, 12, 25), "Božič"),
    HoursException(date(2026, 12, 26), "Dan samostojnosti in enotnosti"),
    HoursException(date(2027, 1, 1), "Novo leto"),
    HoursException(date(2027, 1, 2), "Novo leto"),
)

CZECH_HOLIDAYS: tuple[HoursException, ...] = (
    HoursException(date(2026, 12, 24), "Štědrý den"),
    HoursException(date(2026, 12, 25), "1. svátek vánoční"),
    HoursException(date(2026, 12, 26), "2. svátek vánoční"),
    HoursException(date(2027, 1, 1), "Nový rok"),
)
