"""What the HTTP client of the sync API stands on: the tokens it carries, how it retries
(full-jitter exponential backoff, ``Retry-After``), which server addresses it accepts (https,
plain http only to this computer) and how it reads an error body."""

from __future__ import annotations

import ipaddress
import random
import time
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urlsplit

import orjson
import requests

from sync.errors import InsecureServer


@dataclass
class Tokens:
    """An access token and its refresh token (kept by :mod:`sync.creds`, never on disk here)."""

    access: str
    refresh: str


@dataclass
class RetryPolicy:
    """How often and how long to retry a call that failed for a passing reason."""

    attempts: int = 6
    base_delay: float = 0.25
    max_delay: float = 8.0
    connect_timeout: float = 5.0
    read_timeout: float = 30.0

    def delay(self, attempt: int) -> float:
        """Full-jitter exponential backoff for the retry after failed attempt ``attempt`` (0..)."""
        return random.uniform(0, min(self.max_delay, self.base_delay * (2**attempt)))


def check_server_url(url: str) -> str:
    """The base URL without a trailing slash; plain HTTP only to loopback (InsecureServer)."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise InsecureServer(
            f"Adresse du serveur invalide : « {url} ». Exemple : https://opla.example.be",
            code="invalid_url",
        )
    if parts.scheme == "http" and not _is_loopback(parts.hostname):
        raise InsecureServer(
            "Connexion refusée : le serveur doit utiliser https:// (le http:// non chiffré "
            "n'est accepté que vers cet ordinateur)."
        )
    return url.strip().rstrip("/")


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def retry_after(response: requests.Response) -> float | None:
    """The pause a 429 or 503 asks for (``Retry-After``: seconds or a date), if any."""
    value = response.headers.get("Retry-After")
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        try:
            return max(0.0, parsedate_to_datetime(value).timestamp() - time.time())
        except (TypeError, ValueError):
            return None


def error_body(response: requests.Response) -> tuple[str, str, Any]:
    """``(code, message, details)`` of API.md's error body; empty when there is none."""
    try:
        error = orjson.loads(response.content)["error"]
        return str(error.get("code", "")), str(error.get("message", "")), error.get("details")
    except (orjson.JSONDecodeError, KeyError, TypeError):
        return "", "", None
