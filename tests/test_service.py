"""The JSON service, through FastAPI's test client: every endpoint, its errors, its limits."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from tests.chinese import english_words

from servicekit import EVENTS, GOOD, client  # isort: skip

from deadlines import Engine
from deadlines._provenance import provenance
from deadlines.service import PROBLEM_MEDIA_TYPE, Problem, Settings
from deadlines.service._models import (
    CalendarAnswer,
    CheckAnswer,
    DueAnswer,
    RuleAnswer,
    RulesAnswer,
    VersionAnswer,
)


@pytest.fixture(scope="module")
def api():
    """One app for the module: its engine is built once, as in the service."""
    return client()


def problem(response, status, field=None):
    """Check `response` is a problem+json answer with `status`; return its body."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == PROBLEM_MEDIA_TYPE
    body = Problem.model_validate(response.json())
    assert body.status == status
    assert body.instance == response.request.url.path
    if field is not None:
        assert body.field == field
    return body


class TestDue:
    """POST /v1/due answers as `deadlines due --json` does."""

    def test_same_object_as_the_command_line(self, api, capsys):
        """The answer is the CLI's JSON object, provenance included."""
        from deadlines.cli import main

        main(["due", "decisions.time_limited", "--at", "2026-09-16T10:00", "--param",
              "limit_days=15", "--json"])
        expected = json.loads(capsys.readouterr().out)
        answer = api.post(
            "/v1/due",
            json={"rule": "decisions.time_limited", "at": "2026-09-16T10:00",
                  "params": {"limit_days": "15"}},
        )
        assert answer.status_code == 200
        assert answer.json() == expected
        DueAnswer.model_validate(answer.json())

    def test_instants_have_seconds(self, api):
        """Instants are RFC 3339 with seconds, which Java's Instant.parse needs."""
        data = api.post("/v1/due", json=GOOD).json()
        assert data["at"] == "2026-09-30T17:00:00+08:00"
        assert data["due"] == "2026-10-10T17:30:00+08:00"

    def test_explain_fills_the_trace(self, api):
        """explain: true gives every step; without it the trace is empty."""
        assert api.post("/v1/due", json=GOOD).json()["trace"] == []
        steps = api.post("/v1/due", json={**GOOD, "explain": True}).json()["trace"]
        assert steps[0]["action"] == "trigger"

    def test_provisional_is_data(self, api):
        """A due date beyond the announced years is flagged, not refused or warned."""
        data = api.post("/v1/due", json={**GOOD, "at": "2030-09-30T17:00"}).json()
        assert data["provisional"] is True

    @pytest.mark.parametrize(
        ("body", "field"),
        [
            ({"rule": "minutes.exec", "at": "2026-09-30T17:00"}, "rule"),
            ({"rule": "minutes.executive", "at": "30/09/2026"}, "at"),
            ({"rule": "minutes.executive", "at": 20260930}, "at"),
            ({"rule": "decisions.time_limited", "at": "2026-09-30T17:00"}, "deadline"),
            ({"rule": "decisions.time_limited", "at": "2026-09-30T17:00",
              "params": {"limit_days": "x"}}, "limit_days"),
            ({"rule": "minutes.executive"}, "at"),
            ({"rule": "minutes.executive", "at": "2026-09-30T17:00", "limit": 3}, "limit"),
            ({**GOOD, "params": {"explain": True}}, "explain"),
            ({**GOOD, "lang": "fr"}, "lang"),
            ({**GOOD, "params": {"x": [1]}}, "params.x.str"),
        ],
        ids=["unknown-rule", "bad-at", "at-not-text", "missing-param", "bad-param", "no-at",
             "unknown-field", "explain-as-param", "bad-lang", "param-not-scalar"],
    )
    def test_bad_input_names_the_field(self, api, body, field):
        """Each bad input is a 422 problem naming the field, as batch names it."""
        problem(api.post("/v1/due", json=body), 422, field)

    def test_unknown_rule_lists_the_rules(self, api):
        """The detail says what valid input looks like."""
        body = problem(api.post("/v1/due", json={**GOOD, "rule": "minutes.exec"}), 422)
        assert "minutes.executive" in body.detail

    @pytest.mark.parametrize(
        "content",
        [b"{bad", b"[]", b"", b"null", "\u00ff".encode("latin-1")],
        ids=["not-json", "array", "empty", "null", "not-utf8"],
    )
    def test_not_an_object(self, api, content):
        """A body that is not a JSON object is a 422 problem, never a 500."""
        headers = {"content-type": "application/json"}
        problem(api.post("/v1/due", content=content, headers=headers), 422)

    @pytest.mark.parametrize(
        "content",
        [b'{"rule": "minutes.executive", "at": "2026-09-30T17:00", "params": {"x": NaN}}',
         (b'{"rule": "decisions.time_limited", "at": "2026-09-30T17:00", '
          b'"params": {"limit_days": Infinity}}'),
         b'{"rule": "minutes.executive", "at": "2026-09-30T17:00", "params": {"x": 1e999}}'],
        ids=["nan", "infinity", "overflow"],
    )
    def test_not_json_numbers(self, api, content):
        """NaN and infinities (which JSON has not) are refused or ignored, never a 500."""
        headers = {"content-type": "application/json"}
        assert api.post("/v1/due", content=content, headers=headers).status_code in (200, 422)

    def test_title_in_chinese(self, api):
        """lang: zh gives the problem's title in Chinese."""
        body = problem(api.post("/v1/due", json={**GOOD, "rule": "x.y", "lang": "zh"}), 422)
        assert body.title == "输入有误"

    @pytest.mark.parametrize(
        ("change", "detail"),
        [
            ({"rule": "x.y"}, "没有规则"),
            ({"at": "2026-02-30T10:00"}, "存在的日期：2026年2月没有30日"),
            ({"params": {"explain": True}}, "explain不是规则参数"),
            ({"params": {"rule": "x"}}, "rule不是规则参数"),
        ],
        ids=["unknown-rule", "no-such-day", "explain-as-param", "reserved-param"],
    )
    def test_detail_in_chinese(self, api, change, detail):
        """lang: zh gives the detail in Chinese too, with no English word beyond ids and keys."""
        body = problem(api.post("/v1/due", json={**GOOD, **change, "lang": "zh"}), 422)
        assert detail in body.detail
        keys = {"rule", "at", "explain", "params", "true"}
        assert english_words(body.detail, keys) == []

    def test_huge_parameter_is_input(self, api):
        """A parameter too large to compute with is a 422, not a 500."""
        body = {"rule": "decisions.time_limited", "at": "2026-09-30T17:00",
                "params": {"limit_days": 10**9}}
        problem(api.post("/v1/due", json=body), 422)


