"""The report's writers: the fast JSON and CSV text is the plain text, byte for byte."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from deadlines import Engine
from deadlines._messages import say
from deadlines._time import CHINA_TZ
from deadlines.supervision import (
    REPORT_COLUMNS,
    Completed,
    MeetingHeld,
    Paused,
    Report,
    Resumed,
    Supervisor,
    _report,
    read_events,
)
from deadlines.supervision._report import row_json
from deadlines.supervision._writing import RowTexts, _hours_json
from loading import load

MOMENTS = ("2025-03-31T12:00", "2025-10-09T08:30", "2025-12-31T18:00")


def _at(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=CHINA_TZ)


@pytest.fixture(scope="module")
def county() -> Supervisor:
    """A year of a county's events (the seeded fixture of examples/supervision) as a ledger."""
    module = load("examples/supervision/county_year.py", "county_year_writers")
    lines = list(module.lines(module.generate(2025, 2025, 0.3)))
    return Supervisor(Engine(discover_plugins=False)).ledger(read_events(lines))


@pytest.fixture(scope="module")
def built() -> Report:
    """Events made in code (no lines): a pause that ended, one still running, a completion,
    a reason and an overdue meeting's id that JSON escapes."""
    meeting = MeetingHeld(
        id='m"1', kind="executive", ended_at=_at("2026-09-30 17:00"), documents=["通知\t甲"]
    )
    events = [
        meeting,
        Paused(obligation='m"1/document/1', at=_at("2026-10-09 10:00"), reason='补正\n"材料"'),
        Resumed(obligation='m"1/document/1', at=_at("2026-10-12 10:00")),
        Paused(obligation='m"1/document/1', at=_at("2026-10-14 09:00"), reason="再补正"),
        Completed(obligation='m"1/minutes', at=_at("2026-10-09 09:00")),
        # Overdue by the moment of the report: its warning's subject is escaped too.
        MeetingHeld(id='m\\"2', kind="executive", ended_at=_at("2026-09-01 17:00")),
    ]
    return Supervisor(Engine(discover_plugins=False)).ledger(events).report("2026-10-15T12:00")


def _plain_csv(report: Report, lang: str) -> str:
    """The CSV as `row_json` and `csv.writer` make it, one dict per obligation."""
    columns = list(REPORT_COLUMNS)
    if lang == "zh":
        columns.insert(columns.index("status") + 1, "status_label")
    flags = {flag: say(f"check.csv.{str(flag).lower()}", lang) for flag in (True, False)}
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([say(f"check.csv.{column}", lang) for column in columns])
    for row in report.rows:
        data = row_json(row, lang)
        data["hours_left"] = f"{row.hours_left:.2f}"
        for flag in ("escalated", "paused", "provisional"):
            data[flag] = flags[data[flag]]
        data["completed_at"] = data["completed_at"] or ""
        data["line"] = "" if data["line"] is None else data["line"]
        writer.writerow([data[column] for column in columns])
    return out.getvalue()


def _json(report: Report, lang: str) -> tuple[str, str]:
    written = io.StringIO()
    report.write_json(written, {"engine": "x"}, lang)
    plain = json.dumps(report.to_json({"engine": "x"}, lang), ensure_ascii=False, indent=2)
    return written.getvalue(), plain + "\n"


def _csv(report: Report, lang: str) -> tuple[str, str]:
    written = io.StringIO()
    report.write_csv(written, lang)
    return written.getvalue(), _plain_csv(report, lang)


WRITERS = pytest.mark.parametrize("write", [_json, _csv], ids=["json", "csv"])
LANGS = pytest.mark.parametrize("lang", ["en", "zh"], ids=str)


class TestCounty:
    """A county's year, at several moments, in both languages."""

    @WRITERS
    @LANGS
    @pytest.mark.parametrize("at", MOMENTS, ids=["march", "october", "year-end"])
    def test_same_text(self, county, write, lang, at):
        """The written text is the plain text."""
        report = county.report(at)
        assert any(row.tracked.pauses for row in report.rows)  # the nested lists are covered
        written, plain = write(report, lang)
        assert written == plain


