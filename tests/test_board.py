"""The supervision board (deadlines.board): every page rendered through FastAPI's TestClient."""

from __future__ import annotations

import csv
import io
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

pytest.importorskip("fastapi", reason="the board needs the server extra: deadlines[server]")

from fastapi import FastAPI
from fastapi.testclient import TestClient

from deadlines import Engine
from deadlines.board import _views as views
from deadlines.board import make_router
from deadlines.board._export import guard
from deadlines.supervision import Supervisor, read_events

ROOT = Path(__file__).resolve().parent.parent
EVENTS = ROOT / "examples" / "supervision" / "county-week.jsonl"
AT = "2025-10-15T09:00"
RECEIVED = '{"type": "document_received", "id": "%s", "urgency": "ordinary", "received_at": "%s"}'
SRC = "file:county-week.jsonl"
Q = f"src={SRC}&at={AT}"


@pytest.fixture(scope="module")
def client() -> TestClient:
    """The board alone in an app, with the examples folder as its events folder."""
    app = FastAPI()
    app.include_router(make_router(engine_factory=Engine, events_dir=EVENTS.parent))
    return TestClient(app)


@pytest.fixture(scope="module")
def report():
    """The report `deadlines check` gives for the example week at AT."""
    log = read_events(EVENTS.read_text(encoding="utf-8").splitlines())
    return Supervisor(Engine()).ledger(log).report(AT)


def _upload(client, text: str | bytes, name: str = "events.jsonl", **form: str):
    data = text.encode() if isinstance(text, str) else text
    return client.post(
        "/upload",
        files={"file": (name, data, "application/json")},
        data=form,
        follow_redirects=False,
    )


PAGES = [
    "/",
    f"/?{Q}",
    f"/obligations/m-2025-041/document/1?{Q}",
    f"/calendar/2025?{Q}",
    f"/calendar/2025/10?{Q}",
    "/calendar/2027",
    "/calendar/2026/2",
    f"/report?{Q}",
]


class TestPages:
    """Every page renders, in Chinese by default and in English on request."""

    @pytest.mark.parametrize("path", PAGES, ids=PAGES)
    @pytest.mark.parametrize("lang", ["zh", "en"], ids=["zh", "en"])
    def test_renders(self, client, path, lang):
        """200, HTML in the language asked for, and the stylesheet from the package."""
        url = path + ("&" if "?" in path else "?") + f"lang={lang}"
        response = client.get(url)
        assert response.status_code == 200, response.text
        assert response.headers["content-type"] == "text/html; charset=utf-8"
        html = response.text
        assert f'<html lang="{"zh-CN" if lang == "zh" else "en"}">' in html
        assert 'href="/board-static/board.css"' in html
        title = "督查督办看板" if lang == "zh" else "Supervision board"
        assert title in html

    def test_chinese_by_default(self, client):
        """Without lang the board is in Chinese, with a link to English."""
        html = client.get(f"/?{Q}").text
        assert '<html lang="zh-CN">' in html
        assert re.search(r'<a href="[^"]*lang=en[^"]*"[^>]*>English</a>', html)

    def test_stylesheet(self, client):
        """The stylesheet is served from the package, with print CSS for A4."""
        response = client.get("/board-static/board.css")
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/css")
        assert "@page { size: A4" in response.text

    def test_unknown_asset(self, client):
        """An asset that is not in the package is 404, never a file from elsewhere."""
        assert client.get("/board-static/..%2F_router.py").status_code == 404
        assert client.get("/board-static/nothing.css").status_code == 404

    def test_left_out_of_openapi(self, client):
        """The pages are not part of the JSON service's OpenAPI contract."""
        assert client.app.openapi()["paths"] == {}


class _Balance(HTMLParser):
    """Checks that every element is closed, in order (void elements excepted)."""

    VOID = frozenset({"meta", "link", "input", "br", "hr", "img"})

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag: str, attrs: object) -> None:
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'} at {self.getpos()}")
        else:
            self.stack.pop()


class TestWellFormed:
    """Every page's elements nest and close properly."""

    @pytest.mark.parametrize("path", [*PAGES, "/?lang=en", "/calendar/1999"], ids=str)
    def test_balanced(self, client, path):
        """No element is left open or closed out of order."""
        checker = _Balance()
        checker.feed(client.get(path).text)
        assert checker.errors == []
        assert checker.stack == []


