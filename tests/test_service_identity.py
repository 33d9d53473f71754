"""/v1/batch and /v1/due answer exactly as `deadlines batch` does, on 10,000 random triggers."""

from __future__ import annotations

import io
import json
import random

import pytest

from servicekit import client  # isort: skip

from deadlines.cli import main

COUNT = 10_000
SAMPLE = 300  # /v1/due is asked one request at a time: a sample of the 10,000
SEED = 20261130

# Every rule of the catalog; those that are no deadline give error lines, identically.
RULES = [
    "minutes.party_group", "minutes.executive", "minutes.special_topic", "documents.issue",
    "signing.same_day", "matters.same_day", "routing.urgent", "routing.ordinary",
    "instructions.plan", "decisions.time_limited", "meetings.march_freeze",
    "research.field_days", "supervision.quarterly", "tasks.immediate",
]


def trigger(rng: random.Random, number: int) -> dict:
    """A random record: any rule, an instant from 2004 to 2100, sometimes a parameter."""
    year = rng.choice([rng.randint(2004, 2100), rng.randint(2020, 2027)])
    at = (
        f"{year:04d}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}T"
        f"{rng.randint(0, 23):02d}:{rng.choice([0, 15, 30, 59]):02d}"
    )
    if rng.random() < 0.3:
        at += rng.choice(["+08:00", "Z", "+00:00", ":30+08:00"])
    record: dict = {"id": number, "rule": rng.choice(RULES), "at": at}
    if record["rule"] == "decisions.time_limited" or rng.random() < 0.05:
        record["limit_days"] = rng.choice([1, 5, 15, 30, "10", 0, -3, "x"])
    if rng.random() < 0.01:
        record["at"] = rng.choice(["30/09/2026", "", "2026-02-30T10:00"])
    return record


@pytest.fixture(scope="module")
def records():
    rng = random.Random(SEED)
    return [trigger(rng, n) for n in range(COUNT)]


@pytest.fixture(scope="module")
def expected(records):
    """What `deadlines batch --no-plugins` writes for the records."""
    text = "".join(json.dumps(r) + "\n" for r in records)
    import contextlib
    import sys

    out = io.StringIO()
    stdin, sys.stdin = sys.stdin, io.StringIO(text)
    try:
        with contextlib.redirect_stdout(out):
            main(["batch", "--no-plugins"])
    finally:
        sys.stdin = stdin
    return out.getvalue()


@pytest.fixture(scope="module")
def api():
    return client(max_body=16 << 20, timeout=120)


class TestIdentity:
    """The service and the command line give the same answers."""

    def test_batch_byte_for_byte(self, api, records, expected):
        """One /v1/batch request of 10,000 lines answers byte for byte as the command line."""
        body = "".join(json.dumps(r) + "\n" for r in records).encode("utf-8")
        answer = api.post("/v1/batch", content=body)
        assert answer.status_code == 200
        assert len(answer.text.splitlines()) == COUNT
        assert answer.text == expected
        failed = sum('"error"' in line for line in expected.splitlines())
        assert 0 < failed < COUNT  # the sample holds good and bad records

    def test_due_matches_batch(self, api, records, expected):
        """/v1/due on a sample: each answer, or each 422, is the batch line's."""
        lines = expected.splitlines()
        rng = random.Random(SEED + 1)
        for index in sorted(rng.sample(range(COUNT), SAMPLE)):
            record = dict(records[index])
            line = json.loads(lines[index])
            body = {"rule": record.pop("rule"), "at": record.pop("at")}
            record.pop("id")
            if record:
                body["params"] = record
            answer = api.post("/v1/due", json=body)
            data = answer.json()
            if "error" in line:
                assert answer.status_code == 422, (body, data)
                assert (data["field"], data["detail"]) == (
                    line["error"]["field"], line["error"]["message"]
                )
                continue
            assert answer.status_code == 200, (body, data)
            mine = {
                "id": index, "rule": data["rule_id"], "at": data["at"], "due": data["due"],
                "due_date": data["due_date"], "provisional": data["provisional"],
            }
            if data["warnings"]:
                mine["warnings"] = data["warnings"]
            mine["provenance"] = data["provenance"]
            assert mine == line