class TestBatch:
    """POST /v1/batch answers as `deadlines batch` does."""

    def test_same_lines_as_the_command_line(self, api, capsys, monkeypatch):
        """Good and bad lines, in order: byte for byte what the command line writes."""
        import io

        from deadlines.cli import main

        text = (
            '{"id": 1, "rule": "minutes.executive", "at": "2026-09-30T17:00"}\n'
            "not json\n"
            "\n"
            '{"id": "b", "rule": "decisions.time_limited", "at": "2026-09-16T10:00", '
            '"limit_days": 15}\r\n'
            '{"id": 3, "rule": "minutes.exec", "at": "2026-09-30T17:00"}'
        )
        monkeypatch.setattr("sys.stdin", io.StringIO(text))
        main(["batch", "--no-plugins"])
        expected = capsys.readouterr().out
        answer = api.post("/v1/batch", content=text.encode("utf-8"))
        assert answer.status_code == 200
        assert answer.headers["content-type"].startswith("application/x-ndjson")
        assert answer.text == expected
        ids = [json.loads(line).get("id") for line in answer.text.splitlines()]
        assert ids == [1, None, "b", 3]

    @pytest.mark.parametrize("size", [1, 7, 64], ids=["1-byte", "7-bytes", "64-bytes"])
    def test_pieces_answer_as_the_command_line(self, api, capsys, monkeypatch, size):
        """Sent in small pieces, errors keep the line numbers the command line gives them."""
        import io

        from deadlines.cli import main

        text = (
            '\ufeff{"id": 1, "rule": "minutes.executive", "at": "2026-09-30T17:00"}\r\n'
            "oops\r"
            '\ufeff{"id": 2, "rule": "minutes.executive", "at": "2026-09-30T17:00"}\n'
            "\n"
            '{"id": 3, "rule": "minutes.exec", "at": "2026-09-30T17:00"}\n'
            '{"id": 4, "rule": "minutes.executive", "at": "2026-09-30T17:00"}'
        )
        monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(text.encode("utf-8"))))
        main(["batch", "--no-plugins"])
        expected = capsys.readouterr().out
        data = text.encode("utf-8")
        pieces = (data[i : i + size] for i in range(0, len(data), size))
        assert api.post("/v1/batch", content=pieces).text == expected

    def test_streams_in_pieces(self, api):
        """A body sent in pieces, split inside lines and between \\r and \\n, reads whole."""
        lines = [json.dumps({"id": i, **GOOD}) for i in range(1200)]
        data = ("\r\n".join(lines)).encode("utf-8")

        def pieces():
            for start in range(0, len(data), 777):
                yield data[start : start + 777]

        answer = api.post("/v1/batch", content=pieces())
        ids = [json.loads(line)["id"] for line in answer.text.splitlines()]
        assert ids == list(range(1200))

    def test_explain(self, api):
        """?explain=true adds each answer's trace."""
        answer = api.post("/v1/batch?explain=true", content=json.dumps(GOOD).encode())
        assert json.loads(answer.text)["trace"][0]["action"] == "trigger"

    def test_bytes_not_utf8_are_one_line_error(self, api):
        """A line that is not UTF-8 is reported alone; the others are answered."""
        body = json.dumps(GOOD).encode() + b"\n\xff\xfe\n" + json.dumps(GOOD).encode()
        lines = [json.loads(line) for line in api.post("/v1/batch", content=body).text.splitlines()]
        assert ["error" in line for line in lines] == [False, True, False]
        assert lines[1]["error"]["line"] == 2

    def test_too_large_while_streaming(self):
        """A body without a length that passes the limit ends with an error line."""
        small = client(max_body=2000)
        line = (json.dumps(GOOD) + "\n").encode()

        def pieces():
            for _ in range(100):
                yield line

        answer = small.post("/v1/batch", content=pieces())
        last = json.loads(answer.text.splitlines()[-1])
        assert last["error"]["line"] is None
        assert "2000 bytes" in last["error"]["message"]


    def test_time_limit_while_streaming(self):
        """A batch still streaming at its time limit ends with an error line; earlier lines
        are answered."""
        import time

        quick = client(timeout=0.3)
        line = (json.dumps(GOOD) + "\n").encode()

        def slow():
            for _ in range(4):
                yield line
                time.sleep(0.15)

        answer = quick.post("/v1/batch", content=slow())
        lines = [json.loads(text) for text in answer.text.splitlines()]
        assert "due" in lines[0]
        assert lines[-1]["error"]["line"] is None
        assert "0.3 s" in lines[-1]["error"]["message"]