class TestOffline:
    """Nothing comes from outside the server: no CDN, no web font, no script."""

    @pytest.mark.parametrize("path", PAGES, ids=PAGES)
    def test_no_outside_asset(self, client, path):
        """No src or href leaves the server, and the CSP allows only "self"."""
        response = client.get(path)
        assert not re.search(r'(?:src|href|action)="(?:https?:)?//', response.text)
        assert "<script" not in response.text
        policy = response.headers["content-security-policy"]
        assert "default-src 'none'" in policy
        assert "style-src 'self'" in policy

    def test_stylesheet_is_self_contained(self, client):
        """The CSS imports nothing and loads no font."""
        css = client.get("/board-static/board.css").text
        assert "@import" not in css
        assert "@font-face" not in css
        assert "url(" not in css


class TestBoard:
    """The board shows the report of `deadlines check` at the moment asked for."""

    def test_counts(self, client, report):
        """Each status card holds the report's count, with its word."""
        html = client.get(f"/?{Q}").text
        for status, count in report.by_status.items():
            card = re.search(rf'<li class="card s-{status}">.*?</li>', html, re.S).group(0)
            assert f'<strong class="n">{count}</strong>' in card
        assert "逾期" in html
        assert "预警" in html
        assert "按期办结" in html
        escalated = re.search(r'<li class="card s-escalated">.*?</li>', html, re.S).group(0)
        assert f'<strong class="n">{report.escalated}</strong>' in escalated

    def test_escalated_first(self, client):
        """The escalated obligation leads the list, whatever the sort."""
        for sort in ("due", "-due", "id", "-margin"):
            html = client.get(f"/?{Q}&sort={sort}").text
            body = html.split('<table class="list">')[1]
            assert re.search(r'<th scope="row"><a [^>]*>([^<]+)</a>', body).group(1) == (
                "i-2025-071/plan"
            )

    def test_sort_by_due_descending(self, client):
        """sort=-due lists the latest due first (after the escalated)."""
        html = client.get(f"/?{Q}&sort=-due").text
        body = html.split('<table class="list">')[1].split("</table>")[0]
        ids = re.findall(r'<th scope="row"><a [^>]*>([^<]+)</a>', body)
        assert ids[1] in ("2025Q4/dispatch", "2025Q4/report")
        assert ids[-1] == "2025Q3/dispatch"

    def test_sort_link_reverses(self, client):
        """The header of the column sorted by links to the reverse order, and says aria-sort."""
        html = client.get(f"/?{Q}&sort=due").text.split('<table class="list">')[1]
        th = re.search(r'<th scope="col" class="" aria-sort="ascending"><a href="([^"]+)"', html)
        assert "sort=-due" in th.group(1).replace("&amp;", "&")

    def test_unit_table(self, client):
        """By unit: the unit with an escalated item first, the units with none stated named."""
        html = client.get(f"/?{Q}").text
        table = html.split("<caption>按责任单位</caption>")[1].split("</table>")[0]
        rows = re.findall(r'<th scope="row"><a [^>]*>([^<]+)</a>', table)
        assert rows[0] == "县应急管理局"
        assert "（未注明）" in rows

    def test_rule_table_sorted_by_total(self, client):
        """By rule, sorted by total descending: escalated first, then the largest."""
        html = client.get(f"/?{Q}&by_rule=-total").text
        table = html.split("<caption>按规则</caption>")[1].split("</table>")[0]
        rows = re.findall(r'<th scope="row"><a [^>]*>([^<]+)</a>', table)
        assert rows[:2] == ["instructions.plan", "supervision.quarterly"]

    @pytest.mark.parametrize(
        ("query", "expected"),
        [
            ("unit=%E5%8E%BF%E8%B4%A2%E6%94%BF%E5%B1%80", ["m-2025-041/matter/grain"]),
            ("status=escalated", ["i-2025-071/plan"]),
            ("status=late", ["d-1010-02/routing"]),
            ("day=2025-10-11", ["m-2025-041/minutes", "s-1010-01/signing"]),
            ("rule=routing.urgent", ["d-1010-02/routing"]),
        ],
        ids=["unit", "escalated", "late", "day", "rule"],
    )
    def test_filters(self, client, query, expected):
        """The list shows what the filters keep."""
        html = client.get(f"/?{Q}&{query}&sort=id").text
        body = html.split('<table class="list">')[1].split("</table>")[0]
        assert re.findall(r'<th scope="row"><a [^>]*>([^<]+)</a>', body) == expected

    def test_unit_not_stated(self, client, report):
        """unit=~ keeps the obligations whose events name no unit."""
        html = client.get(f"/?{Q}&unit=~").text
        body = html.split('<table class="list">')[1].split("</table>")[0]
        expected = sum(1 for r in report.rows if not r.obligation.responsible)
        assert body.count('<th scope="row">') == expected

    def test_pages(self, client, monkeypatch):
        """The list is cut in pages, with links to the others."""
        monkeypatch.setattr(views, "PAGE_SIZE", 5)
        html = client.get(f"/?{Q}&page=2").text
        assert "第2/3页，共14项" in html
        assert 'rel="prev"' in html
        assert 'rel="next"' in html

    def test_checks(self, client, report):
        """The March check, the quota and the quarters, worded as `deadlines check` words them."""
        html = client.get(f"/?{Q}").text
        for line in (
            *(f.describe("zh") for f in report.march),
            *(q.describe("zh") for q in report.quota),
            *(q.describe("zh") for q in report.quarterly),
        ):
            assert line.replace("“", "&#34;").replace("”", "&#34;") in html or line in html

    def test_meeting_notes(self, client):
        """Notes on meetings held (no limit set, keynote speakers), as `check` lists them."""
        event = {
            "type": "meeting_held",
            "id": "m-7",
            "kind": "executive",
            "ended_at": "2025-10-09T17:00",
            "matters": [{"id": "a", "title": "研究"}],
            "keynote_speakers": ["张县长", "王副县长"],
        }
        location = _upload(client, json.dumps(event, ensure_ascii=False), at=AT)
        html = client.get(location.headers["location"]).text
        assert "会议（第六条、第八条、第十二条）" in html
        assert "会议m-7议定事项a未提出具体办理要求，不设办结时限（第十二条）" in html
        assert "每次会议一般安排一名领导作主题讲话（第六条）" in html

    def test_alerts(self, client, report):
        """Every alert of the report, in the page's language."""
        html = client.get(f"/?{Q}&lang=en").text
        for alert in report.alerts:
            assert alert.en in html.replace("&#39;", "'")

    def test_now_by_default(self, client):
        """Without at, the board judges at the present moment, and says so."""
        html = client.get(f"/?src={SRC}").text
        assert "（现在）" in html or "(现在)" in html

    def test_provisional_marked(self, client):
        """A due instant on days no notice has settled carries the provisional mark."""
        lines = RECEIVED % ("d1", "2027-12-30T10:00")
        location = _upload(client, lines, at="2027-12-30T11:00").headers["location"]
        html = client.get(location).text
        assert '<abbr class="prov"' in html
        assert "暂定：到期时间所依据的日期尚无国务院办公厅放假安排通知" in html


