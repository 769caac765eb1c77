"""Printed documents (reportlab, no Qt): contract packs, notices, approval decisions, visit
reports and blank forms, built from plain data (``data.PrintData``) by ``render.render``."""
