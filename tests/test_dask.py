"""`deadlines.dask` on a real `dask.distributed` cluster: the answers of `deadlines batch`."""

from __future__ import annotations

import contextlib
import io
import json
import random

import pytest

pytest.importorskip("dask.bag", reason="deadlines[dask] (dask) is not installed")
distributed = pytest.importorskip(
    "distributed", reason="deadlines[dask] (distributed) is not installed"
)
pd = pytest.importorskip("pandas", reason="deadlines[dask] (pandas) is not installed")

import dask.bag as db  # noqa: E402 - after the skips
import dask.dataframe as dd  # noqa: E402

from deadlines.cli import main  # noqa: E402
from deadlines.dask import META, due_partition, frame_partition  # noqa: E402
from deadlines.frame import due_frame  # noqa: E402

RULES = [
    ("minutes.executive", {}),
    ("documents.issue", {}),
    ("signing.same_day", {}),
    ("routing.ordinary", {}),
    ("routing.urgent", {}),
    ("decisions.time_limited", {"limit_days": 15}),
    ("minutes.special_topic", {"involves_personnel_money_assets": True}),
    ("supervision.quarterly", {}),
]


def _records(n: int, seed: int) -> list[dict[str, object]]:
    rng = random.Random(seed)
    records = []
    for i in range(n):
        rule, params = rng.choice(RULES)
        at = f"20{rng.randrange(20, 28)}-{rng.randrange(1, 13):02}-{rng.randrange(1, 29):02}T"
        at += f"{rng.randrange(24):02}:{rng.randrange(60):02}"
        records.append({"id": i, "rule": rule, "at": at, **params})
    records[5]["at"] = "30/09/2026"  # an error line keeps its place and its line number
    return records


def _batch(path) -> list[str]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        main(["batch", "--no-plugins", str(path)])
    return out.getvalue().splitlines()


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    )
    with cluster, distributed.Client(cluster) as client:
        yield client


class TestOnACluster:
    """Two worker processes give what `deadlines batch` gives, in order."""

    def test_bag_of_json_lines(self, client, tmp_path):
        """read_text → map_partitions(due_partition) → to_textfiles, one file per partition."""
        for part in range(3):
            lines = "".join(json.dumps(r) + "\n" for r in _records(200, part))
            (tmp_path / f"in-{part}.jsonl").write_text(lines, "utf-8")
        bag = db.read_text(str(tmp_path / "in-*.jsonl"), blocksize=None)
        bag.map_partitions(due_partition).to_textfiles(str(tmp_path / "out-*.jsonl"))
        for part in range(3):
            got = (tmp_path / f"out-{part}.jsonl").read_text("utf-8").splitlines()
            assert got == _batch(tmp_path / f"in-{part}.jsonl")

    def test_dataframe(self, client, tmp_path):
        """A dataframe's partitions through frame_partition: batch's due instants, row by row."""
        records = _records(600, 9)
        source = tmp_path / "in.jsonl"
        source.write_text("".join(json.dumps(r) + "\n" for r in records), "utf-8")
        table = pd.DataFrame.from_records(records)
        answers = (
            dd.from_pandas(table, npartitions=4)
            .map_partitions(frame_partition, meta=META)
            .compute()
        )
        assert answers.equals(due_frame(table))
        for line, (due, error) in zip(
            _batch(source), zip(answers["due"], answers["error"], strict=True), strict=True
        ):
            expected = json.loads(line)
            if "error" in expected:
                assert pd.notna(error)
            else:
                assert due.isoformat() == expected["due"]


class TestImports:
    """Importing dask leaves the engine's quick plugin scan working."""

    def test_plugin_scan(self, tmp_path, monkeypatch):
        """The importlib_metadata finder dask brings searches sys.path like the standard one."""
        pytest.importorskip("importlib_metadata", reason="importlib_metadata is not installed")
        import sys

        from deadlines._discovery import plugins_may_be_installed

        monkeypatch.setattr(sys, "path", [str(tmp_path)])
        assert any(type(f).__module__ == "importlib_metadata" for f in sys.meta_path)
        assert not plugins_may_be_installed()