class TestThresholds:
    """The thresholds `check --warn-days --escalate-after` sets, on the board."""

    def test_as_check(self, client):
        """warn_days=3, escalate_after=3: the counts of `check --warn-days 3 --escalate-after 3`."""
        from deadlines.supervision import WorkingDaysBefore

        engine = Engine()
        thresholds = engine.supervision_thresholds.with_all(
            warning=WorkingDaysBefore(3), escalate_after=3
        )
        log = read_events(EVENTS.read_text(encoding="utf-8").splitlines())
        expected = Supervisor(engine, thresholds=thresholds).ledger(log).report(AT)
        html = client.get(f"/?{Q}&warn_days=3&escalate_after=3").text
        for status, count in expected.by_status.items():
            card = re.search(rf'<li class="card s-{status}">.*?</li>', html, re.S).group(0)
            assert f'<strong class="n">{count}</strong>' in card
        assert expected.escalated == 2
        assert "到期前3个工作日预警" in html
        assert "逾期3个工作日起提请督办" in html

    def test_kept_in_links(self, client):
        """Links to other pages carry the thresholds."""
        html = client.get(f"/?{Q}&warn_days=3").text
        link = re.search(r'href="(/obligations/m-2025-041/document/1\?[^"]+)"', html).group(1)
        assert "warn_days=3" in link
        page = client.get(link.replace("&amp;", "&")).text
        assert '<span class="badge s-warning">' in page

    def test_upload_carries_them(self, client):
        """The upload form's thresholds reach the board it redirects to."""
        response = _upload(client, EVENTS.read_bytes(), at=AT, warn_days="3", escalate_after="")
        assert "warn_days=3" in response.headers["location"]
        assert "escalate_after" not in response.headers["location"]

    @pytest.mark.parametrize(
        ("query", "field"),
        [
            ("warn_days=-1", "warn_days"),
            ("warn_days=x", "warn_days"),
            ("escalate_after=0", "escalate_after"),
        ],
        ids=["negative", "text", "zero"],
    )
    def test_bad(self, client, query, field):
        """A threshold that is not a whole number in range is a 400 naming it."""
        response = client.get(f"/?{Q}&{query}")
        assert response.status_code == 400
        assert f"{field} must be a whole number" in response.text


