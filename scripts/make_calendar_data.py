"""Write the calendar's packaged data, src/deadlines/calendar/data/china.json, once.

    python scripts/make_calendar_data.py

The days come from the `holidays` package (its China class carries every State Council notice
from 2001 on); the notices' numbers and dates are ours, in `NOTICES` below. The output is
committed: at run time `deadlines` reads the JSON and never this script. The test suite checks
the committed file day by day against the installed `holidays` and against `chinese_calendar`,
and every notice against the statutory days of its year (`deadlines.calendar._law`).

Each notice lists the days it governs: 1 December of the year before through 30 November of its
year (December holds the next notice's New Year arrangements), and for the last year also its
own December. Run it again only when a new notice is added to `NOTICES` (and `holidays` carries
it); review the diff of the JSON before committing it.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from pathlib import Path

import holidays
from holidays.calendars.chinese import _ChineseLunisolar
from holidays.countries.china import China

OUT = Path(__file__).resolve().parent.parent / "src/deadlines/calendar/data/china.json"
FIRST_YEAR, LAST_YEAR, LAST_FESTIVAL_YEAR = 2004, 2026, 2100

#: year → (number, date of the notice, how the number and date were checked).
#: "seen": the notice's text was read (State Council gazette, wikisource, or a verbatim copy).
#: "listed": taken from a public table of the notices, not read in the notice itself.
#: An empty number: not found; the row then cites the notice by its title and link only.
NOTICES: dict[int, tuple[str, str, str]] = {
    2004: ("", "", "number and date not verified"),
    2005: ("", "", "number and date not verified"),
    2006: ("国办发明电〔2005〕35号", "2005-12-16", "seen"),
    2007: ("国办发明电〔2006〕49号", "2006-12-14", "seen"),
    2008: ("国办发明电〔2007〕52号", "2007-12-15", "listed"),
    2009: ("国办发明电〔2008〕42号", "2008-12-04", "listed"),
    2010: ("国办发明电〔2009〕27号", "2009-12-07", "seen"),
    2011: ("国办发明电〔2010〕40号", "2010-12-10", "listed"),
    2012: ("国办发明电〔2011〕45号", "2011-12-06", "listed"),
    2013: ("国办发明电〔2012〕33号", "2012-12-08", "seen"),
    2014: ("国办发明电〔2013〕28号", "2013-12-11", "listed"),
    2015: ("国办发明电〔2014〕28号", "2014-12-16", "listed"),
    2016: ("国办发明电〔2015〕18号", "2015-12-10", "listed"),
    2017: ("国办发明电〔2016〕17号", "2016-12-01", "listed"),
    2018: ("国办发明电〔2017〕12号", "2017-11-30", "listed"),
    2019: ("国办发明电〔2018〕15号", "2018-12-04", "listed"),
    2020: ("国办发明电〔2019〕16号", "2019-11-21", "listed"),
    2021: ("国办发明电〔2020〕27号", "2020-11-25", "listed"),
    2022: ("国办发明电〔2021〕11号", "2021-10-25", "listed"),
    2023: ("国办发明电〔2022〕16号", "2022-12-08", "listed"),
    2024: ("国办发明电〔2023〕7号", "2023-10-25", "listed"),
    2025: ("国办发明电〔2024〕12号", "2024-11-12", "listed"),
    2026: ("国办发明电〔2025〕7号", "2025-11-04", "seen"),
}

#: Days changed after their year's notice, by a later notice of their own: its number, title and
#: link (from holidays' References where it has one), and the days it changed.
AMENDMENTS: tuple[tuple[str, str, str, tuple[str, ...]], ...] = (
    # The 70th anniversary of the victory in the War of Resistance: 3-4 September off, Sunday
    # 6 September worked. (Number listed, not seen; holidays gives no link.)
    (
        "国发明电〔2015〕1号",
        "国务院关于中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日调休放假的通知",
        "",
        ("2015-09-03", "2015-09-04", "2015-09-06"),
    ),
    # Labour Day 2019 extended to 1-4 May; Sundays 28 April and 5 May worked.
    (
        "国办发明电〔2019〕3号",
        "国务院办公厅关于调整2019年劳动节假期安排的通知",
        "2019 Extensions",
        ("2019-04-28", "2019-05-02", "2019-05-03", "2019-05-05"),
    ),
    # The 2020 Spring Festival extended to 2 February (COVID-19); Saturday 1 February not worked.
    (
        "国办发明电〔2020〕1号",
        "国务院办公厅关于延长2020年春节假期的通知",
        "2020 Extensions",
        ("2020-01-31", "2020-02-01", "2020-02-02"),
    ),
)

_US_DATE = re.compile(r"\b(\d{2})/(\d{2})/(\d{4})\b")


def links() -> dict[str, str]:
    """Label ("2026", "2020 Extensions") → its link in `holidays.China`'s References."""
    found: dict[str, str] = {}
    for label, url in re.findall(
        r"\*\s+\[(\d{4}[^\]]*)\]\((https?://[^)]+)\)", China.__doc__ or ""
    ):
        found.setdefault(label, url)
    return found