class TestBoardHook:
    """The board of deadlines.board is mounted when it is importable."""

    def test_mounted_with_engine_and_events_dir(self, monkeypatch, tmp_path):
        """make_router gets the engine factory, the events folder, the upload limit and the
        sessions; the token guards it."""
        import types

        from fastapi import APIRouter
        from fastapi.testclient import TestClient

        from deadlines.service import create_app

        seen = {}

        def make_router(*, engine_factory, events_dir, max_upload, sessions):
            seen["engine"], seen["events_dir"] = engine_factory(), events_dir
            seen["max_upload"], seen["sessions"] = max_upload, sessions is not None
            router = APIRouter()

            @router.get("/")
            def board() -> dict:
                return {"board": True}

            return router

        module = types.ModuleType("deadlines.board")
        module.make_router = make_router
        module.UPLOAD_PATH = "/upload"
        monkeypatch.setitem(sys.modules, "deadlines.board", module)
        engine = Engine(discover_plugins=False)
        app = create_app(
            Settings(token="t", events_dir=str(tmp_path), plugins=False), engine=engine
        )
        assert seen == {
            "engine": engine, "events_dir": tmp_path, "max_upload": 32 << 20, "sessions": True
        }
        board = TestClient(app)
        assert board.get("/", follow_redirects=False).headers["location"] == "/login?next=%2F"
        assert board.get("/", headers={"Authorization": "Bearer t"}).json() == {"board": True}
        assert "/" not in app.openapi()["paths"]

    def test_absent_board(self, monkeypatch):
        """Without deadlines.board (not importable), / is a 404 problem."""
        monkeypatch.setitem(sys.modules, "deadlines.board", None)
        problem(client().get("/"), 404)

    def test_real_board_is_mounted(self, tmp_path):
        """The board of this package serves / beside the API, behind the same token."""
        board = client(token="t", events_dir=str(tmp_path))
        assert board.get("/", follow_redirects=False).status_code == 303  # to its login page
        page = board.get("/", headers={"Authorization": "Bearer t"})
        assert page.status_code == 200
        assert page.headers["content-type"].startswith("text/html")


