"""The sheets of a scenario workbook and their columns: one table that reading, writing and the
read-me sheet all follow.

Column names are the format's field names; a nested field is its path joined by `_`
(`weekly_minutes_min` for `weekly_minutes.min`, `room_at` for `room.at`). Each column says where
its value goes in the row's JSON object, how its text is read and written, and what it means in
English and French for the `lisez-moi` sheet.
"""

from __future__ import annotations

from dataclasses import dataclass

from pooling.spreadsheets import cells
from pooling.spreadsheets.cells import Codec

README_SHEET = "lisez-moi"


@dataclass(frozen=True)
class Column:
    name: str
    key: tuple[str, ...]
    """Where the value goes in the row's object (in the document, for the network sheet)."""
    codec: Codec
    english: str
    french: str
    example: str = ""
    required: bool = False
    """The column must be in the sheet (its field is required by the format)."""
    dash_for_empty: bool = False
    """An empty list is written `-`, because a blank cell means something else (absent)."""
    written_when_used: bool = False
    """Left out of a written sheet when no row fills it (rarely used `extra` of nested objects)."""


@dataclass(frozen=True)
class Sheet:
    name: str
    columns: tuple[Column, ...]
    english: str
    french: str
    required: bool = True

    def column(self, name: str) -> Column | None:
        return next((column for column in self.columns if column.name == name), None)


def extra_column(key: tuple[str, ...] = ("extra",), what: str = "the row",
                 quoi: str = "la ligne", written_when_used: bool = False) -> Column:
    """The free-form `extra` object of a row or of one of its nested objects, as JSON text;
    named after its path within the row (`window_extra`)."""
    return Column("_".join(key), key, cells.JSON,
                  f"Free-form data of {what}, kept untouched: a JSON object.",
                  f"Données libres de {quoi}, gardées telles quelles : un objet JSON.",
                  '{"note": "..."}', written_when_used=written_when_used)


TIMES_EN = "Day (mon..sun or a date) then time ranges; clauses separated by `;`."
TIMES_FR = "Jour (mon..sun ou une date) puis plages horaires ; clauses séparées par `;`."
PERIODS_EN = ("Periods removed: a day alone (whole day), `day from 14:00`, `day until 10:00` or "
              "`day 08:00-10:00`; separated by `;`.")
PERIODS_FR = ("Périodes retirées : un jour seul (toute la journée), `jour from 14:00`, "
              "`jour until 10:00` ou `jour 08:00-10:00` ; séparées par `;`.")

NETWORK_FIELDS = (
    Column("format", ("format",), cells.TEXT, "Format of the data: pooling-scenario/1.",
           "Format des données : pooling-scenario/1.", "pooling-scenario/1"),
    Column("name", ("network", "name"), cells.TEXT, "Name of the network.", "Nom du réseau.",
           "Réseau des tiers-lieux du Val", required=True),
    Column("week_start", ("network", "week_start"), cells.DATE,
           "First day of the horizon, a Monday (YYYY-MM-DD).",
           "Premier jour de l'horizon, un lundi (AAAA-MM-JJ).", "2026-11-30", required=True),
    Column("days", ("network", "days"), cells.INTEGER, "Length of the horizon in days (default 7).",
           "Durée de l'horizon en jours (7 par défaut).", "7"),
    Column("slot_minutes", ("network", "slot_minutes"), cells.INTEGER,
           "Time grid in minutes: 5, 10, 15, 30 or 60 (default 15).",
           "Pas de temps en minutes : 5, 10, 15, 30 ou 60 (15 par défaut).", "15"),
    Column("timezone", ("network", "timezone"), cells.TEXT, "Time zone (default Europe/Paris).",
           "Fuseau horaire (Europe/Paris par défaut).", "Europe/Paris"),
    Column("extra", ("network", "extra"), cells.JSON,
           "Free-form data of the network, kept untouched: a JSON object.",
           "Données libres du réseau, gardées telles quelles : un objet JSON.", '{"note": "..."}'),
    Column("scenario_extra", ("extra",), cells.JSON,
           "Free-form data of the whole scenario, kept untouched: a JSON object.",
           "Données libres du scénario entier, gardées telles quelles : un objet JSON.",
           '{"source": "..."}'),
)
"""The rows of the `network` sheet, one per field; keys start at the document's top."""

