"""The board inside `deadlines serve`: signing in with the token, the upload limit, lost uploads."""

from __future__ import annotations

import re
import time

import pytest

from servicekit import EVENTS, client  # isort: skip

from deadlines.service._auth import SESSION_COOKIE, SESSION_SECONDS, Sessions

TOKEN = "s3cret-token"
ORIGIN = {"Origin": "http://testserver"}
API = ["/v1/version", "/v1/rules", "/openapi.json"]


@pytest.fixture(scope="module")
def secured():
    """The service with a token and the board, over http."""
    return client(token=TOKEN)


def _sign_in(app, *, after: str = "/", headers: dict[str, str] | None = None):
    return app.post(
        "/login",
        data={"token": TOKEN, "next": after},
        headers=ORIGIN if headers is None else headers,
        follow_redirects=False,
    )


def _signed_in(**settings: object):
    """A fresh client (its own cookie jar) signed in on the board."""
    app = client(token=TOKEN, **settings)
    assert _sign_in(app).status_code == 303
    return app


def _upload(app, data: bytes, *, query: str = "", headers: dict[str, str] | None = None):
    return app.post(
        f"/upload{query}",
        files={"file": ("week.jsonl", data, "application/x-ndjson")},
        data={"at": "2025-10-15T09:00"},
        headers=ORIGIN if headers is None else headers,
        follow_redirects=False,
    )