class TestUpload:
    """An events file uploaded is kept in memory and shown."""

    def test_redirects_to_board(self, client):
        """The upload answers 303 to the board for its content, at the moment given."""
        response = _upload(client, EVENTS.read_bytes(), "week.jsonl", at=AT, lang="en")
        assert response.status_code == 303
        location = response.headers["location"]
        assert re.fullmatch(r"/\?src=upload%3A[0-9a-f]{16}&at=2025-10-15T09%3A00&lang=en", location)
        html = client.get(location).text
        assert "week.jsonl" in html
        assert '<strong class="n">14</strong>' in html

    def test_bom_accepted(self, client):
        """A file Notepad saved with a byte-order mark reads like any other."""
        data = b"\xef\xbb\xbf" + EVENTS.read_bytes()
        html = client.get(_upload(client, data, at=AT).headers["location"]).text
        assert '<strong class="n">14</strong>' in html

    def test_gbk_refused(self, client):
        """A GBK file is refused with what it seems to be and how to save it as UTF-8."""
        data = EVENTS.read_text(encoding="utf-8").encode("gbk")
        response = _upload(client, data, "gbk.jsonl")
        assert response.status_code == 400
        assert "GBK" in response.text
        assert "gbk.jsonl" in response.text

    def test_error_in_english(self, client):
        """The upload form of the English board answers its errors in English."""
        html = client.get("/?lang=en").text
        action = re.search(r'<form method="post" action="([^"]+)"', html).group(1)
        assert action == "/upload?lang=en"
        response = client.post(action, files={"file": ("x.jsonl", "规".encode("gbk"))})
        assert response.status_code == 400
        assert '<html lang="en">' in response.text
        assert "<h1>Bad input</h1>" in response.text

    def test_no_file(self, client):
        """A form sent without a file is a page saying to choose one, not a JSON error."""
        response = client.post("/upload", data={"at": AT})
        assert response.status_code == 400
        assert response.headers["content-type"] == "text/html; charset=utf-8"
        assert "choose an events file" in response.text

    def test_bad_at_refused(self, client):
        """A moment that is not an instant is refused, naming the field."""
        response = _upload(client, EVENTS.read_bytes(), at="yesterday")
        assert response.status_code == 400
        assert "at must be" in response.text

    def test_bad_lines_listed(self, client):
        """Bad lines are listed with their line and field; the good ones are used."""
        lines = "\n".join(
            [
                RECEIVED % ("d1", "2025-10-13T16:00"),
                '{"type": "meeting_held", "id": "m1", "kind": "weekly", "ended_at": "2025-09-30"}',
                "not json",
            ]
        )
        html = client.get(_upload(client, lines, at=AT).headers["location"]).text
        assert "未能采用的行（2）" in html
        assert "第2行，kind：应为" in html
        assert "d1/routing" in html

    def test_forgotten_upload(self, client):
        """A source no longer kept is a 404 that says why, and to upload again."""
        response = client.get("/?src=upload:0123456789abcdef&lang=en")
        assert response.status_code == 404
        assert "Upload it again" in response.text
        assert "the worker process that received the upload" in response.text


