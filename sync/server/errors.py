"""The error body of every non-2xx answer: ``{"error": {"code", "message", "details"}}``."""

from __future__ import annotations

from typing import Any

import orjson
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response
from starlette.routing import Route

from offa_desktop.domain.errors import OffaError

log_name = "offa.server"

DEFAULT_MESSAGES = {
    400: ("malformed", "La requête n'a pas la forme attendue."),
    401: ("not_authenticated", "Veuillez vous connecter."),
    403: ("forbidden", "Vous n'avez pas le droit de faire cela."),
    404: ("not_found", "Cette adresse ou cette fiche n'existe pas."),
    405: ("malformed", "Cette méthode n'est pas acceptée à cette adresse."),
    410: ("cursor_expired", "Le point de reprise est trop ancien : tout sera relu."),
    408: ("request_timeout", "La requête est arrivée trop lentement : réessayez."),
    413: ("too_large", "La requête est trop volumineuse."),
    415: ("malformed", "Ce type de contenu n'est pas accepté."),
    422: ("invalid", "Les données ne sont pas valables."),
    426: ("client_too_old", "Cette version de l'application n'est plus servie : mettez-la à jour."),
    429: ("rate_limited", "Trop de tentatives : réessayez plus tard."),
    500: ("internal", "Erreur interne du serveur : réessayez plus tard."),
}


class ApiError(OffaError):
    """An answer with the API's error body (``message`` French, ``code`` API.md's)."""

    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        details: Any = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message, code=code)
        self.status = status
        self.details = details
        self.headers = headers or {}


def error_response(
    status: int, code: str, message: str, details: Any = None, headers: dict[str, str] | None = None
) -> Response:
    body = orjson.dumps({"error": {"code": code, "message": message, "details": details}})
    return Response(body, status_code=status, media_type="application/json", headers=headers)


def malformed(message: str, details: Any = None) -> ApiError:
    return ApiError(400, "malformed", message, details)


def allowed_methods(routes: list[Any], scope: Any) -> list[str]:
    """Every method the app answers at this request's path."""
    methods = {"OPTIONS"}
    for route in routes:
        if isinstance(route, Route) and route.path_regex.match(scope["path"]):
            methods |= set(route.methods or ())
    if "GET" in methods:
        methods.add("HEAD")
    return sorted(methods)


def install(app: FastAPI, routes: list[Any]) -> None:
    """Route every error (ours, FastAPI's, Starlette's, a bug) to the API's error body;
    ``routes``: the app's routes (for the ``Allow`` header of a 405)."""

    @app.exception_handler(ApiError)
    async def _api_error(_request: Request, exc: ApiError) -> Response:
        return error_response(exc.status, exc.code, exc.message, exc.details, exc.headers)

    @app.exception_handler(RequestValidationError)
    async def _validation(_request: Request, exc: RequestValidationError) -> Response:
        details = [
            {
                "field": ".".join(str(p) for p in err.get("loc", ()) if p != "body"),
                "code": "malformed",
                "message": "Valeur manquante ou de mauvais type.",
            }
            for err in exc.errors()
        ]
        return error_response(400, "malformed", DEFAULT_MESSAGES[400][1], details)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        headers = dict(exc.headers or {})
        if exc.status_code == 405:
            # Starlette names the methods of the first route matching the path only; several
            # routes share a path (GET and PUT /documents/{id}).
            allowed = allowed_methods(routes, request.scope)
            headers["Allow"] = ", ".join(allowed)
            if request.method == "OPTIONS":
                return Response(status_code=204, headers=headers)
        code, message = DEFAULT_MESSAGES.get(exc.status_code, ("malformed", str(exc.detail)))
        return error_response(exc.status_code, code, message, None, headers)

    @app.exception_handler(Exception)
    async def _bug(_request: Request, exc: Exception) -> Response:
        import logging

        logging.getLogger(log_name).exception("internal error")
        code, message = DEFAULT_MESSAGES[500]
        return error_response(500, code, message)