class TestSignIn:
    """With a token, a browser signs in on /login and the board takes its session cookie."""

    @pytest.mark.parametrize(
        ("path", "login"),
        [("/", "/login?next=%2F"),
         ("/calendar/2026?lang=en", "/login?next=%2Fcalendar%2F2026%3Flang%3Den&lang=en")],
        ids=["board", "english-calendar"],
    )
    def test_page_without_session_goes_to_login(self, secured, path, login):
        """A page of the board without a session is a 303 to the login page, coming back."""
        answer = secured.get(path, follow_redirects=False)
        assert answer.status_code == 303
        assert answer.headers["location"] == login

    def test_form_without_session(self, secured):
        """A form sent after the session ended goes to the login page, which returns to /."""
        secured.cookies.clear()
        answer = _upload(secured, EVENTS.read_bytes(), query="?lang=en")
        assert answer.status_code == 303
        assert answer.headers["location"] == "/login?next=%2F&lang=en"

    @pytest.mark.parametrize(
        ("query", "words"),
        [("", ("登录看板", "访问令牌", 'lang="zh-CN"', ">English</a>")),
         ("?lang=en", ("Sign in to the board", "Access token", 'lang="en"', ">中文</a>"))],
        ids=["zh", "en"],
    )
    def test_login_page(self, secured, query, words):
        """The login page: Chinese first, a switch to English, a labelled password field."""
        page = secured.get(f"/login{query}")
        assert page.status_code == 200
        assert page.headers["content-type"].startswith("text/html")
        for word in words:
            assert word in page.text
        assert '<label for="token">' in page.text
        assert 'type="password" id="token" name="token"' in page.text
        assert "Content-Security-Policy" in page.headers

    def test_sign_in_sets_a_cookie_of_an_hmac(self, secured):
        """The right token: 303 back, an HttpOnly SameSite=Strict cookie not holding it."""
        app = client(token=TOKEN)
        answer = _sign_in(app, after="/calendar/2026")
        assert answer.status_code == 303
        assert answer.headers["location"] == "/calendar/2026"
        cookie = answer.headers["set-cookie"]
        assert cookie.startswith(f"{SESSION_COOKIE}=")
        assert "HttpOnly" in cookie
        assert "SameSite=strict" in cookie or "SameSite=Strict" in cookie
        assert "Secure" not in cookie  # over http, unless configured
        assert TOKEN not in cookie
        value = cookie.split(";")[0].partition("=")[2]
        assert Sessions(TOKEN).valid(value)
        board = app.get("/")
        assert board.status_code == 200
        assert "退出登录" in board.text  # a signed-in page offers to sign out

    def test_wrong_token(self, secured):
        """A wrong token: the login page again (401), saying so, and no cookie."""
        answer = secured.post(
            "/login?lang=en", data={"token": "guess", "next": "/"}, headers=ORIGIN
        )
        assert answer.status_code == 401
        assert "set-cookie" not in answer.headers
        assert 'role="alert"' in answer.text
        assert 'aria-invalid="true"' in answer.text
        assert "That is not the token" in answer.text

    @pytest.mark.parametrize(
        "after", ["//evil.example/", "https://evil.example/", "/\\evil.example"],
        ids=["scheme-relative", "absolute", "backslash"],
    )
    def test_next_stays_on_this_server(self, after):
        """After signing in, the board goes only to a path of this server."""
        assert _sign_in(client(token=TOKEN), after=after).headers["location"] == "/"

    @pytest.mark.parametrize(
        ("base", "settings", "secure"),
        [("http://testserver", {}, False),
         ("https://testserver", {}, True),
         ("http://testserver", {"secure_cookie": True}, True)],
        ids=["http", "https", "configured"],
    )
    def test_secure_flag(self, base, settings, secure):
        """The cookie is Secure over https, or when the service is told to (a TLS proxy)."""
        app = client(token=TOKEN, **settings)
        app.base_url = app._merge_url(base)  # type: ignore[attr-defined]
        answer = _sign_in(app, headers={"Origin": base})
        assert answer.status_code == 303
        assert ("Secure" in answer.headers["set-cookie"]) is secure

    def test_cookie_does_not_open_the_api(self):
        """The session cookie never authorizes the JSON API: only the Bearer header does."""
        app = _signed_in()
        for path in API:
            answer = app.get(path)
            assert answer.status_code == 401, path
            assert answer.headers["content-type"] == "application/problem+json"
        assert app.get("/v1/version", headers={"Authorization": f"Bearer {TOKEN}"}).is_success

    @pytest.mark.parametrize(
        "value",
        [
            f"{int(time.time()) + 3600}.{'0' * 64}",
            Sessions(TOKEN).issue(now=time.time() - SESSION_SECONDS - 1),
            Sessions("another-token").issue(),
            TOKEN,
            "",
        ],
        ids=["forged-mac", "expired", "other-token", "the-token-itself", "empty"],
    )
    def test_bad_cookie(self, secured, value):
        """A forged, expired or foreign cookie is no session: back to the login page."""
        secured.cookies.clear()
        secured.cookies.set(SESSION_COOKIE, value)
        answer = secured.get("/", follow_redirects=False)
        secured.cookies.clear()
        assert answer.status_code == 303
        assert answer.headers["location"].startswith("/login")

    def test_a_digit_int_cannot_read(self):
        """A stamp of digits Python's int() refuses ("²") is no session, not a server error."""
        assert not Sessions(TOKEN).valid(f"²{int(time.time()) + 3600}.{'0' * 64}")

    def test_sign_out(self):
        """Signing out clears the cookie and goes to the login page."""
        app = _signed_in()
        answer = app.post("/logout", headers=ORIGIN, follow_redirects=False)
        assert answer.status_code == 303
        assert answer.headers["location"] == "/login"
        assert re.search(rf'{SESSION_COOKIE}="?"?;.*Max-Age=0', answer.headers["set-cookie"])
        assert app.get("/", follow_redirects=False).status_code == 303

    def test_open_without_a_session(self, secured):
        """/healthz, the login page and the stylesheet need no session; the board does."""
        secured.cookies.clear()
        assert secured.get("/healthz").json() == {"status": "ok"}
        assert secured.get("/board-static/board.css").status_code == 200
        assert secured.get("/login").status_code == 200
        assert secured.get("/v1/version").status_code == 401

    def test_bearer_still_opens_the_board(self, secured):
        """A script with the Bearer header reads the board and uploads, as before."""
        auth = {"Authorization": f"Bearer {TOKEN}"}
        assert secured.get("/", headers=auth).status_code == 200
        assert _upload(secured, EVENTS.read_bytes(), headers=auth).status_code == 303