class TestBadInput:
    """Bad query values are a 400 or 404 page naming the field, never a 500."""

    @pytest.mark.parametrize(
        ("url", "status", "field"),
        [
            (f"/?{Q}&sort=colour", 400, "sort must be"),
            (f"/?{Q}&by_unit=x", 400, "by_unit must be"),
            (f"/?{Q}&status=red", 400, "status must be"),
            (f"/?{Q}&day=15/10", 400, "day must be"),
            (f"/?{Q}&page=two", 400, "page must be"),
            (f"/?{Q}&lang=fr", 400, "lang must be"),
            ("/?at=tomorrow", 400, "at must be"),
            ("/?src=file:../../pyproject.toml", 404, "no such events file"),
            ("/?src=file:county_year.py", 404, "no such events file"),
            ("/?src=elsewhere", 404, "file:NAME or upload:HASH"),
            (f"/obligations/nothing/here?{Q}", 404, "no such obligation"),
            ("/obligations/m-2025-041/minutes", 404, "src"),
            ("/calendar/1999", 400, "year must be"),
            ("/calendar/2026/13", 400, "month must be"),
            ("/calendar/twenty", 400, "year must be"),
            ("/export.csv", 404, "src"),
            ("/report", 404, "src"),
        ],
        ids=lambda v: str(v)[:40],
    )
    def test_error_page(self, client, url, status, field):
        """The error page names the field and keeps the navigation."""
        response = client.get(url)
        assert response.status_code == status
        assert field in response.text
        assert 'class="skip"' in response.text


class TestNeverAServerError:
    """Whatever a query string holds, the answer is a page or a 4xx, never a 500."""

    @settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(
        params=st.dictionaries(
            st.sampled_from(
                [
                    "at",
                    "sort",
                    "by_unit",
                    "by_rule",
                    "page",
                    "status",
                    "day",
                    "unit",
                    "rule",
                    "lang",
                    "warn_days",
                    "escalate_after",
                ]
            ),
            st.one_of(
                st.text(max_size=12),
                st.sampled_from(
                    [
                        "2025-10-15T09:00",
                        "2200-01-01T00:00",
                        "1900-01-01T00:00",
                        "-due",
                        "overdue",
                        "~",
                        "0",
                        "2025-10-11",
                        "en",
                        "3",
                        "99999",
                    ]
                ),
            ),
            max_size=4,
        ),
        path=st.sampled_from(
            [
                "/",
                "/report",
                "/export.csv",
                "/calendar/2025",
                "/calendar/2025/10",
                "/obligations/m-2025-041/document/1",
            ]
        ),
    )
    @example(params={"warn_days": "²"}, path="/")  # a digit to isdigit, not to int()
    @example(params={"page": "²"}, path="/report")
    def test_query(self, client, params, path):
        """Random values of every parameter the pages read."""
        response = client.get(path, params={"src": SRC, **params})
        assert response.status_code < 500


class TestObligation:
    """One obligation opens to its due instant, its trace and its citation."""

    def test_trace(self, client):
        """The paused document: due moved to the 17th, 20 steps, article 8."""
        html = client.get(f"/obligations/m-2025-041/document/1?{Q}").text
        assert "2025-10-17T17:30+08:00" in html
        steps = re.findall(r'<li class="step-(\w+)">', html)
        assert len(steps) == 20
        assert steps[0] == "trigger"
        assert "5个工作日内印发" in html
        assert "第八条" in html
        assert "补正：等待县粮食局修改意见" in html

    def test_any_id(self, client):
        """An id with '#', '?' or Chinese opens through its link."""
        location = _upload(client, RECEIVED % ("收文#3?x", "2025-10-13T16:00"), at=AT)
        html = client.get(location.headers["location"]).text.split('<table class="list">')[1]
        link = re.search(r'<th scope="row"><a href="([^"]+)">', html).group(1)
        assert link.startswith("/obligations/%E6%94%B6%E6%96%87%233%3Fx/routing?")
        page = client.get(link.replace("&amp;", "&"))
        assert page.status_code == 200
        assert "<h1>收文#3?x/routing" in page.text

    def test_english(self, client):
        """In English, the trace steps are English."""
        html = client.get(f"/obligations/m-2025-041/document/1?{Q}&lang=en").text
        assert "skip 2025-10-01 (Wed): holiday (National Day)" in html
        assert "art. 8" in html

    def test_matches_check_explain(self, client):
        """The steps are those of `deadlines check --explain`, in order."""
        log = read_events(EVENTS.read_text(encoding="utf-8").splitlines())
        tracked = Supervisor(Engine()).ledger(log)["i-2025-071/plan"]
        html = client.get(f"/obligations/i-2025-071/plan?{Q}&lang=en").text
        shown = re.findall(r'<li class="step-\w+">([^<]*)</li>', html)
        assert shown == [step.text("en").replace("'", "&#39;") for step in tracked.trace]


