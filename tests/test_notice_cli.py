"""deadlines notice add|list|remove, the stored notices, --version, and calendar exports."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest

from deadlines import ChinaCalendar, PartialNoticeWarning
from deadlines.cli import main

EXAMPLE = Path(__file__).parent.parent / "examples" / "notice-2026.toml"
NOTICE_2027 = (Path(__file__).parent / "test_overrides.py").read_text("utf-8")
NOTICE_2027 = NOTICE_2027.split('NOTICE_2027 = """\\\n', 1)[1].split('"""', 1)[0]


def cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Run `deadlines ARGV` in this process: (exit status, stdout, stderr)."""
    try:
        status = main(list(argv))
    except SystemExit as exit_:
        status = exit_.code if isinstance(exit_.code, int) else 1
    captured = capsys.readouterr()
    return status, captured.out, captured.err


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Empty user and system notice folders of this test's own."""
    monkeypatch.setenv("DEADLINES_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("DEADLINES_NOTICES", str(tmp_path / "system"))
    return tmp_path


@pytest.fixture
def notice_2027(tmp_path: Path) -> Path:
    """A lawful, hypothetical 2027 notice file."""
    path = tmp_path / "notice-2027.toml"
    path.write_text(NOTICE_2027, "utf-8")
    return path


class TestNoticeAdd:
    """deadlines notice add FILE: checked, stored, then used by every command."""

    def test_add_then_every_command_uses_it(
        self, home: Path, notice_2027: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """After add, ChinaCalendar() and deadlines calendar have 2027 announced."""
        assert ChinaCalendar().last_announced_year == 2026
        status, out, err = cli(capsys, "notice", "add", str(notice_2027))
        assert (status, err) == (0, "")
        assert "stored the 2027 notice" in out
        assert "announced now through 2027" in out
        assert (home / "home" / "notices" / "2027.toml").is_file()
        assert ChinaCalendar().last_announced_year == 2027
        status, out, _ = cli(capsys, "calendar", "2027-05", "--json")
        rows = json.loads(out)
        # The notice's Labour Day: 3 May made up (after the weekend of its break), and the
        # estimate's 4 May gone.
        days = [(row["date"], row["provisional"]) for row in rows]
        assert days == [("2027-05-01", False), ("2027-05-02", False), ("2027-05-03", False)]

    def test_missing_festival_refused(
        self, home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A notice that leaves out Spring Festival is refused, naming it; nothing is stored."""
        lines = [line for line in NOTICE_2027.splitlines() if "春节" not in line]
        path = tmp_path / "partial.toml"
        path.write_text("\n".join(lines), "utf-8")
        status, _, err = cli(capsys, "notice", "add", str(path))
        assert status == 2
        assert "春节 (Spring Festival) is missing" in err
        assert "Traceback" not in err
        assert not (home / "home" / "notices").exists()

    def test_allow_partial(
        self, home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """--allow-partial stores it with a warning, and every later load warns again."""
        lines = [line for line in NOTICE_2027.splitlines() if "春节" not in line]
        path = tmp_path / "partial.toml"
        path.write_text("\n".join(lines), "utf-8")
        status, out, err = cli(capsys, "notice", "add", "--allow-partial", str(path))
        assert status == 0
        assert err.startswith("deadlines notice: warning: ")
        assert "stored the 2027 notice" in out
        with pytest.warns(PartialNoticeWarning, match="春节"):
            ChinaCalendar()

    def test_gbk_file(self, home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """A notice saved in GBK: one error line naming the file and the encoding."""
        path = tmp_path / "gbk.toml"
        path.write_bytes(NOTICE_2027.encode("gbk"))
        status, _, err = cli(capsys, "notice", "add", str(path))
        assert status == 2
        assert str(path) in err
        assert "UTF-8" in err
        assert "GBK" in err
        assert err.startswith("deadlines notice: error: argument FILE: ")
        assert len(err.strip().splitlines()) == 1

    def test_bom_accepted(
        self, home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A UTF-8 BOM is accepted, and the stored copy has none."""
        path = tmp_path / "bom.toml"
        path.write_bytes(b"\xef\xbb\xbf" + NOTICE_2027.encode("utf-8"))
        status, _, _ = cli(capsys, "notice", "add", str(path))
        assert status == 0
        assert not (home / "home" / "notices" / "2027.toml").read_bytes().startswith(b"\xef")

    def test_local_days_refused(
        self, home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A file of local days is not a notice: refused with what to do instead."""
        path = tmp_path / "local.toml"
        path.write_text('[[local]]\nsource = "s"\nworkdays = [{ date = 2027-03-06 }]\n', "utf-8")
        status, _, err = cli(capsys, "notice", "add", str(path))
        assert status == 2
        assert "--calendar" in err


class TestNoticeListRemove:
    """deadlines notice list and remove; the system folder."""

    def test_list_and_remove(
        self, home: Path, notice_2027: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """list shows the file, scope and years; remove takes it away."""
        cli(capsys, "notice", "add", str(notice_2027))
        status, out, _ = cli(capsys, "notice", "list")
        assert status == 0
        assert "2027  user" in out
        assert "announced years: 2004-2027" in out
        status, out, _ = cli(capsys, "notice", "remove", "2027")
        assert status == 0
        assert "removed the 2027 notice" in out
        assert ChinaCalendar().last_announced_year == 2026
        status, _, err = cli(capsys, "notice", "remove", "2027")
        assert status == 2
        assert "no notice for 2027" in err

    def test_system_folder(
        self, home: Path, notice_2027: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A notice the administrator deploys is used by everyone, and not removed by a user."""
        system = home / "system"
        system.mkdir()
        (system / "2027.toml").write_text(NOTICE_2027, "utf-8")
        assert ChinaCalendar().last_announced_year == 2027
        status, _, err = cli(capsys, "notice", "remove", "2027")
        assert status == 2
        assert "administrator" in err

    def test_system_local_days(self, home: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """A file of local days in the system folder applies, and list shows it."""
        system = home / "system"
        system.mkdir()
        (system / "county.toml").write_text(
            '[[local]]\nsource = "county"\ndays_off = [{ date = 2026-11-02, name = "x" }]\n',
            "utf-8",
        )
        assert ChinaCalendar().is_workday(dt.date(2026, 11, 2)) is False
        _, out, _ = cli(capsys, "notice", "list")
        assert "(1 local day(s))" in out

    def test_broken_stored_file(self, home: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """A stored file edited into nonsense: every command says which file, exit 2."""
        user = home / "home" / "notices"
        user.mkdir(parents=True)
        (user / "2027.toml").write_text("[[notice]]\nyear = 2027\n", "utf-8")
        status, _, err = cli(capsys, "due", "minutes.executive", "--at", "2026-09-30T17:00")
        assert status == 2
        assert str(user / "2027.toml") in err
        assert "Traceback" not in err

    def test_user_replaces_system(self, home: Path, notice_2027: Path) -> None:
        """The user's notice for a year replaces the system's, without a conflict."""
        system = home / "system"
        system.mkdir()
        (system / "2027.toml").write_text(NOTICE_2027.replace("X号", "S号"), "utf-8")
        user = home / "home" / "notices"
        user.mkdir(parents=True)
        (user / "2027.toml").write_text(NOTICE_2027, "utf-8")
        assert "X号" in ChinaCalendar().day(dt.date(2027, 10, 1)).source

    def test_stored_false(
        self, home: Path, notice_2027: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """ChinaCalendar(stored=False) ignores the notice folders."""
        cli(capsys, "notice", "add", str(notice_2027))
        assert ChinaCalendar(stored=False).last_announced_year == 2026


class TestWarningsInCommands:
    """A library warning in a command is one line in the shape of its errors."""

    def test_pointless_local_day(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A local working day on a Tuesday: the due date, and one warning line on stderr."""
        monkeypatch.setattr("warnings.filters", [])  # the suite makes our warnings errors
        path = tmp_path / "local.toml"
        path.write_text('[[local]]\nsource = "s"\nworkdays = [{ date = 2026-09-29 }]\n', "utf-8")
        argv = ("due", "minutes.executive", "--at", "2026-09-30T17:00", "--calendar", str(path))
        status, out, err = cli(capsys, *argv)
        assert status == 0
        assert "2026-10-10T17:30+08:00" in out
        expected = (
            f"deadlines due: warning: {path}: the local working day 2026-09-29 (Tuesday) "
            "changes nothing: it is already a working day; check its date"
        )
        assert err.splitlines() == [expected]


class TestVersion:
    """deadlines --version."""

    def test_version(
        self, home: Path, notice_2027: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """The package version, the data's origin, the last announced year and the files."""
        from importlib.metadata import version

        status, out, _ = cli(capsys, "--version")
        assert status == 0
        lines = out.splitlines()
        assert lines[0] == f"deadlines {version('deadlines')}"
        assert lines[1].startswith("calendar data: deadlines data 2004-2026")
        assert lines[2].startswith("last announced year: 2026")
        assert lines[3] == "notice files: none"
        cli(capsys, "notice", "add", str(notice_2027))
        _, out, _ = cli(capsys, "--version")
        assert "last announced year: 2027" in out
        assert "2027.toml (user)" in out


class TestCalendarExport:
    """deadlines calendar YEAR --json|--csv|--ics: the days that are not ordinary."""

    def test_json(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Every day off and adjusted working day of 2026, with the six fields."""
        status, out, _ = cli(capsys, "calendar", "2026", "--json")
        rows = json.loads(out)
        assert status == 0
        assert set(rows[0]) == {"date", "off", "name", "source", "url", "provisional"}
        assert sum(not row["off"] for row in rows) == 6  # the 2026 notice's working weekend days
        assert {"date": "2026-10-10", "off": False}.items() <= rows[-1].items()

    def test_csv_matches_json(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The CSV holds the same rows as the JSON."""
        _, out, _ = cli(capsys, "calendar", "2027", "--csv")
        rows = list(csv.DictReader(io.StringIO(out)))
        _, text, _ = cli(capsys, "calendar", "2027", "--json")
        expected = json.loads(text)
        assert [row["date"] for row in rows] == [row["date"] for row in expected]
        assert {row["provisional"] for row in rows} == {"true"}

    def test_ics(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The iCalendar file has one all-day event per row, folded lines of ≤ 75 octets."""
        _, out, _ = cli(capsys, "calendar", "2026", "--ics")
        _, text, _ = cli(capsys, "calendar", "2026", "--json")
        assert out.count("BEGIN:VEVENT") == len(json.loads(text))
        assert "DTSTART;VALUE=DATE:20261010" in out
        assert all(len(line.encode("utf-8")) <= 75 for line in out.split("\r\n"))

    def test_ics_parses(self, capsys: pytest.CaptureFixture[str]) -> None:
        """icalendar (the ics extra) reads the file back."""
        icalendar = pytest.importorskip("icalendar", reason="needs the ics extra")
        _, out, _ = cli(capsys, "calendar", "2026-10", "--ics", "--lang", "zh")
        events = icalendar.Calendar.from_ical(out).walk("VEVENT")
        assert str(events[0]["SUMMARY"]) == "国庆节"
        assert str(events[-1]["CATEGORIES"].cats[0]) == "WORKDAY"

    def test_one_format(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--json and --csv together are a usage error."""
        status, _, err = cli(capsys, "calendar", "2026", "--json", "--csv")
        assert status == 2
        assert "not allowed with" in err