class TestCrossSite:
    """The board's forms refuse a request sent from another site (CSRF), when signed in."""

    @pytest.mark.parametrize(
        "headers",
        [{"Origin": "http://evil.example"},
         {"Origin": "null"},
         {},
         {"Referer": "http://evil.example/page"},
         {"Origin": "http://testserver.evil.example"}],
        ids=["other-origin", "null-origin", "neither", "other-referer", "lookalike"],
    )
    @pytest.mark.parametrize("path", ["/upload", "/logout", "/login"], ids=["upload", "logout",
                                                                            "login"])
    def test_refused(self, headers, path):
        """A POST whose Origin (or Referer) is not this server: a 403 page, nothing done."""
        app = _signed_in()
        files = {"file": ("week.jsonl", EVENTS.read_bytes(), "application/x-ndjson")}
        answer = app.post(
            path,
            files=files if path == "/upload" else None,
            data={"token": TOKEN, "next": "/"},
            headers=headers,
            follow_redirects=False,
        )
        assert answer.status_code == 403
        assert answer.headers["content-type"].startswith("text/html")
        assert "跨站请求伪造" in answer.text
        assert "set-cookie" not in answer.headers

    @pytest.mark.parametrize(
        "headers",
        [ORIGIN, {"Origin": "null", "Referer": "http://testserver/?lang=en"},
         {"Referer": "http://testserver/"}],
        ids=["origin", "null-origin-own-referer", "own-referer"],
    )
    def test_own_page_passes(self, headers):
        """The board's own form (its Origin, or its Referer) passes."""
        app = _signed_in()
        assert _upload(app, EVENTS.read_bytes(), headers=headers).status_code == 303

    def test_referrer_policy_lets_the_origin_through(self, secured):
        """Pages send their referrer to this server only, so a browser's Origin is not null."""
        page = secured.get("/login")
        assert page.headers["Referrer-Policy"] == "same-origin"


class TestWithoutToken:
    """Without a token nothing changes: no login page, no cookie, no origin check."""

    def test_unchanged(self):
        """The board answers at once; /login is no page; an upload needs no Origin."""
        app = client()
        assert app.get("/", follow_redirects=False).status_code == 200
        assert app.get("/login").status_code == 404
        answer = _upload(app, EVENTS.read_bytes(), headers={})
        assert answer.status_code == 303
        assert "set-cookie" not in answer.headers


class TestUploadLimit:
    """Uploads have their own limit (--max-upload), and a too-large one is a page of the board."""

    def test_past_max_body(self):
        """A 2.5 MB events file uploads with the default limits (max_body is 1 MiB)."""
        data = EVENTS.read_bytes() + b"\n" * (5 << 19)
        answer = _upload(client(), data)
        assert answer.status_code == 303
        assert answer.headers["location"].startswith("/?src=upload%3A")

    @pytest.mark.parametrize(
        ("query", "words"),
        [("", ("文件太大", "0.0195 MB", "--max-upload")),
         ("?lang=en", ("File too large", "0.0195 MB", "--max-upload"))],
        ids=["zh", "en"],
    )
    def test_too_large_is_a_page(self, query, words):
        """Past max_upload: a 413 HTML page in the board's language, offering to upload again."""
        app = client(max_upload=20_480)
        answer = _upload(app, b"\n" * 30_000, query=query)
        assert answer.status_code == 413
        assert answer.headers["content-type"].startswith("text/html")
        for word in words:
            assert word in answer.text
        assert 'href="/' in answer.text

    def test_too_large_without_a_length(self):
        """A body sent in chunks (no Content-Length) is counted: the same 413 page."""
        boundary = "b0undary"
        head = (
            f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; "
            'filename="week.jsonl"\r\nContent-Type: application/x-ndjson\r\n\r\n'
        ).encode()

        def chunks():
            yield head
            for _ in range(10):
                yield b"\n" * 4096
            yield f"\r\n--{boundary}--\r\n".encode()

        answer = client(max_upload=20_480).post(
            "/upload",
            content=chunks(),
            headers={"Content-Type": f"multipart/form-data; boundary={boundary}"},
        )
        assert answer.status_code == 413
        assert "文件太大" in answer.text

    def test_api_keeps_max_body(self):
        """The JSON API keeps --max-body, with its problem+json 413."""
        app = client(max_body=100, max_upload=1 << 20)
        answer = app.post("/v1/check?at=2025-10-15T09:00", content=b"\n" * 200)
        assert answer.status_code == 413
        assert answer.headers["content-type"] == "application/problem+json"

    def test_signed_in_upload(self):
        """Signed in, an upload goes through the limit and the origin check alike."""
        app = _signed_in(max_upload=20_480)
        assert _upload(app, EVENTS.read_bytes()).status_code == 303
        assert _upload(app, b"\n" * 30_000).status_code == 413


