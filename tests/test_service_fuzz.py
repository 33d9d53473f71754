"""Fuzzing the service: whatever a client sends, the answer is a success or a 4xx problem.

Bounded for CI (``max_examples`` below); ``DEADLINES_FUZZ=long`` runs a hundred times more, as
for the other surfaces (tests/strategies_fuzz.py).
"""

from __future__ import annotations

import json
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from servicekit import client  # isort: skip

from deadlines.service import PROBLEM_MEDIA_TYPE

EXAMPLES = 6000 if os.environ.get("DEADLINES_FUZZ", "") == "long" else 60
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

RULES = ["minutes.executive", "decisions.time_limited", "routing.ordinary", "signing.same_day",
         "research.field_days", "meetings.march_freeze", "tasks.immediate", "x", ""]
scalars = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-(10**12), max_value=10**12),
    # JSON has no NaN or infinity: the client refuses to send them (test_service has them raw)
    st.floats(allow_nan=False, allow_infinity=False), st.text(max_size=30),
)
instants = st.one_of(
    st.datetimes().map(lambda d: d.isoformat()),
    st.sampled_from(["2026-09-30T17:00", "2026-02-30T10:00", "2026-09-30T10:00+15:00",
                     "2101-01-01T00:00", "2003-12-31T23:59", "24:00", ""]),
    st.text(max_size=25),
    scalars,
)
params = st.dictionaries(
    st.sampled_from(["limit_days", "deadline", "done", "involves_personnel_money_assets",
                     "explain", "kind", "x"]) | st.text(max_size=8),
    st.one_of(scalars, st.lists(scalars, max_size=2)),
    max_size=3,
)
due_bodies = st.one_of(
    st.fixed_dictionaries(
        {"rule": st.sampled_from(RULES) | st.text(max_size=12), "at": instants},
        optional={"params": params | scalars, "lang": st.sampled_from(["zh", "en", "x"]),
                  "explain": st.booleans() | scalars, "extra": scalars},
    ),
    st.recursive(scalars, lambda inner: st.lists(inner, max_size=3)
                 | st.dictionaries(st.text(max_size=5), inner, max_size=3), max_leaves=6),
)


@pytest.fixture(scope="module")
def api():
    return client(max_body=4096)


def assert_not_server_error(response):
    """A success, or a 4xx problem: never a 5xx."""
    assert response.status_code < 500, response.text
    if response.status_code >= 400:
        assert response.headers["content-type"] == PROBLEM_MEDIA_TYPE
        body = response.json()
        assert body["status"] == response.status_code
        assert body["detail"]


class TestFuzz:
    """No input gives a 5xx."""

    @FUZZ
    @given(body=due_bodies)
    def test_due_json(self, api, body):
        """Any JSON body to /v1/due."""
        assert_not_server_error(api.post("/v1/due", json=body))

    @FUZZ
    @given(data=st.binary(max_size=300))
    def test_due_bytes(self, api, data):
        """Any bytes to /v1/due."""
        headers = {"content-type": "application/json"}
        assert_not_server_error(api.post("/v1/due", content=data, headers=headers))

    @FUZZ
    @given(lines=st.lists(st.one_of(due_bodies.map(json.dumps), st.text(max_size=40)),
                          max_size=6),
           raw=st.binary(max_size=60))
    def test_batch(self, api, lines, raw):
        """Any lines to /v1/batch: one answer line per record, never a 5xx."""
        body = "\n".join(lines).encode("utf-8", "surrogatepass") + raw
        response = api.post("/v1/batch", content=body)
        assert_not_server_error(response)
        for line in response.text.splitlines():
            json.loads(line)  # every answer line is JSON

    @FUZZ
    @given(at=st.text(max_size=25), fmt=st.text(max_size=5), body=st.binary(max_size=200))
    def test_check(self, api, at, fmt, body):
        """Any query and bytes to /v1/check."""
        response = api.post("/v1/check", params={"at": at, "format": fmt}, content=body)
        assert_not_server_error(response)

    @FUZZ
    @given(events=st.lists(st.dictionaries(
        st.sampled_from(["type", "id", "kind", "ended_at", "received_at", "urgency",
                         "limit_days", "matters", "obligation", "at"]),
        scalars | st.sampled_from(["meeting_held", "document_received", "completed",
                                   "executive", "ordinary", "2025-09-30T17:00"]),
        max_size=6), max_size=4))
    def test_check_events(self, api, events):
        """Events of every shape as a JSON array."""
        response = api.post("/v1/check?at=2025-10-15T09:00", json=events)
        assert_not_server_error(response)

    @FUZZ
    @given(path=st.text(max_size=20))
    def test_paths(self, api, path):
        """Any path under /v1/rules/ and /v1/calendar/."""
        from urllib.parse import quote

        for prefix in ("/v1/rules/", "/v1/calendar/"):
            assert_not_server_error(api.get(prefix + quote(path, safe="")))
