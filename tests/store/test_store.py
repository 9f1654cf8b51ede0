"""The store: migrations, one transaction per change, nothing deleted or rewritten, reports saved whole."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, inspect, select, text

from gongkai.errors import StoreError
from gongkai.model import (
    Applicant,
    Cell,
    CellKind,
    CellValue,
    Edition,
    Finding,
    Report,
    Severity,
    Table3,
    Table3Row,
)
from gongkai.store import Base, EventRow, RequestRow, Store, open_store
from gongkai.store.store import now


@pytest.fixture
def store() -> Store:
    return open_store("sqlite://")


def _report() -> Report:
    t3 = Table3(Edition.F2021)
    t3.cells[(Table3Row.NEW_RECEIVED, Applicant.NATURAL_PERSON)] = Cell(CellValue(CellKind.NUMBER, "12", 12))
    t3.cells[(Table3Row.NEW_RECEIVED, Applicant.COMMERCIAL)] = Cell(CellValue(CellKind.BLANK, ""))
    finding = Finding("T3.BALANCE", Severity.ERROR, "表三不平衡", where="表三 · 自然人")
    return Report(name="某区2025年报.docx", agency="某区人民政府", year=2025, format="2021", table3=t3, findings=[finding])


def test_migrations_create_the_orm_tables(store: Store) -> None:
    insp = inspect(store.engine)
    for table in Base.metadata.sorted_tables:
        assert table.name in insp.get_table_names()
        assert {c.name for c in table.columns} == {c["name"] for c in insp.get_columns(table.name)}
    with store.engine.connect() as conn:
        assert conn.execute(text("select version_num from alembic_version")).scalar() == "0001"


def test_report_round_trip(store: Store) -> None:
    report = _report()
    rid = store.save_report(report)
    [stored] = store.reports()
    assert stored.id == rid and stored.agency == "某区人民政府" and stored.year == 2025
    assert stored.data == report.to_json()
    assert stored.data["table3"]["一、本年新收政府信息公开申请数量"][:2] == [12, None]  # a blank stays a blank
    assert stored.findings[0]["rule"] == "T3.BALANCE" and stored.error_count == 1
    assert store.report(rid).name == "某区2025年报.docx"
    with pytest.raises(StoreError, match="没有编号为 99 的报告"):
        store.report(99)


def test_file_store_reopens_and_keeps_data(tmp_path: Path) -> None:
    path = tmp_path / "登记簿.sqlite"
    open_store(path).save_report(_report())
    again = open_store(path)  # migrating again is a no-op
    assert [r.name for r in again.reports()] == ["某区2025年报.docx"]


def test_failed_insert_in_the_middle_rolls_everything_back(store: Store) -> None:
    from gongkai.store import ApplicantRow

    with pytest.raises(StoreError) as err, store.transaction() as s:
        a = ApplicantRow(name="张三", kind="NATURAL_PERSON", contact="", id_document="", recorded_at=now())
        s.add(a)
        s.flush()
        for number in ("2025-00001", "2025-00001"):  # the second violates the unique number
            s.add(RequestRow(number=number, applicant_id=a.id, channel="IN_PERSON", received_on=date(2025, 1, 2),
                             content="", requested_form="", recorded_at=now(), recorded_by="", state="办理中"))
            s.flush()
    assert "已全部回滚，未写入任何内容" in str(err.value)
    with store.session() as s:
        assert s.scalar(select(func.count()).select_from(ApplicantRow)) == 0
        assert s.scalar(select(func.count()).select_from(RequestRow)) == 0


def _one_event(store: Store) -> int:
    from gongkai.store import ApplicantRow

    with store.transaction() as s:
        a = ApplicantRow(name="张三", kind="NATURAL_PERSON", contact="", id_document="", recorded_at=now())
        s.add(a)
        s.flush()
        r = RequestRow(number="1", applicant_id=a.id, channel="IN_PERSON", received_on=date(2025, 1, 2), content="",
                       requested_form="", recorded_at=now(), recorded_by="", state="办理中")
        s.add(r)
        s.flush()
        e = EventRow(request_id=r.id, kind="received", occurred_on=date(2025, 1, 2), payload={}, recorded_at=now(),
                     recorded_by="")
        s.add(e)
        s.flush()
        return e.id


def test_events_cannot_be_changed(store: Store) -> None:
    eid = _one_event(store)
    with pytest.raises(StoreError, match="不能修改"), store.transaction() as s:
        ev = s.get(EventRow, eid)
        assert ev is not None
        ev.occurred_on = date(2025, 1, 3)
    with store.session() as s:
        assert s.get(EventRow, eid).occurred_on == date(2025, 1, 2)


def test_nothing_is_deleted(store: Store) -> None:
    eid = _one_event(store)
    with pytest.raises(StoreError, match="不能删除"), store.transaction() as s:
        s.delete(s.get(EventRow, eid))
    with store.session() as s:
        assert s.get(EventRow, eid) is not None


def test_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match=r"文件夹.*不存在"):
        open_store(tmp_path / "没有" / "x.sqlite")


def test_bad_url_is_a_clear_error() -> None:
    with pytest.raises(StoreError, match="无法打开数据库"):
        open_store("nosuchdb://user@host/db")


def test_default_url_from_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("GONGKAI_DB", str(tmp_path / "env.sqlite"))
    open_store().save_report(_report())
    assert (tmp_path / "env.sqlite").exists()


def test_a_file_that_is_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "登记簿.sqlite"
    path.write_text("这不是数据库", encoding="utf-8")
    with pytest.raises(StoreError) as err:
        open_store(path)
    assert str(err.value) == f"无法打开数据库《{path}》：file is not a database"
    assert path.read_text(encoding="utf-8") == "这不是数据库"  # left as it was