class TestLostUpload:
    """A link to an upload this worker does not hold explains why, and offers to upload again."""

    @pytest.mark.parametrize(
        ("query", "words"),
        [("", ("上传的文件已不在服务器上", "多个工作进程", "重新上传")),
         ("&lang=en", ("no longer on the server", "several worker processes", "Upload it again"))],
        ids=["zh", "en"],
    )
    def test_plain_words(self, query, words):
        """A 404 page in the board's language, with a link back to the upload form."""
        answer = client().get(f"/?src=upload:0123456789abcdef{query}")
        assert answer.status_code == 404
        for word in words:
            assert word in answer.text
        assert '#load-h">' in answer.text
        assert "upload:0123456789abcdef" not in answer.text.split("<main")[1]

    def test_workers_notice(self, capsys, monkeypatch):
        """`deadlines serve --workers 2` says at start-up that uploads need one worker."""
        from deadlines.cli import main
        from deadlines.service import _server

        started = []
        monkeypatch.setattr(_server, "serve", lambda settings, app: started.append(settings))
        assert main(["serve", "--no-plugins", "--workers", "2"]) == 0
        assert started[0].workers == 2
        err = capsys.readouterr().err
        assert "with --workers 2, a file uploaded on the board" in err
        assert "--events-dir work in every worker" in err
        assert main(["serve", "--no-plugins"]) == 0
        assert "uploaded" not in capsys.readouterr().err

    def test_max_upload_option(self, monkeypatch, capsys):
        """--max-upload and --secure-cookie reach the settings; a bad size is a usage error."""
        from deadlines.cli import main
        from deadlines.service import _server

        started = []
        monkeypatch.setattr(_server, "serve", lambda settings, app: started.append(settings))
        argv = ["serve", "--no-plugins", "--max-upload", "4096", "--secure-cookie"]
        assert main(argv) == 0
        assert (started[0].max_upload, started[0].secure_cookie) == (4096, True)
        assert main(["serve", "--max-upload", "0"]) == 2
        assert "argument --max-upload: max_upload must be" in capsys.readouterr().err


class TestWellFormed:
    """The new pages nest and close their elements, as every other page of the board."""

    @pytest.mark.parametrize(
        "fetch",
        [
            lambda: client(token=TOKEN).get("/login?lang=en"),
            lambda: client(token=TOKEN).post("/login", data={"token": "x"}, headers=ORIGIN),
            lambda: _signed_in().get("/calendar/2026"),  # with the sign-out button
            lambda: _upload(_signed_in(), EVENTS.read_bytes(), headers={}),  # cross-site
            lambda: _upload(client(max_upload=100), EVENTS.read_bytes()),  # too large
            lambda: client().get("/?src=upload:0123456789abcdef"),  # lost upload
        ],
        ids=["login", "login-wrong", "signed-in", "cross-site", "too-large", "lost-upload"],
    )
    def test_balanced(self, fetch):
        """No element is left open or closed out of order."""
        from test_board import _Balance

        checker = _Balance()
        checker.feed(fetch().text)
        assert checker.errors == []
        assert checker.stack == []
