"""The `lisez-moi` (read-me) sheet: how to fill the workbook, every column in French and
English, built from the column table so that it never drifts from what the reader expects."""

from __future__ import annotations

from pooling.spreadsheets.cells import CellValue
from pooling.spreadsheets.columns import NETWORK, NETWORK_FIELDS, SHEETS

HEADER = ["sheet", "column", "required", "français", "english", "example"]

GENERAL_RULES = (
    ("Une cellule vide veut dire « non renseigné » : la valeur par défaut s'applique.",
     "A blank cell means 'not given': the default applies.", ""),
    ("Un tiret seul `-` est une liste vide (par exemple : aucune disponibilité).",
     "A single dash `-` is an empty list (for example: never available).", "-"),
    ("Les éléments d'une liste sont séparés par des virgules ou des points-virgules.",
     "Items of a list are separated by commas or semicolons.", "S1, S2"),
    ("Un nom qui contient une virgule, un point-virgule ou des espaces au bord s'écrit entre "
     "guillemets droits, comme en JSON.",
     "A name holding a comma, a semicolon or outer spaces is written in straight double quotes, "
     "as in JSON.", '"Salle A, étage 2"'),
    ("Dates AAAA-MM-JJ (ou JJ/MM/AAAA) ; heures HH:MM (ou 9h30) ; jours mon tue wed thu fri sat "
     "sun (ou lundi, mardi...).",
     "Dates YYYY-MM-DD (or DD/MM/YYYY); times HH:MM (or 9h30); days mon tue wed thu fri sat sun "
     "(or lundi, mardi...).", "2026-12-01 09:00"),
    ("Oui/non : yes ou no (oui, non, true, false, 1, 0 sont aussi acceptés).",
     "Yes/no: yes or no (oui, non, true, false, 1, 0 are accepted too).", "yes"),
    ("La feuille skills est facultative ; si elle existe, toute compétence utilisée doit y "
     "figurer. La feuille travel est facultative.",
     "The skills sheet is optional; when present every skill used must be listed in it. The "
     "travel sheet is optional.", ""),
)


def readme_rows() -> list[list[CellValue]]:
    rows: list[list[CellValue]] = [HEADER]
    rows += [["*", "", "", french, english, example] for french, english, example in GENERAL_RULES]
    for sheet in SHEETS:
        rows.append([sheet.name, "", "yes" if sheet.required else "no", sheet.french,
                     sheet.english, ""])
        for column in NETWORK_FIELDS if sheet is NETWORK else sheet.columns:
            rows.append([sheet.name, column.name, "yes" if column.required else "",
                         column.french, column.english, column.example])
    return rows
