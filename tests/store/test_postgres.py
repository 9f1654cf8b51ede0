"""The same store on PostgreSQL (the URL is the only difference). Uses $GONGKAI_TEST_POSTGRES (an empty
database's URL) or starts a throwaway cluster with initdb/pg_ctl when PostgreSQL is installed; skipped,
with the reason, when neither is available."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from gongkai.errors import InvalidStep, StoreError
from gongkai.model import Applicant, Report
from gongkai.register.annual import fees_for_year, tables_for_year
from gongkai.register.ledger import NewRequest, Register
from gongkai.register.steps import Channel, EventKind
from gongkai.register.synthetic import generate
from gongkai.store import open_store


def _as_postgres_user(cmd: list[str]) -> list[str]:
    # PostgreSQL refuses to run as root; CI containers often are root
    if os.geteuid() == 0:
        runuser = shutil.which("runuser")
        if runuser is None:
            pytest.skip("以 root 运行且没有 runuser，无法启动临时 PostgreSQL")
        return [runuser, "-u", "nobody", "--", *cmd]
    return cmd


@pytest.fixture(scope="module")
def pg_url() -> Iterator[str]:
    pytest.importorskip("psycopg", reason="未安装 psycopg（pip install 'gongkai[postgres]'）")
    given = os.environ.get("GONGKAI_TEST_POSTGRES")
    if given:
        yield given
        return
    initdb, pg_ctl = shutil.which("initdb"), shutil.which("pg_ctl")
    if not initdb or not pg_ctl:
        pytest.skip("未安装 PostgreSQL（initdb/pg_ctl），也未设置 GONGKAI_TEST_POSTGRES")
    tmp = Path(tempfile.mkdtemp(prefix="gongkai-pg-"))
    tmp.chmod(0o777)
    data = tmp / "data"
    subprocess.run(_as_postgres_user([initdb, "-D", str(data), "-A", "trust", "-U", "gongkai"]),
                   check=True, capture_output=True)
    subprocess.run(
        _as_postgres_user([pg_ctl, "-D", str(data), "-o", f"-k {tmp} -c listen_addresses=''", "-l", str(tmp / "log"),
                           "-w", "start"]),
        check=True, capture_output=True,
    )
    try:
        yield f"postgresql+psycopg://gongkai@/postgres?host={tmp}"
    finally:
        subprocess.run(_as_postgres_user([pg_ctl, "-D", str(data), "-m", "immediate", "stop"]), capture_output=True)
        shutil.rmtree(tmp, ignore_errors=True)


def test_same_tables_as_sqlite(pg_url: str) -> None:
    pg, lite = open_store(pg_url), open_store("sqlite://")
    for store in (pg, lite):
        generate(store, 400, [2024, 2025], seed=9, challenge_rate=0.05)
    for year in (2024, 2025):
        assert tables_for_year(pg, year)[0].to_json() == tables_for_year(lite, year)[0].to_json()
        assert tables_for_year(pg, year)[1].to_json() == tables_for_year(lite, year)[1].to_json()
        assert fees_for_year(pg, year) == fees_for_year(lite, year)
    # explicit ids of the bulk insert did not leave the sequences behind
    reg = Register(pg)
    rid = reg.add(NewRequest("张三", Applicant.NATURAL_PERSON, Channel.IN_PERSON, date(2025, 3, 3)))
    state = reg.step(rid, EventKind.ANSWER, date(2025, 3, 10), {"outcome": "（一）"})
    assert state.closed
    with pytest.raises(InvalidStep, match="早于收到申请之日"):
        reg.step(rid, EventKind.REVIEW_FILED, date(2025, 3, 1))
    rid2 = pg.save_report(Report(name="某区年报.pdf", agency="某区", year=2025))
    assert pg.report(rid2).agency == "某区"
    pg.close()


def test_rollback_on_postgres(pg_url: str) -> None:
    from gongkai.store import ApplicantRow
    from gongkai.store.store import now

    store = open_store(pg_url)
    with store.session() as s:
        before = len(s.query(ApplicantRow).all())
    with pytest.raises(StoreError), store.transaction() as s:
        s.add(ApplicantRow(name="甲", kind="NATURAL_PERSON", contact="", id_document="", recorded_at=now()))
        s.flush()
        s.add(ApplicantRow(name=None, kind="NATURAL_PERSON", contact="", id_document="", recorded_at=now()))
        s.flush()
    with store.session() as s:
        assert len(s.query(ApplicantRow).all()) == before
    store.close()