class TestReadOnly:
    """GET /v1/rules, /v1/rules/{id}, /v1/calendar/{year}, /v1/version, /healthz."""

    def test_rules_as_the_command_line(self, api, capsys):
        """The rules are those of `deadlines rules --json`."""
        from deadlines.cli import main

        main(["rules", "--json", "--no-plugins"])
        expected = json.loads(capsys.readouterr().out)
        data = api.get("/v1/rules").json()
        RulesAnswer.model_validate(data)
        assert data["rules"] == expected

    def test_one_rule(self, api):
        """One rule id gives its versions."""
        data = api.get("/v1/rules/routing.ordinary").json()
        RuleAnswer.model_validate(data)
        assert [v["id"] for v in data["versions"]] == ["routing.ordinary"]

    def test_unknown_rule_is_404(self, api):
        """An unknown rule id is a 404 problem with the closest id."""
        body = problem(api.get("/v1/rules/routing.ordinar"), 404, "rule_id")
        assert "did you mean routing.ordinary?" in body.detail

    def test_calendar_year(self, api):
        """2026: National Day off, and Saturday 10 October a working day."""
        data = api.get("/v1/calendar/2026").json()
        CalendarAnswer.model_validate(data)
        days = {day["date"]: day for day in data["days"]}
        assert days["2026-10-01"]["off"] is True
        assert days["2026-10-10"]["off"] is False
        assert data["announced"] is True

    def test_calendar_as_the_export(self, api, capsys):
        """The days are those of `deadlines calendar YEAR --json`, less a break's weekend days."""
        from deadlines.cli import main

        main(["calendar", "2027", "--json", "--no-plugins", "--lang", "zh"])
        exported = json.loads(capsys.readouterr().out)
        days = api.get("/v1/calendar/2027").json()["days"]
        weekdays = [row["date"] for row in exported if "周末" not in row["name"]]
        assert [day["date"] for day in days] == weekdays
        assert {day["date"]: day["off"] for day in days}.items() <= {
            row["date"]: row["off"] for row in exported
        }.items()

    @pytest.mark.parametrize("year", ["2003", "2101", "twenty", "2026.5"], ids=str)
    def test_calendar_bad_year(self, api, year):
        """A year outside 2004-2100, or not a year, is a 422 naming `year`."""
        problem(api.get(f"/v1/calendar/{year}"), 422, "year")

    def test_version(self, api):
        """The version is the provenance of every answer, and the API version."""
        data = api.get("/v1/version").json()
        VersionAnswer.model_validate(data)
        assert data == {**provenance(Engine(discover_plugins=False)), "api": "v1"}

    def test_healthz(self, api):
        """/healthz answers ok."""
        assert api.get("/healthz").json() == {"status": "ok"}

    @pytest.mark.parametrize(
        ("method", "path", "status"),
        [("GET", "/nowhere", 404), ("PUT", "/v1/due", 405), ("GET", "/v1/due", 405),
         ("GET", "/docs", 404)],
        ids=["unknown-path", "put", "get-due", "no-cdn-docs"],
    )
    def test_unknown_routes(self, api, method, path, status):
        """Unknown paths and methods are problems too."""
        problem(api.request(method, path), status)


