"""A list backend over a real in-memory SQLite database, for window tests without the store."""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping, Sequence
from typing import Any

from offa_desktop.ui.area_kinds import Area
from offa_desktop.ui.table_model import Column, Row


class SqliteAreaSource:
    """One area's rows from a table named after its collection (columns = the column keys)."""

    def __init__(self, db: sqlite3.Connection, area: Area) -> None:
        self.db = db
        self.collection = area.collection
        self.columns: Sequence[Column] = area.columns
        self.keys = [c.key for c in area.columns]
        cols = ", ".join(f'"{k}" text' for k in self.keys)
        db.execute(f'create table if not exists "{self.collection}" (id text primary key, {cols})')

    def _where(self, filters: Mapping[str, Any]) -> tuple[str, list[Any]]:
        usable = {k: v for k, v in filters.items() if k in self.keys}
        if not usable:
            return "", []
        return " where " + " and ".join(f'"{k}" = ?' for k in usable), list(usable.values())

    def count(self, filters: Mapping[str, Any]) -> int:
        where, params = self._where(filters)
        sql = f'select count(*) from "{self.collection}"{where}'
        return int(self.db.execute(sql, params).fetchone()[0])

    def page(self, offset: int, limit: int, sort: str, descending: bool,
             filters: Mapping[str, Any]) -> list[Row]:
        where, params = self._where(filters)
        cols = ", ".join(f'"{k}"' for k in self.keys)
        sql = (f'select id, {cols} from "{self.collection}"{where} '
               f'order by "{sort}" {"desc" if descending else "asc"}, id limit ? offset ?')
        return [Row(r[0], tuple(r[1:])) for r in self.db.execute(sql, [*params, limit, offset])]


class SqliteBackend:
    """Sources for every area plus reference choices, over one connection."""

    def __init__(self) -> None:
        self.db = sqlite3.connect(":memory:")

    def source(self, area: Area) -> SqliteAreaSource:
        return SqliteAreaSource(self.db, area)

    def reference_choices(self, collection: str) -> list[tuple[str, str]]:
        return [("cefa-lg", "CEFA de Liège"), ("ifapme", "IFAPME")]

    def field_values(self, collection: str, field: str) -> list[tuple[str, str]]:
        try:
            rows = self.db.execute(f'select distinct "{field}" from "{collection}"'
                                   f' where "{field}" is not null order by 1 desc').fetchall()
        except sqlite3.OperationalError:  # the area's table is made with its first source
            return []
        return [(str(v), str(v)) for (v,) in rows]

    def fill(self, area: Area, rows: int) -> None:
        source = SqliteAreaSource(self.db, area)
        marks = ", ".join("?" for _ in range(len(source.keys) + 1))
        data = []
        for i in range(rows):
            values = []
            for key in source.keys:
                if key.endswith(("_date", "_on")):
                    values.append(f"2026-{1 + i % 12:02d}-{1 + i % 28:02d}")
                elif key == "status":
                    values.append(("active", "draft", "signed")[i % 3])
                elif key == "sync_state":
                    values.append(("synced", "pending")[i % 2])
                elif key in ("monthly_pay", "amount"):
                    values.append(f"{300 + i % 400}.19")
                else:
                    values.append(f"Élément {i:05d}")
            data.append((f"{area.collection}-{i:05d}", *values))
        self.db.executemany(f'insert into "{area.collection}" values ({marks})', data)
