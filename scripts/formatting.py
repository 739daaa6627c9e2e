"""How a mart value reads to a person, by the column's naming convention (CONTRIBUTING.md):
shared by the headline `make run` prints and the report, so a number reads the same in both."""

from __future__ import annotations

from decimal import Decimal


def is_fraction(name: str) -> bool:
    """Columns holding a fraction 0-1: `_rate` (the house rule) and a rate's interval bounds
    (`_rate_lower` / `_rate_upper`), and the `_share` / `_share_of_x` names some marts use for
    the same thing."""
    return name.endswith(("_rate", "_share", "_rate_lower", "_rate_upper")) or "_share_of_" in name


def _duration(seconds: float) -> str:
    """Seconds as a person reads a wait: 45 s, 3.5 min, 2.1 h, 1.5 d."""
    for unit, size in (("d", 86_400), ("h", 3_600), ("min", 60)):
        if seconds >= size:
            return f"{seconds / size:,.1f} {unit}"
    return f"{seconds:.0f} s"


def format_value(name: str, value: object) -> str:
    """Rates and shares as percentages (lifts signed), p-values with four decimals, durations
    in seconds as s / min / h / d, money with two decimals, counts with thousands separators,
    identifiers as they are, other decimals with two places."""
    if value is None:
        # A session log without an is_click column has no click measures, not zero clicks.
        return "no click data" if "click" in name else "n/a"
    if is_fraction(name):
        return f"{float(value):.2%}"
    if name.endswith("_p_value"):
        return "< 0.0001" if float(value) < 0.0001 else f"{float(value):.4f}"
    if "_seconds" in name:
        return _duration(float(value))
    if name.endswith("_lift"):
        return f"{float(value):+.2%}"
    if name.endswith("_id") or isinstance(value, bool):
        return str(value)
    if isinstance(value, Decimal | float):
        return f"{value:,.2f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


# Smallest first.
_COMPACT_UNITS = (("K", 10**3), ("M", 10**6), ("B", 10**9), ("T", 10**12))


def compact_value(name: str, value: object) -> str | None:
    """A count or an amount in thousands, millions, ... with two decimals (`5.11M`), for a place
    too narrow for every digit; None where a unit would mislead or nothing is gained: rates,
    shares, lifts, p-values, durations, identifiers, text, and numbers under a thousand."""
    if value is None or isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        return None
    if is_fraction(name) or name.endswith(("_id", "_p_value", "_lift")) or "_seconds" in name:
        return None
    number = float(value)
    reached = [position for position, (_, size) in enumerate(_COMPACT_UNITS) if abs(number) >= size]
    if not reached:
        return None
    position = reached[-1]
    # 999,995 would read 1,000.00K: it is 1.00M.
    if abs(round(number / _COMPACT_UNITS[position][1], 2)) >= 1000 and position + 1 < len(_COMPACT_UNITS):
        position += 1
    unit, size = _COMPACT_UNITS[position]
    return f"{number / size:,.2f}{unit}"
