"""Files the pages hand out (rota exports, needs sheet, calendar), with their media type."""

from __future__ import annotations

import io

from flask import Response, send_file

MEDIA_TYPES = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv",
    "ics": "text/calendar",
}


def attachment(data: bytes, name: str, kind: str, inline: bool = False) -> Response:
    """`data` as the file `name.kind`; saved by the browser unless `inline` (a calendar feed
    that apps read)."""
    response = send_file(io.BytesIO(data), mimetype=MEDIA_TYPES[kind],
                         as_attachment=not inline, download_name=f"{name}.{kind}")
    response.headers["Cache-Control"] = "private, no-store"
    return response