NETWORK = Sheet("network", (
    Column("field", (), cells.TEXT, "Name of the field: one row per field.",
           "Nom du champ : une ligne par champ.", "week_start", required=True),
    Column("value", (), cells.TEXT, "Its value; blank for the default.",
           "Sa valeur ; vide pour la valeur par défaut.", "2026-11-30", required=True),
), "The network and its planning horizon, one field per row.",
    "Le réseau et son horizon de planification, un champ par ligne.")

SITES = Sheet("sites", (
    Column("id", ("id",), cells.TEXT, "Unique id of the site.", "Identifiant unique du site.",
           "S1", required=True),
    Column("name", ("name",), cells.TEXT, "Name of the site.", "Nom du site.", "La Fabrique",
           required=True),
    Column("commune", ("commune",), cells.TEXT, "Town.", "Commune.", "Rennes"),
    Column("lat", ("lat",), cells.NUMBER, "Latitude in degrees.", "Latitude en degrés.", "48.11"),
    Column("lon", ("lon",), cells.NUMBER, "Longitude in degrees.", "Longitude en degrés.", "-1.68"),
    Column("pool_share", ("pool_share",), cells.NUMBER,
           "Share of pooled time the site should receive (>= 0, default 1).",
           "Part du temps mutualisé que le site devrait recevoir (>= 0, 1 par défaut).", "1"),
    extra_column(),
), "The tiers-lieux of the network.", "Les tiers-lieux du réseau.")

TRAVEL = Sheet("travel", (
    Column("from", (), cells.TEXT, "Site id.", "Identifiant du site.", "S1", required=True),
    Column("to", (), cells.TEXT, "Other site id.", "Identifiant de l'autre site.", "S2",
           required=True),
    Column("minutes", (), cells.INTEGER, "Travel time in minutes, both ways.",
           "Temps de trajet en minutes, dans les deux sens.", "25", required=True),
), "Travel times between sites; missing pairs are estimated from coordinates.",
    "Temps de trajet entre sites ; les paires absentes sont estimées d'après les coordonnées.",
    required=False)

SKILLS = Sheet("skills", (
    Column("skill", (), cells.TEXT, "A skill name.", "Un nom de compétence.", "accueil",
           required=True),
), "The list of skills; when this sheet exists every skill used must be listed in it.",
    "La liste des compétences ; si cette feuille existe, toute compétence utilisée doit y figurer.",
    required=False)

def rostering_column(field: str, codec: Codec, english: str, french: str,
                     example: str) -> Column:
    """A rule of the extension "rostering rules" (`rostering.<field>`), written only when some
    facilitator has it."""
    return Column(f"rostering_{field}", ("rostering", field), codec, english, french, example,
                  written_when_used=True)


ROSTERING_COLUMNS = (
    rostering_column("min_consecutive_days", cells.INTEGER,
                     "Rostering: fewest dates worked in a row (a run touching the horizon's ends "
                     "is never too short).",
                     "Roulement : minimum de jours travaillés d'affilée (une série qui touche un "
                     "bout de l'horizon n'est jamais trop courte).", "2"),
    rostering_column("max_consecutive_days", cells.INTEGER,
                     "Rostering: most dates worked in a row.",
                     "Roulement : maximum de jours travaillés d'affilée.", "5"),
    rostering_column("min_consecutive_days_off", cells.INTEGER,
                     "Rostering: fewest days off in a row between two worked dates.",
                     "Roulement : minimum de jours de repos d'affilée entre deux jours travaillés.",
                     "2"),
    rostering_column("max_weekends", cells.INTEGER,
                     "Rostering: most weekends worked (Saturday or Sunday).",
                     "Roulement : maximum de week-ends travaillés (samedi ou dimanche).", "2"),
    rostering_column("max_needs_by_kind", cells.KIND_LIMITS,
                     "Rostering: most needs of a kind over the horizon, `kind:number` separated "
                     "by commas; 0 forbids the kind.",
                     "Roulement : maximum de besoins d'un type sur l'horizon, `type:nombre` "
                     "séparés par des virgules ; 0 interdit le type.", "soiree:4, permanence:0"),
    rostering_column("forbidden_next_day", cells.SUCCESSIONS,
                     "Rostering: kinds that may not be worked the day after a kind, `kind -> "
                     "kinds` separated by `;`.",
                     "Roulement : types interdits le lendemain d'un type, `type -> types` séparés "
                     "par `;`.", "soiree -> matin; nuit -> matin journee"),
    rostering_column("min_total_minutes", cells.INTEGER,
                     "Rostering: fewest minutes worked over the whole horizon.",
                     "Roulement : minimum de minutes travaillées sur tout l'horizon.", "3360"),
    rostering_column("max_total_minutes", cells.INTEGER,
                     "Rostering: most minutes worked over the whole horizon.",
                     "Roulement : maximum de minutes travaillées sur tout l'horizon.", "4320"),
    rostering_column("requests", cells.REQUESTS,
                     "Rostering: weighted wishes, `work` or `off`, a date, a kind (blank for any) "
                     "and `x` a weight (default 1), separated by `;`.",
                     "Roulement : souhaits pondérés, `work` (travailler) ou `off` (repos), une "
                     "date, un type (aucun pour tous) et `x` un poids (1 par défaut), séparés par "
                     "`;`.", "work 2026-12-01 permanence x2; off 2026-12-05"),
    extra_column(("rostering", "extra"), "the rostering rules", "des règles de roulement",
                 written_when_used=True),
)
"""The facilitator's `rostering` object, one column per rule."""