class TestTraceOfOne:
    """The trace of one obligation, counted alone, is the trace of the whole file's ledger."""

    def test_every_obligation(self):
        """For every obligation of the example week, pauses and quarters included."""
        from deadlines.board._sources import Sources

        sources = Sources(Engine, EVENTS.parent)
        source = sources.get(SRC)
        full = Supervisor(Engine()).ledger(read_events(source.text.splitlines()))
        assert len(full) == 16
        for tracked in full:
            assert sources.trace(source, tracked.id) == tracked.trace, tracked.id

    def test_escaped_id(self):
        """An id written with JSON escapes (\\/) is still traced with its pause."""
        from deadlines.board._sources import Sources

        lines = [
            RECEIVED % ("d1", "2025-10-13T16:00"),
            '{"type": "paused", "obligation": "d1\\/routing", "at": "2025-10-14T10:00"}',
            '{"type": "resumed", "obligation": "d1\\/routing", "at": "2025-10-16T10:00"}',
        ]
        sources = Sources(Engine, None)
        source = sources.upload("escaped.jsonl", "\n".join(lines).encode())
        full = Supervisor(Engine()).ledger(read_events(lines))
        trace = sources.trace(source, "d1/routing")
        assert trace == full["d1/routing"].trace
        assert any(step.action == "pause" for step in trace)


class TestCalendar:
    """The official calendar, with the obligations due each day."""

    def test_month_marks(self, client):
        """October 2025: National Day off, Saturday the 11th worked, sources named."""
        html = client.get("/calendar/2025/10").text
        day1 = re.search(r'<td id="d1" class="([^"]+)">(.*?)</td>', html, re.S)
        assert day1.group(1) == "holiday"
        assert "国庆节" in day1.group(2)
        assert '<span class="mark">休</span>' in day1.group(2)
        day11 = re.search(r'<td id="d11" class="([^"]+)">(.*?)</td>', html, re.S)
        assert day11.group(1) == "adjusted"
        assert '<span class="mark">班</span>' in day11.group(2)
        sources = re.search(r'<p class="sources">来源：([^<]+)</p>', html).group(1)
        assert sources.startswith("《国务院办公厅")  # the notice by title, as `deadlines calendar`

    def test_obligations_due(self, client):
        """Each day lists what falls due, linked to the obligation."""
        html = client.get(f"/calendar/2025/10?{Q}").text
        day17 = re.search(r'<td id="d17" class="[^"]+">(.*?)</td>', html, re.S).group(1)
        assert "/obligations/m-2025-041/document/1?" in day17

    def test_year(self, client):
        """The year: twelve months, with counts of what falls due."""
        html = client.get(f"/calendar/2025?{Q}").text
        assert html.count('<table class="mini">') == 12
        assert "2项" in html  # 2025-09-30: the quarter's dispatch and report

    def test_provisional_year(self, client):
        """A year no notice has announced yet is marked provisional, and said so."""
        html = client.get("/calendar/2030/5").text
        assert "provisional" in html
        assert "尚无国务院办公厅放假安排通知" in html
        assert '<span class="mark prov"' in html

    def test_more_than_fit(self, client, monkeypatch):
        """A day with more than fit links to the list of that day."""
        monkeypatch.setattr(views, "PER_DAY", 1)
        html = client.get(f"/calendar/2025/10?{Q}").text
        assert "另有1项" in html
        assert "day=2025-10-11" in html


