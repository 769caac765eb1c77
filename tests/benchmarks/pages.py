"""Pages a connection read past its page cache (``SQLITE_DBSTATUS_CACHE_MISS``): on an encrypted
copy each one was read and decrypted, a figure the machine's load does not move (the radar's
and the search's work was judged by it).

Through ctypes on the SQLite library of the driver that made the connection (sqlcipher3's, or
the standard library's): the ``sqlite3 *`` handle is the first field after the object's header
in both drivers' connection objects; it is used only once ``sqlite3_db_filename`` confirms it
is the connection's own file."""

from __future__ import annotations

import ctypes
from pathlib import Path
from typing import Any

CACHE_MISS = 8  # SQLITE_DBSTATUS_CACHE_MISS


def _library(conn: Any) -> ctypes.CDLL:
    name = type(conn).__module__
    if name.startswith("sqlcipher3"):
        import sqlcipher3._sqlite3 as native
    else:
        import _sqlite3 as native
    lib = ctypes.CDLL(native.__file__)
    lib.sqlite3_db_status.argtypes = [ctypes.c_void_p, ctypes.c_int,
                                      ctypes.POINTER(ctypes.c_int), ctypes.POINTER(ctypes.c_int),
                                      ctypes.c_int]  # fmt: skip
    lib.sqlite3_db_filename.argtypes = [ctypes.c_void_p, ctypes.c_char_p]
    lib.sqlite3_db_filename.restype = ctypes.c_char_p
    return lib


class PageCounter:
    """``read()``: the pages ``conn`` (of the file ``path``) has read past its cache so far;
    None when its handle cannot be confirmed (then nothing is counted)."""

    def __init__(self, conn: Any, path: Path) -> None:
        self._lib = _library(conn)
        handle = ctypes.c_void_p.from_address(id(conn) + object.__basicsize__).value
        name = self._lib.sqlite3_db_filename(handle, b"main") if handle else None
        same = name is not None and Path(name.decode()).resolve() == Path(path).resolve()
        self._handle = handle if same else None

    def read(self) -> int | None:
        if self._handle is None:
            return None
        now, high = ctypes.c_int(), ctypes.c_int()
        if self._lib.sqlite3_db_status(self._handle, CACHE_MISS, ctypes.byref(now),
                                       ctypes.byref(high), 0) != 0:  # fmt: skip
            return None
        return now.value