FACILITATORS = Sheet("facilitators", (
    Column("id", ("id",), cells.TEXT, "Unique id of the person.",
           "Identifiant unique de la personne.", "F1", required=True),
    Column("name", ("name",), cells.TEXT, "Name.", "Nom.", "Camille Martin", required=True),
    Column("home_site", ("home_site",), cells.TEXT, "Site id where the person is based.",
           "Identifiant du site de rattachement.", "S1", required=True),
    Column("skills", ("skills",), cells.SKILL_LEVELS,
           "Skills with their level 1..3, `skill:level` separated by commas; `-` for none.",
           "Compétences avec leur niveau 1..3, `compétence:niveau` séparées par des virgules ; "
           "`-` pour aucune.", "accueil:2, animation:3", required=True, dash_for_empty=True),
    Column("availability", ("availability",), cells.WINDOWS,
           "When the person can work. " + TIMES_EN + " `-` for never.",
           "Quand la personne peut travailler. " + TIMES_FR + " `-` pour jamais.",
           "mon 09:00-12:30 14:00-17:00; tue 09:00-17:00; 2026-12-03 09:00-12:00",
           required=True, dash_for_empty=True),
    Column("unavailable", ("unavailable",), cells.PERIODS, PERIODS_EN, PERIODS_FR,
           "2026-12-02; 2026-12-04 from 14:00; 2026-12-05 until 10:00; fri 08:00-10:00"),
    Column("avoid", ("avoid",), cells.WINDOWS,
           "Times the person would rather not work. " + TIMES_EN,
           "Moments où la personne préfère ne pas travailler. " + TIMES_FR, "fri 16:00-18:00"),
    Column("sites", ("sites",), cells.WORDS,
           "Site ids where the contract allows work, separated by commas; blank for all, `-` "
           "for none.",
           "Sites où le contrat permet de travailler, séparés par des virgules ; vide pour tous, "
           "`-` pour aucun.", "S1, S2", dash_for_empty=True),
    Column("weekly_minutes_min", ("weekly_minutes", "min"), cells.INTEGER,
           "Minutes per week the person should at least work (default 0).",
           "Minutes par semaine à assurer au minimum (0 par défaut).", "600"),
    Column("weekly_minutes_target", ("weekly_minutes", "target"), cells.INTEGER,
           "Minutes per week aimed at.", "Minutes par semaine visées.", "1200"),
    Column("weekly_minutes_max", ("weekly_minutes", "max"), cells.INTEGER,
           "Most minutes per week (default 2880).",
           "Maximum de minutes par semaine (2880 par défaut).", "2100"),
    extra_column(("weekly_minutes", "extra"), "the weekly minutes", "des minutes par semaine",
                 written_when_used=True),
    Column("max_daily_minutes", ("max_daily_minutes",), cells.INTEGER,
           "Most minutes worked per day (default 600).",
           "Maximum de minutes travaillées par jour (600 par défaut).", "480"),
    Column("max_days_per_week", ("max_days_per_week",), cells.INTEGER,
           "Most days worked per week (default 6).",
           "Maximum de jours travaillés par semaine (6 par défaut).", "5"),
    Column("max_daily_travel_minutes", ("max_daily_travel_minutes",), cells.INTEGER,
           "Most travel minutes per day, commute included.",
           "Maximum de minutes de trajet par jour, domicile compris.", "90"),
    *ROSTERING_COLUMNS,
    extra_column(),
), "The people who run activities, one per row.",
    "Les personnes qui animent, une par ligne.")

