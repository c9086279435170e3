#!/usr/bin/env python3
"""Independent reference for the Colombian holiday calendar (differential test of Intake).

Prints, as JSON on stdout, the holidays that PyPI's `holidays` package (vacanza/holidays)
computes for Colombia, 1984-2100 by default:

    {"source": "python-holidays 0.109", "first_year": 1984, "last_year": 2100,
     "years": {"1984": {"1984-01-01": ["Año Nuevo"], ...}, ...}}

Two holidays on one day are listed as two names. Exit status 3 (message on stderr) when the
module is not installed: `pip install holidays`.

Usage: scripts/holidays_reference.py [FIRST_YEAR LAST_YEAR]
"""
import json
import sys


def main() -> int:
    try:
        import holidays
    except ImportError:
        print("python module 'holidays' is not installed (pip install holidays)", file=sys.stderr)
        return 3
    first, last = (int(sys.argv[1]), int(sys.argv[2])) if len(sys.argv) == 3 else (1984, 2100)
    calendar = holidays.Colombia(years=range(first, last + 1), language="es")
    years = {str(y): {} for y in range(first, last + 1)}
    for day, names in sorted(calendar.items()):
        years[str(day.year)][day.isoformat()] = names.split("; ")
    json.dump({"source": f"python-holidays {holidays.__version__}", "first_year": first,
               "last_year": last, "years": years}, sys.stdout, ensure_ascii=False, sort_keys=True)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
