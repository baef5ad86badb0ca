"""`workbench alerts [--json]` on the demo: it evaluates, prints the open alerts with their
tickets, and writes no second ticket for a breach that has one."""

from __future__ import annotations

import json


def test_alerts_lists_the_demos_open_alerts_with_their_tickets(demo_db, run, sql):
    tickets = sql(demo_db, "SELECT COUNT(*) FROM kpi_alert")[0][0]
    result = run("alerts", "--db", demo_db, "--lang", "zh_CN", "--json")
    assert result.code == 0, result.err
    alerts = json.loads(result.out)
    assert {(a["kpi"], a["status"]) for a in alerts} >= {
        ("数据准确率", "open"),
        ("月度报表生成时间", "open"),
        ("订单处理时长", "close_proposed"),
    }
    for alert in alerts:
        code = alert["ticket"]
        (title,) = sql(demo_db, "SELECT title FROM problem WHERE code = ?", code)[0]
        assert title.startswith(f"KPI异常预警：{alert['kpi']}")
    # Evaluated again: nothing new, no second ticket.
    text = run("alerts", "--db", demo_db, "--lang", "zh_CN")
    assert text.code == 0 and text.out.startswith(f"alerts: {len(alerts)} open (0 opened")
    assert sql(demo_db, "SELECT COUNT(*) FROM kpi_alert")[0][0] == tickets


def test_the_demo_relapses_one_result_linked_to_a_kpi_series(demo_db):
    from workbench.app import open_services

    services = open_services(str(demo_db), create=False)
    try:
        effects = [e for e in services.effects.top(50, "zh_CN") if e.kpi is not None]
    finally:
        services.close()
    assert len(effects) == 2
    assert sorted(e.effect.relapse for e in effects) == [False, True]


def test_alerts_refuses_a_missing_database(tmp_path, run):
    result = run("alerts", "--db", tmp_path / "none.sqlite3")
    assert result.code == 1 and "no database" in result.err