class TestCsv:
    """The CSV export opens correctly in Excel."""

    def test_excel_form(self, client, report):
        """UTF-8 with BOM, CRLF, Chinese headers, one row per obligation."""
        response = client.get(f"/export.csv?{Q}")
        assert response.headers["content-type"] == "text/csv; charset=utf-8"
        assert "attachment" in response.headers["content-disposition"]
        data = response.content
        assert data.startswith(b"\xef\xbb\xbf")
        assert data.count(b"\r\n") == report.total + 1
        assert b"\n" not in data.replace(b"\r\n", b"")
        rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
        assert rows[0][:5] == ["事项编号", "规则", "规则名称", "事由", "责任单位"]
        assert len(rows) == report.total + 1
        first = dict(zip(rows[0], rows[1], strict=True))
        assert first["到期时间（北京时间）"] == "2025-09-25 17:30"
        assert first["剩余工作日"] == "-10"  # a number, not guarded
        assert first["状态"] == "提请督办"

    def test_english_headers(self, client):
        """lang=en gives English headers."""
        data = client.get(f"/export.csv?{Q}&lang=en").content.decode("utf-8-sig")
        assert data.startswith("obligation,rule,title,subject,responsible")

    def test_formula_injection(self, client):
        """Text cells starting with = + - @ are written with an apostrophe."""
        lines = "\n".join(
            json.dumps(e, ensure_ascii=False)
            for e in [
                {
                    "type": "instruction_received",
                    "id": "=1+1",
                    "received_at": "2025-10-09T10:00",
                    "unit": "@SUM(A1)",
                    "title": '=HYPERLINK("http://x","y")',
                },
                {
                    "type": "instruction_received",
                    "id": "i2",
                    "received_at": "2025-10-09T10:00",
                    "unit": "+县财政局",
                    "title": "-整改",
                },
            ]
        )
        location = _upload(client, lines, at=AT).headers["location"]
        data = client.get(location.replace("/?", "/export.csv?")).content.decode("utf-8-sig")
        rows = list(csv.reader(io.StringIO(data, newline="")))
        cells = [cell for row in rows[1:] for cell in row]
        assert "'=1+1/plan" in cells
        assert "'@SUM(A1)" in cells
        assert '\'=HYPERLINK("http://x","y")' in cells
        assert "'+县财政局" in cells
        assert "'-整改" in cells
        assert not any(c.startswith(("=", "+", "@")) for c in cells)

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("=A1", "'=A1"),
            ("+1", "'+1"),
            ("-1", "'-1"),
            ("@x", "'@x"),
            ("\tx", "'\tx"),
            ("a=b", "a=b"),
            ("", ""),
        ],
        ids=["eq", "plus", "minus", "at", "tab", "inner", "empty"],
    )
    def test_guard(self, text, expected):
        """guard() prefixes exactly the dangerous starts."""
        assert guard(text) == expected

    def test_filters_apply(self, client):
        """The export holds what the list shows: with a filter, only those."""
        data = client.get(f"/export.csv?{Q}&status=overdue").content.decode("utf-8-sig")
        assert len(data.strip().split("\r\n")) == 1 + 3


class TestIcs:
    """The iCalendar export: the obligations not yet done."""

    def test_events(self, client, report):
        """One VEVENT per open obligation, with a stable UID."""
        pytest.importorskip("icalendar")
        response = client.get(f"/export.ics?{Q}")
        assert response.status_code == 200
        assert response.headers["content-type"] == "text/calendar; charset=utf-8"
        body = response.text
        pending = [r for r in report.rows if r.completed_at is None]
        assert body.count("BEGIN:VEVENT") == len(pending)
        assert "UID:m-2025-041/document/1@deadlines" in body


class TestReport:
    """The printable report."""

    def test_pending_and_checks(self, client, report):
        """Counts, alerts, the obligations not yet done, the checks; print CSS applies."""
        html = client.get(f"/report?{Q}").text
        assert '<body class="printable">' in html
        body = html.split('<table class="list">')[1].split("</table>")[0]
        pending = [r for r in report.rows if r.completed_at is None]
        assert body.count('<th scope="row">') == len(pending)
        assert "“无会月”（第六条）" in html
        # a unit's name leads to the board filtered by it
        assert 'href="/?src=file%3Acounty-week.jsonl&amp;at=2025-10-15T09%3A00&amp;unit=' in html


