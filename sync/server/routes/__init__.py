"""The routes of API v1, one router per concern; ``app.create_app`` includes them all.

A new route goes in the router of its concern (or a new one listed in ``ROUTERS``), declares
the statuses it answers with ``openapi.answers``, its body cap with ``openapi.body_limit`` when
it takes a body, an ASCII ``operation_id`` and its tag. A new collection needs no route: it
travels through pull and push (``offa_desktop/domain/schema.py``, see docs/server.md).
"""

from __future__ import annotations

from sync.server.routes import auth, devices, documents, health, history, merge, sync

ROUTERS = (
    health.router,
    auth.router,
    sync.router,
    documents.router,
    history.router,
    devices.router,
    merge.router,
)