class TestCheck:
    """POST /v1/check: the report of `deadlines check --json`, CSV or ICS."""

    AT = "2025-10-15T09:00"

    def test_same_report_as_the_command_line(self, api, capsys):
        """JSON Lines in, the CLI's JSON report out."""
        from deadlines.cli import main

        main(["check", str(EVENTS), "--at", self.AT, "--json", "--no-plugins"])
        expected = json.loads(capsys.readouterr().out)
        data = api.post(f"/v1/check?at={self.AT}", content=EVENTS.read_bytes()).json()
        CheckAnswer.model_validate(data)
        assert data == expected

    def test_json_array(self, api):
        """A JSON array of the same events gives the same report."""
        lines = EVENTS.read_text("utf-8").splitlines()
        array = "[" + ",".join(line for line in lines if line.strip()) + "]"
        by_lines = api.post(f"/v1/check?at={self.AT}", content=EVENTS.read_bytes()).json()
        by_array = api.post(f"/v1/check?at={self.AT}", content=array.encode()).json()
        assert by_array["summary"] == by_lines["summary"]

    @pytest.mark.parametrize(
        ("fmt", "start"), [("csv", "id,rule,"), ("ics", "BEGIN:VCALENDAR")], ids=["csv", "ics"]
    )
    def test_other_formats(self, api, fmt, start):
        """format=csv and format=ics give those forms."""
        answer = api.post(f"/v1/check?at={self.AT}&format={fmt}", content=EVENTS.read_bytes())
        assert answer.status_code == 200
        assert answer.text.startswith(start)

    @pytest.mark.parametrize(
        ("query", "content", "field"),
        [("at=junk", b"", "at"), ("format=pdf", b"", "format"),
         ("", b"\xff\xfe", "body"), ("", b"[1, 2", "body")],
        ids=["bad-at", "bad-format", "not-utf8", "broken-array"],
    )
    def test_bad_input(self, api, query, content, field):
        """Bad query values and bodies are 422 problems naming the field."""
        problem(api.post(f"/v1/check?{query}", content=content), 422, field)

    def test_bad_lines_are_listed(self, api):
        """Lines that cannot be used are listed in errors; the report is still given."""
        data = api.post(f"/v1/check?at={self.AT}", content=b'{"type": "nope"}\n').json()
        assert data["errors"][0]["line"] == 1


@pytest.fixture(scope="module")
def locked():
    """An app whose token is s3cret."""
    return client(token="s3cret")


