"""The same data as format v1 in the form coordinators keep it: an XLSX workbook with one sheet
per entity and a `lisez-moi` (read-me) sheet, or a folder of CSV files, one per sheet.

Reading builds the format-v1 document and lets `pooling.interchange` check it; every problem
is reported at its cell (`sheet needs, row 5, column start`). Writing then reading gives back
an equal scenario. The grammar of the cells is described in `docs/spreadsheets.md`.
"""

from pooling.spreadsheets.csv_folder import read_csv_folder, write_csv_folder
from pooling.spreadsheets.xlsx import read_xlsx, write_xlsx

__all__ = ["read_xlsx", "write_xlsx", "read_csv_folder", "write_csv_folder"]