ROOMS = Sheet("rooms", (
    Column("id", ("id",), cells.TEXT, "Unique id of the room.", "Identifiant unique de la salle.",
           "R1", required=True),
    Column("site", ("site",), cells.TEXT, "Site id of the room.",
           "Identifiant du site de la salle.",
           "S1", required=True),
    Column("name", ("name",), cells.TEXT, "Name.", "Nom.", "Grande salle", required=True),
    Column("capacity", ("capacity",), cells.INTEGER, "Number of attendees it holds.",
           "Nombre de participants qu'elle accueille.", "12", required=True),
    Column("features", ("features",), cells.WORDS, "Features, separated by commas.",
           "Équipements fixes, séparés par des virgules.", "ecran, evier"),
    Column("availability", ("availability",), cells.WINDOWS,
           "When the room is open. " + TIMES_EN + " Blank for always, `-` for never.",
           "Quand la salle est ouverte. " + TIMES_FR + " Vide pour toujours, `-` pour jamais.",
           "mon 09:00-18:00; sat 10:00-12:00", dash_for_empty=True),
    extra_column(),
), "The rooms of the sites.", "Les salles des sites.")

EQUIPMENT = Sheet("equipment", (
    Column("id", ("id",), cells.TEXT, "Unique id of the unit.", "Identifiant unique de l'unité.",
           "E1", required=True),
    Column("type", ("type",), cells.TEXT, "Type of equipment, as needs ask for it.",
           "Type de matériel, tel que les besoins le demandent.", "malle_tablettes",
           required=True),
    Column("name", ("name",), cells.TEXT, "Name.", "Nom.", "Malle n°1"),
    Column("home_site", ("home_site",), cells.TEXT, "Site id where the unit is kept.",
           "Identifiant du site où l'unité est rangée.", "S1", required=True),
    Column("mobile", ("mobile",), cells.YES_NO,
           "yes if it may travel to other sites (default yes).",
           "yes (oui) si elle peut aller sur d'autres sites (yes par défaut).", "yes"),
    Column("unavailable", ("unavailable",), cells.PERIODS, PERIODS_EN, PERIODS_FR,
           "2026-12-02; wed from 14:00"),
    extra_column(),
), "Shared equipment, one unit per row.", "Le matériel partagé, une unité par ligne.")