class TestToken:
    """With a token, every endpoint but /healthz needs Authorization: Bearer."""

    @pytest.mark.parametrize(
        "headers",
        [{}, {"Authorization": "Bearer wrong"}, {"Authorization": "Basic czNjcmV0"},
         {"Authorization": "Bearer s3cret2"}],
        ids=["none", "wrong", "basic", "longer"],
    )
    def test_refused(self, locked, headers):
        """A missing or wrong token is a 401 problem with a Bearer challenge."""
        answer = locked.get("/v1/version", headers=headers)
        problem(answer, 401)
        assert answer.headers["www-authenticate"].startswith("Bearer")

    def test_accepted(self, locked):
        """The right token passes, on every endpoint."""
        auth = {"Authorization": "Bearer s3cret"}
        assert locked.get("/v1/version", headers=auth).status_code == 200
        assert locked.post("/v1/due", json=GOOD, headers=auth).status_code == 200
        assert locked.post("/v1/batch", content=b"", headers=auth).status_code == 200

    def test_health_is_open(self, locked):
        """/healthz needs no token."""
        assert locked.get("/healthz").status_code == 200

    def test_from_the_environment(self, monkeypatch, tmp_path):
        """The token comes from DEADLINES_API_TOKEN, or the first line of a token file."""
        from deadlines.service import read_token

        monkeypatch.setenv("DEADLINES_API_TOKEN", " abc ")
        assert read_token(None) == "abc"
        path = tmp_path / "token"
        path.write_text("\ufefffrom-file\n", "utf-8")
        assert read_token(path) == "from-file"
        monkeypatch.delenv("DEADLINES_API_TOKEN")
        assert read_token(None) is None


class TestLimits:
    """The size and time limits of a request, and CORS."""

    def test_declared_length_too_large(self):
        """A Content-Length over the limit is a 413 before the body is read."""
        small = client(max_body=100)
        problem(small.post("/v1/due", json={**GOOD, "params": {"p": "x" * 200}}), 413)

    def test_streamed_body_too_large(self):
        """A body without a length is counted as it arrives: 413 once past the limit."""
        small = client(max_body=100)

        def pieces():
            yield b'{"rule": "minutes.executive", '
            yield b'"at": "2026-09-30T17:00", "params": {"p": "' + b"x" * 200 + b'"}}'

        answer = small.post("/v1/check", content=pieces())
        problem(answer, 413)

    def test_time_limit(self, monkeypatch):
        """A request not answered in time is a 408 problem."""
        import time

        from deadlines.service import _routes

        slow = client(timeout=0.2)
        real = _routes._report

        def sleepy(*args):
            time.sleep(0.6)
            return real(*args)

        monkeypatch.setattr(_routes, "_report", sleepy)
        problem(slow.post("/v1/check", content=b""), 408)

    def test_no_cors_by_default(self, api):
        """Without --cors-origin, no CORS header is sent."""
        answer = api.get("/healthz", headers={"Origin": "http://oa.local"})
        assert "access-control-allow-origin" not in answer.headers

    def test_cors_when_configured(self):
        """With an origin configured, that origin may call."""
        open_ = client(cors_origins=("http://oa.local",))
        answer = open_.get("/healthz", headers={"Origin": "http://oa.local"})
        assert answer.headers["access-control-allow-origin"] == "http://oa.local"

    @pytest.mark.parametrize(
        ("field", "value"),
        [("port", 0), ("workers", 0), ("max_body", 0), ("max_upload", 0), ("timeout", 0),
         ("token", " ")],
        ids=["port", "workers", "max-body", "max-upload", "timeout", "blank-token"],
    )
    def test_bad_settings(self, field, value):
        """Settings refuse values that cannot work, naming them."""
        from deadlines import InvalidValueError

        with pytest.raises(InvalidValueError, match=field):
            Settings(**{field: value})