class TestAccessible:
    """Labels, text beside colour, and tables a screen reader can read."""

    @pytest.mark.parametrize("path", [f"/?{Q}", "/"], ids=["board", "empty"])
    def test_every_control_labelled(self, client, path):
        """Every input and select (but hidden ones) has a label naming its id."""
        html = client.get(path).text
        ids = re.findall(r'<(?:input|select)(?![^>]*type="hidden")[^>]*\bid="([^"]+)"', html)
        controls = re.findall(r'<(?:input|select)(?![^>]*type="hidden")[^>]*>', html)
        assert len(ids) == len(controls)
        for control in ids:
            assert f'<label for="{control}">' in html

    def test_status_in_words(self, client):
        """Each badge carries the status in words, and its shape is hidden from readers."""
        html = client.get(f"/?{Q}").text
        badges = re.findall(
            r'<span class="badge s-(\w+)"><span aria-hidden="true">[^<]+</span> ([^<]+)</span>',
            html,
        )
        assert ("escalated", "提请督办") in badges
        assert ("overdue", "逾期未办") in badges
        assert ("met", "按期办结") in badges

    @pytest.mark.parametrize(
        "status", ["overdue", "escalated", "warning", "open", "late", "met"], ids=str
    )
    def test_contrast(self, status):
        """Each status badge's text on its colour meets WCAG AA (4.5:1) in the stylesheet."""
        css = (ROOT / "src" / "deadlines" / "board" / "static" / "board.css").read_text()
        colours = dict(re.findall(r"--([\w-]+):\s*(#[0-9a-f]{6});", css))
        rule = re.search(rf"\.s-{status} \{{([^}}]*)\}}", css).group(1)

        def colour(prop: str) -> str:
            value = re.search(rf"(?<![\w-]){prop}:\s*([^;]+);", rule).group(1).strip()
            return colours[value[6:-1]] if value.startswith("var(") else value

        def luminance(hex_colour: str) -> float:
            channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
            r, g, b = (
                c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels
            )
            return 0.2126 * r + 0.7152 * g + 0.0722 * b

        fg = colour("color")
        fg = "#ffffff" if fg == "#fff" else fg
        light, dark = sorted((luminance(fg), luminance(colour("background"))), reverse=True)
        assert (light + 0.05) / (dark + 0.05) >= 4.5

    def test_skip_link_and_headers(self, client):
        """A skip link to the content; column and row headers are marked."""
        html = client.get(f"/?{Q}").text
        assert '<a class="skip" href="#main">' in html
        assert '<main id="main" tabindex="-1">' in html
        assert '<th scope="col"' in html
        assert '<th scope="row"' in html


class TestCoreStaysLight:
    """The core install does not need the board: `deadlines due` imports none of it."""

    def test_due_imports_no_board(self):
        """Neither the board, FastAPI nor Jinja2 is imported by `deadlines due`."""
        import subprocess
        import sys

        code = (
            "import sys\n"
            "from deadlines.cli import main\n"
            "main(['due', 'minutes.executive', '--at', '2026-09-30T17:00'])\n"
            "heavy = ('deadlines.board', 'fastapi', 'jinja2', 'starlette')\n"
            "print(sorted(m for m in heavy if m in sys.modules))\n"
        )
        result = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=False, timeout=60
        )
        assert result.stdout.strip().splitlines()[-1] == "[]", result.stderr


class TestSources:
    """The events folder lists only JSON Lines files, and reads them fresh when they change."""

    def test_listed(self, client):
        """The county week is offered; the generator script is not."""
        html = client.get("/").text
        assert '<option value="file:county-week.jsonl"' in html
        assert "county_year.py" not in html

    def test_changed_file_read_again(self, tmp_path):
        """A file changed on disk gives a new ledger."""
        app = FastAPI()
        app.include_router(make_router(engine_factory=Engine, events_dir=tmp_path))
        client = TestClient(app)
        path = tmp_path / "today.jsonl"
        path.write_text(RECEIVED % ("d1", "2025-10-13T16:00"), encoding="utf-8")
        assert "d1/routing" in client.get(f"/?src=file:today.jsonl&at={AT}").text
        lines = [RECEIVED % (name, "2025-10-13T16:00") for name in ("d1", "d2")]
        path.write_text("\n".join(lines), encoding="utf-8")
        html = client.get(f"/?src=file:today.jsonl&at={AT}").text
        assert "d2/routing" in html

    def test_no_folder(self):
        """Without an events folder, the page says so and offers the upload."""
        app = FastAPI()
        app.include_router(make_router(engine_factory=Engine, events_dir=None))
        html = TestClient(app).get("/").text
        assert "服务器未配置事件文件目录" in html
        assert 'type="file"' in html

    def test_engine_built_once(self):
        """The engine factory is called once, on first use."""
        calls = []

        def factory() -> Engine:
            calls.append(1)
            return Engine()

        app = FastAPI()
        app.include_router(make_router(engine_factory=factory, events_dir=EVENTS.parent))
        client = TestClient(app)
        assert calls == []
        client.get(f"/?{Q}")
        client.get("/calendar/2025")
        assert calls == [1]
