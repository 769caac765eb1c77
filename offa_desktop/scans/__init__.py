"""Signed paper coming home: scanned pages read (PDF, JPEG, PNG), their QR codes decoded and
parsed, and one copy's pages put together as one PDF. Plain Python (pypdfium2, Pillow,
zxing-cpp): no store, no Qt; ``ops/scans.py`` matches the pages to records."""