class TestNothingWritten:
    """Requests write nothing to disk."""

    def test_no_file_opened_for_writing(self, api):
        """No request opens a file for writing (an audit hook watches every open)."""
        written: list[str] = []
        watching = [True]

        def hook(event, args):
            if watching[0] and event == "open" and len(args) > 1:
                mode = args[1]
                text = isinstance(mode, str) and any(c in mode for c in "wax+")
                if text or (isinstance(mode, int) and mode & 0o3):  # O_WRONLY or O_RDWR
                    written.append(str(args[0]))

        sys.addaudithook(hook)
        try:
            api.post("/v1/due", json=GOOD)
            api.post("/v1/batch", content=json.dumps(GOOD).encode())
            api.post("/v1/check?at=2025-10-15T09:00&format=ics", content=EVENTS.read_bytes())
            api.get("/v1/calendar/2026")
            api.get("/v1/rules")
            # a board upload past the 1 MB spool of Starlette, within the default --max-upload
            padding = b"\n" * (5 << 20)
            upload = {"file": ("week.jsonl", EVENTS.read_bytes() + padding, "application/x-ndjson")}
            answer = client().post("/upload", files=upload, follow_redirects=False)
            assert answer.status_code == 303
        finally:
            watching[0] = False  # an audit hook cannot be removed: it stops looking
        assert written == []


class TestPluginsOnce:
    """The engine, and so its plugins, is built at start-up, never per request."""

    def test_no_engine_per_request(self, api, monkeypatch):
        """Requests build no engine (plugins load in Engine's constructor)."""
        from deadlines._engine import Engine as EngineClass

        built = []
        original = EngineClass.__init__

        def counting(self, *args, **kwargs):
            built.append(1)
            original(self, *args, **kwargs)

        monkeypatch.setattr(EngineClass, "__init__", counting)
        api.post("/v1/due", json=GOOD)
        api.post("/v1/batch", content=json.dumps(GOOD).encode())
        api.post("/v1/check?at=2025-10-15T09:00", content=EVENTS.read_bytes())
        api.get("/v1/version")
        assert built == []


class TestStartUp:
    """`deadlines serve` imports FastAPI only when it runs."""

    def test_due_does_not_import_the_service(self):
        """`deadlines due` imports neither FastAPI nor uvicorn."""
        code = (
            "import sys; from deadlines.cli import main; "
            "main(['due', 'minutes.executive', '--at', '2026-09-30T17:00']); "
            "print(sorted(m for m in ('fastapi', 'uvicorn', 'starlette') if m in sys.modules))"
        )
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        ).stdout
        assert out.splitlines()[-1] == "[]"

    @pytest.mark.parametrize(
        ("argv", "message"),
        [(["--port", "0"], "argument --port: port must be"),
         (["--workers", "0"], "argument --workers: workers must be"),
         (["--events-dir", "/no/such/dir"], "argument --events-dir: no such folder"),
         (["--token-file", "/no/such/file"], "argument --token-file:")],
        ids=["port", "workers", "events-dir", "token-file"],
    )
    def test_bad_options(self, capsys, argv, message):
        """Bad options are usage errors naming the option (exit 2), before anything binds."""
        from deadlines.cli import main

        assert main(["serve", *argv]) == 2
        assert message in capsys.readouterr().err

    def test_worker_app_from_the_environment(self, monkeypatch):
        """A worker process builds its app from the settings in the environment."""
        from fastapi.testclient import TestClient

        from deadlines.service import app_from_environment

        monkeypatch.setenv("DEADLINES_API_TOKEN", "w")
        monkeypatch.setenv("DEADLINES_SERVE_SETTINGS", Settings(plugins=False).to_environment())
        worker = TestClient(app_from_environment())
        assert worker.get("/v1/version").status_code == 401
        auth = {"Authorization": "Bearer w"}
        assert worker.get("/v1/version", headers=auth).json()["api"] == "v1"

    def test_settings_travel_to_workers(self, monkeypatch):
        """Workers rebuild the same settings from the environment, the token read again."""
        monkeypatch.setenv("DEADLINES_API_TOKEN", "t0k")
        settings = Settings(port=9000, cors_origins=("http://a",), calendar=("x.toml",))
        text = settings.to_environment()
        assert "t0k" not in text
        again = Settings.from_environment(text)
        assert again == Settings(
            port=9000, cors_origins=("http://a",), calendar=("x.toml",), token="t0k"
        )
