"""The published rota of a site or of a person as a spreadsheet: XLSX or CSV, one row per
assignment, headers in the reader's language.

The site's XLSX also lists its unmet needs with the reasons, on a second sheet. CSV files are
UTF-8 with a byte order mark, like the scenario's CSV files, so that Excel shows accents right.
"""

from __future__ import annotations

import csv
import io

import pandas as pd
from babel.dates import format_date

from pooling.domain import format_time
from pooling.i18n import N_, translate
from pooling.rota import PublishedRota, RotaEntry, need_when
from pooling.spreadsheets.xlsx import dress

__all__ = ["EXPORT_FORMATS", "rota_csv", "rota_export", "rota_frame", "rota_xlsx",
           "unmet_frame"]

EXPORT_FORMATS = ("xlsx", "csv")
CSV_ENCODING = "utf-8-sig"

ROTA_COLUMNS = (N_("Date"), N_("Day"), N_("Start"), N_("End"), N_("Activity"), N_("Need"),
                N_("Site"), N_("Commune"), N_("Room"), N_("Facilitators"), N_("Equipment"))
UNMET_COLUMNS = (N_("Need"), N_("Activity"), N_("Site"), N_("When"), N_("Priority"),
                 N_("Reasons"))


def rota_frame(rota: PublishedRota, language: str = "en") -> pd.DataFrame:
    """One row per assignment, in time order."""
    return pd.DataFrame([entry_row(entry, language) for entry in rota.entries],
                        columns=headers(ROTA_COLUMNS, language), dtype=object)


def entry_row(entry: RotaEntry, language: str) -> list[object]:
    return [entry.date, format_date(entry.date, "EEEE", locale=language),
            format_time(entry.start), format_time(entry.end), entry.title, entry.need,
            entry.site_name, entry.commune or "", entry.room_name or "",
            ", ".join(entry.people), ", ".join(entry.equipment)]


def unmet_frame(rota: PublishedRota, language: str = "en") -> pd.DataFrame:
    """One row per unmet need, its reasons on separate lines of one cell."""
    return pd.DataFrame([[u.need.id, u.need.title, u.need.site, need_when(u.need),
                          translate(u.need.priority, language), "\n".join(u.reasons)]
                         for u in rota.unmet],
                        columns=headers(UNMET_COLUMNS, language), dtype=object)


def headers(columns: tuple[str, ...], language: str) -> list[str]:
    return [translate(column, language) for column in columns]


def rota_xlsx(rota: PublishedRota, language: str = "en") -> bytes:
    """A workbook with the rota sheet, and the unmet needs sheet when there are any."""
    sheets = {translate(N_("Rota"), language): rota_frame(rota, language)}
    if rota.unmet:
        sheets[translate(N_("Unmet needs"), language)] = unmet_frame(rota, language)
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        for name, frame in sheets.items():
            frame.to_excel(writer, sheet_name=name, index=False)
            dress(writer.sheets[name], [list(frame.columns)] + frame.values.tolist())
    return buffer.getvalue()


def rota_csv(rota: PublishedRota, language: str = "en") -> bytes:
    """The rota sheet as CSV (dates as YYYY-MM-DD)."""
    frame = rota_frame(rota, language)
    text = frame.to_csv(index=False, quoting=csv.QUOTE_MINIMAL, date_format="%Y-%m-%d")
    return text.encode(CSV_ENCODING)


def rota_export(rota: PublishedRota, kind: str, language: str = "en") -> bytes:
    """The rota in `kind`, one of `EXPORT_FORMATS`."""
    return rota_xlsx(rota, language) if kind == "xlsx" else rota_csv(rota, language)