def dumps(data: dict[str, object]) -> str:
    """JSON with one row (a day, or a year's festivals) per line: diffs show the changed day."""

    def one(value: object) -> str:
        return json.dumps(value, ensure_ascii=False)

    lines = ["{", f'"format": {one(data["format"])},', f'"about": {one(data["about"])},']
    lines.append('"notices": [')
    notices = data["notices"]
    assert isinstance(notices, list)
    for index, notice in enumerate(notices):
        head = {k: v for k, v in notice.items() if k not in ("days_off", "workdays")}
        lines.append("{" + one(head)[1:-1] + ",")
        for key in ("days_off", "workdays"):
            rows = ",\n".join(one(row) for row in notice[key])
            lines.append(f'"{key}": [\n{rows}\n]' + ("," if key == "days_off" else ""))
        lines.append("}" + ("," if index < len(notices) - 1 else ""))
    lines.append("],")
    festivals = data["festivals"]
    assert isinstance(festivals, dict)
    rows = ",\n".join(f"{one(year)}: {one(dates)}" for year, dates in festivals.items())
    lines += ['"festivals": {', rows, "}", "}"]
    return "\n".join(lines) + "\n"


def main() -> int:
    years = range(FIRST_YEAR - 1, LAST_YEAR + 1)
    zh = holidays.China(years=years, language="zh_CN")
    en = holidays.China(years=years, language="en_US")
    workdays = set(zh.weekend_workdays)
    urls = links()
    amended = {
        day: " ".join(part for part in (number, title, urls.get(label, "")) if part)
        for number, title, label, days in AMENDMENTS
        for day in days
    }
    notices = []
    for year in range(FIRST_YEAR, LAST_YEAR + 1):
        number, date, checked = NOTICES[year]
        title = f"国务院办公厅关于{year}年部分节假日安排的通知"
        cite = number or title
        first = max(dt.date(year - 1, 12, 1), dt.date(FIRST_YEAR, 1, 1))
        last = dt.date(year, 12, 31) if year == LAST_YEAR else dt.date(year, 11, 30)
        off, on = [], []
        day = first
        while day <= last:
            iso = day.isoformat()
            source = amended.get(iso, cite)
            if day in zh:
                english = _US_DATE.sub(r"\3-\1-\2", "; ".join(en.get_list(day)))
                off.append([iso, "；".join(zh.get_list(day)), english, source])
            elif day.weekday() >= 5 and day in workdays:
                on.append([iso, "调休上班", "adjusted working day", source])
            day += dt.timedelta(days=1)
        notices.append(
            {
                "year": year,
                "number": number,
                "date": date,
                "checked": checked,
                "title": title,
                "url": urls[str(year)],
                "days_off": off,
                "workdays": on,
            }
        )
    lunar = _ChineseLunisolar()
    festivals = {}
    for year in range(FIRST_YEAR, LAST_FESTIVAL_YEAR + 1):
        dates = (
            lunar.lunar_new_year_date(year)[0],
            lunar.qingming_date(year)[0],
            lunar.dragon_boat_date(year)[0],
            lunar.mid_autumn_date(year)[0],
        )
        festivals[str(year)] = [d.isoformat() for d in dates if d is not None]
    data = {
        "format": 1,
        "about": "The State Council holiday notices 2004-2026, one per year, each row with its "
        "source; and the lunar festivals and Qingming of 2004-2100 (Spring Festival, Qingming, "
        "Dragon Boat, Mid-Autumn), for checking a notice against the law. Generated by "
        f"scripts/make_calendar_data.py from holidays {holidays.__version__}; do not edit.",
        "notices": notices,
        "festivals": festivals,
    }
    text = dumps(data)
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT} ({len(text)} characters)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