NEEDS = Sheet("needs", (
    Column("id", ("id",), cells.TEXT, "Unique id of the need.", "Identifiant unique du besoin.",
           "N1", required=True),
    Column("site", ("site",), cells.TEXT, "Site id that declares the need.",
           "Identifiant du site qui déclare le besoin.", "S1", required=True),
    Column("title", ("title",), cells.TEXT, "Title.", "Intitulé.", "Atelier numérique",
           required=True),
    Column("kind", ("kind",), cells.TEXT, "Kind of activity.", "Type d'activité.", "atelier"),
    Column("date", ("date",), cells.DATE, "Fixed time: the date.", "Horaire fixe : la date.",
           "2026-12-01"),
    Column("start", ("start",), cells.TIME_OF_DAY, "Fixed time: start (HH:MM).",
           "Horaire fixe : début (HH:MM).", "14:00"),
    Column("end", ("end",), cells.TIME_OF_DAY, "Fixed time: end (HH:MM).",
           "Horaire fixe : fin (HH:MM).", "17:00"),
    Column("days", ("days",), cells.DATES, "Flexible time: possible dates, separated by commas.",
           "Horaire souple : dates possibles, séparées par des virgules.",
           "2026-12-01, 2026-12-03"),
    Column("window_start", ("window", "start"), cells.TIME_OF_DAY,
           "Flexible time: earliest start.", "Horaire souple : début au plus tôt.", "09:00"),
    Column("window_end", ("window", "end"), cells.TIME_OF_DAY, "Flexible time: latest end.",
           "Horaire souple : fin au plus tard.", "18:00"),
    Column("duration_minutes", ("duration_minutes",), cells.INTEGER,
           "Flexible time: length in minutes.", "Horaire souple : durée en minutes.", "120"),
    extra_column(("window", "extra"), "the window", "de la fenêtre", written_when_used=True),
    Column("staff", ("staff",), cells.STAFF,
           "People needed: `skill>=level xcount`, lines separated by `;` (level and count "
           "default to 1). A target line ends with `under` and/or `over` and a weight: fewer "
           "or more people are then allowed at that cost each.",
           "Personnes demandées : `compétence>=niveau xnombre`, lignes séparées par `;` "
           "(niveau et nombre valent 1 par défaut). Une ligne cible finit par `under` (moins) "
           "et/ou `over` (plus) et un poids : moins ou plus de personnes sont alors admises, à "
           "ce coût chacune.", "mediation_numerique>=2 x2; accueil x2 under 10 over 1"),
    Column("attendees", ("attendees",), cells.INTEGER, "Expected attendees (default 0).",
           "Participants attendus (0 par défaut).", "10"),
    Column("room", ("room",), cells.PRESENCE,
           "yes if the need uses a room (blank means yes), no if it uses none.",
           "yes (oui) si le besoin utilise une salle (vide vaut yes), no (non) sinon.", "yes"),
    Column("room_features", ("room", "features"), cells.WORDS,
           "Features the room must have, separated by commas.",
           "Équipements fixes exigés de la salle, séparés par des virgules.", "ecran"),
    Column("room_at", ("room", "at"), cells.WORDS,
           "Site ids whose rooms may host the need; blank for the need's own site.",
           "Sites dont les salles peuvent accueillir le besoin ; vide pour le site du besoin.",
           "S1, S2", dash_for_empty=True),
    extra_column(("room", "extra"), "the room request", "de la demande de salle",
                 written_when_used=True),
    Column("equipment", ("equipment",), cells.EQUIPMENT_REQUESTS,
           "Equipment needed: `type xcount`, separated by commas (count defaults to 1).",
           "Matériel demandé : `type xnombre`, séparés par des virgules (nombre 1 par défaut).",
           "malle_tablettes x2, videoprojecteur"),
    Column("priority", ("priority",), cells.PRIORITY,
           "required, high, normal or low (default normal).",
           "required (obligatoire), high (haute), normal (normale) ou low (basse) ; normal par "
           "défaut.", "high"),
    Column("preferred_facilitators", ("preferred_facilitators",), cells.WORDS,
           "Facilitator ids preferred for this need, separated by commas.",
           "Animateurs préférés pour ce besoin, séparés par des virgules.", "F1, F3"),
    Column("pinned", ("pinned",), cells.PRESENCE,
           "yes if the need is pinned: it must be met, as the pinned_ columns say (blank means "
           "yes when one of them is filled).",
           "yes (oui) si le besoin est épinglé : il doit être satisfait comme le disent les "
           "colonnes pinned_ (vide vaut yes si l'une d'elles est remplie).", "yes"),
    Column("pinned_facilitators", ("pinned", "facilitators"), cells.WORDS,
           "Facilitator ids who must serve the need.",
           "Animateurs qui doivent assurer le besoin.", "F1"),
    Column("pinned_room", ("pinned", "room"), cells.TEXT, "Room id the need must have.",
           "Salle imposée.", "R1"),
    Column("pinned_equipment", ("pinned", "equipment"), cells.WORDS,
           "Equipment unit ids the need must have.", "Unités de matériel imposées.", "E1"),
    Column("pinned_date", ("pinned", "date"), cells.DATE, "Date the need must have.",
           "Date imposée.", "2026-12-01"),
    Column("pinned_start", ("pinned", "start"), cells.TIME_OF_DAY, "Start the need must have.",
           "Heure de début imposée.", "14:00"),
    extra_column(("pinned", "extra"), "the pin", "de l'épinglage", written_when_used=True),
    extra_column(),
), "The declared needs: fixed time (date, start, end) or flexible (days, window_start, "
   "window_end, duration_minutes).",
    "Les besoins déclarés : horaire fixe (date, start, end) ou souple (days, window_start, "
    "window_end, duration_minutes).")

ENTITY_SHEETS = (SITES, FACILITATORS, ROOMS, EQUIPMENT, NEEDS)
"""Sheets whose rows are the objects of the document's list of the same name."""
SHEETS = (NETWORK, SITES, TRAVEL, SKILLS, FACILITATORS, ROOMS, EQUIPMENT, NEEDS)
