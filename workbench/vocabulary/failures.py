"""Why the database could not do what was asked, said in every language: a storage
failure (busy, disk full, read-only …) with what to do, and a file this program cannot
open (a newer or unknown schema, not a workbench file).

The storage layer raises its errors with the source-language text (for the command line
and logs) and a reason code; the window says the same reason in its own language from the
same templates.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from workbench.vocabulary.languages import SOURCE_LANGUAGE

Templates = Mapping[str, Mapping[str, str]]

# reason → language → template; {detail} is the driver's own words.
STORAGE: Final[Templates] = {
    "busy": {
        "en": "The database is busy: another program or person is writing to it. Nothing was "
        "saved; try again in a moment.",
        "zh_CN": "数据库正忙：另一个程序或同事正在写入。未保存任何内容，请稍后重试。",
    },
    "disk_full": {
        "en": "The disk is full: nothing was saved. Free some space, then try again.",
        "zh_CN": "磁盘已满：未保存任何内容。请释放一些空间后重试。",
    },
    "read_only": {
        "en": "The database file is read-only: nothing can be saved to it. Copy it to a "
        "folder you can write to, or ask for write permission.",
        "zh_CN": "数据库文件是只读的：无法保存。请把它复制到您有写权限的文件夹，或申请写权限。",
    },
    "constraint": {
        "en": "The database refused the change ({detail}): nothing was saved.",
        "zh_CN": "数据库拒绝了此更改（{detail}）：未保存任何内容。",
    },
    "cannot_open": {
        "en": "The database file cannot be opened (moved, deleted or on a drive that is not "
        "connected). Nothing was saved.",
        "zh_CN": "无法打开数据库文件（已移动、删除，或所在驱动器未连接）。未保存任何内容。",
    },
    "damaged": {
        "en": "The database file is damaged ({detail}). Nothing was saved; restore it from "
        "a backup.",
        "zh_CN": "数据库文件已损坏（{detail}）。未保存任何内容，请从备份恢复。",
    },
    "unreachable": {
        "en": "The database server cannot be reached ({detail}). Nothing was saved; check "
        "the network, then try again.",
        "zh_CN": "无法连接数据库服务器（{detail}）。未保存任何内容，请检查网络后重试。",
    },
    "failed": {
        "en": "The database reported an error ({detail}). Nothing was saved.",
        "zh_CN": "数据库报告错误（{detail}）。未保存任何内容。",
    },
}

# reason → language → template; {found} and {known} are schema revisions.
SCHEMA: Final[Templates] = {
    "newer": {
        "en": "This database was written by a newer Governance Workbench (schema {found}; "
        "this program knows up to {known}). Install the newer program to open it.",
        "zh_CN": "此数据库由更新版本的ERP治理工作台写入（架构版本 {found}；本程序最高支持 "
        "{known}）。请安装新版本后再打开。",
    },
    "unknown_revision": {
        "en": "This database has an unknown schema revision ({found!r}; this program knows "
        "0001 to {known}): it was not written by Governance Workbench, or was changed by "
        "another tool.",
        "zh_CN": "此数据库的架构版本未知（{found!r}；本程序认识 0001 至 {known}）：它不是由"
        "ERP治理工作台写入的，或已被其他工具改动。",
    },
    "not_workbench": {
        "en": "This file is not a Governance Workbench database ({detail}).",
        "zh_CN": "此文件不是ERP治理工作台数据库（{detail}）。",
    },
    "broken_reference": {
        "en": "The migration left a broken reference in {table}.",
        "zh_CN": "迁移后 {table} 中留下了无效引用。",
    },
}


def _say(templates: Templates, reason: str, language: str, params: Mapping[str, str]) -> str:
    found = templates[reason]
    return (found.get(language) or found[SOURCE_LANGUAGE]).format(**params)


def storage_message(reason: str, detail: str, language: str) -> str:
    """What a storage failure means and what to do (an unknown reason is "failed")."""
    return _say(STORAGE, reason if reason in STORAGE else "failed", language, {"detail": detail})


def schema_message(reason: str, params: Mapping[str, str], language: str) -> str:
    """Why a database cannot be opened, e.g. schema_message("newer", {"found": "0009",
    "known": "0004"}, "zh_CN")."""
    return _say(SCHEMA, reason, language, params)