@pytest.mark.parametrize("placeholder", ["\x00rows\x00", "\x00warnings\x00"])
def test_placeholder_in_a_string(placeholder):
    """A string that holds where the writer puts the obligations or the warnings, after a
    quote, is written as a string (the writer once cut the report there)."""
    title = f'x"{placeholder}'
    meeting = MeetingHeld(
        id="m9", kind="executive", ended_at=_at("2026-06-05 10:00"), matters=[{"title": title}]
    )
    report = Supervisor(Engine(discover_plugins=False)).ledger([meeting]).report("2026-10-15T12:00")
    assert any(note.subject == title for note in report.meetings)
    written, plain = _json(report, "en")
    assert written == plain


class TestBuilt:
    """Obligations made in code: no line, pauses ended and running, escaped strings."""

    @WRITERS
    @LANGS
    def test_same_text(self, built, write, lang):
        """The written text is the plain text."""
        assert any(row.paused for row in built.rows)
        assert any(row.obligation.line is None for row in built.rows)
        assert any(row.completed_at is not None for row in built.rows)
        assert any('"' in alert.subject for alert in built.alerts)  # warnings' strings escaped
        written, plain = write(built, lang)
        assert written == plain

    @WRITERS
    def test_empty(self, built, write):
        """A report without obligations writes its header alone, or an empty list."""
        empty = Supervisor(Engine(discover_plugins=False)).ledger([]).report("2026-10-15T12:00")
        written, plain = write(empty, "en")
        assert written == plain


class TestChunks:
    """The obligations are written a chunk at a time: the text across chunks is the same."""

    @WRITERS
    @LANGS
    def test_small_chunks(self, county, write, lang, monkeypatch):
        """Chunks of three obligations: the items of two chunks are separated as any two."""
        monkeypatch.setattr(_report, "_CHUNK", 3)
        written, plain = write(county.report("2025-10-09T08:30"), lang)
        assert written == plain


#: Document titles, with what a CSV cell must be quoted for among plain text.
TITLES = st.lists(
    st.text(alphabet=st.sampled_from(["a", "甲", " ", ",", '"', "\r", "\n", "\t"]), max_size=6),
    min_size=1,
    max_size=4,
)


class TestQuoting:
    """Lines that need quoting among lines that need none."""

    @settings(max_examples=40, deadline=None)
    @given(titles=TITLES, lang=st.sampled_from(["en", "zh"]))
    def test_any_titles(self, titles, lang):
        """A document titled with commas, quotes or line breaks is written as `csv.writer`
        writes it, the documents beside it as well."""
        held = MeetingHeld(
            id="m1", kind="executive", ended_at=_at("2026-09-30 17:00"), documents=titles
        )
        ledger = Supervisor(Engine(discover_plugins=False)).ledger([held])
        written, plain = _csv(ledger.report("2026-10-15T12:00"), lang)
        assert written == plain


OFFSETS = st.integers(min_value=-12 * 60, max_value=14 * 60).map(
    lambda minutes: dt.timezone(dt.timedelta(minutes=minutes))
)


class TestInstant:
    """`RowTexts.instant` spells an instant as ``isoformat(timespec="seconds")`` does."""

    @settings(max_examples=200, deadline=None)
    @given(st.datetimes(timezones=st.none() | OFFSETS | st.just(CHINA_TZ) | st.just(dt.UTC)))
    def test_any_instant(self, at):
        """Naive, any fixed offset, microseconds, years before 1000."""
        texts = RowTexts("en")
        assert texts.instant(at) == at.isoformat(timespec="seconds")
        assert texts.instant(at) == at.isoformat(timespec="seconds")  # from its zone's cache

    def test_named_zone(self):
        """A zone whose offset changes (daylight saving) is spelled by `isoformat`."""
        zone = ZoneInfo("Europe/Paris")
        texts = RowTexts("en")
        for month in (1, 7):
            at = dt.datetime(2025, month, 1, 12, tzinfo=zone)
            assert texts.instant(at) == at.isoformat(timespec="seconds")


class TestHours:
    """The hours left are written as ``json.dumps`` writes them rounded to two decimals."""

    @settings(max_examples=500, deadline=None)
    @given(
        st.floats(min_value=-1e7, max_value=1e7)
        | st.integers(-(10**8), 10**8).map(lambda minutes: minutes / 60)
    )
    def test_any_hours(self, hours):
        """Any number of hours, whole minutes among them, negative zero included."""
        assert _hours_json(hours) == json.dumps(round(hours, 2))
