"""Reference OPLA-compatible sync server (API v1): FastAPI, SQLAlchemy 2, Alembic."""

SERVER_VERSION = "0.1.0"
