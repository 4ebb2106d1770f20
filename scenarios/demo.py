"""The demo network: eight real tiers-lieux of Creuse and Haute-Corrèze sharing a team.

One week (Monday 30 November 2026) of a plausible rural network: the Guéret area (La
Quincaillerie, L'Alzire, Les Ateliers de la Mine) and the Plateau de Millevaches (Lab'rousse,
TAF, La Renouée, le Café de l'Espace, Le Mille in Ussel), 20 to 100 minutes apart by road.
Sites, communes and coordinates come from the packaged site list; people are fictional.
The week is mostly coverable, with a few genuine shortages: a Saturday with more repair and
maker sessions than repairers and makers, one laser cutter wanted by two evening sessions, a
Sunday Christmas market.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from importlib import resources
from importlib.abc import Traversable

from pooling.domain import (
    WEEKDAYS, DayPeriod, Equipment, EquipmentRequest, Facilitator, Need, Network, Pin, Room,
    RoomRequest, Scenario, StaffLine, WeeklyMinutes, Window,
)
from pooling.interchange import write_scenario_json
from scenarios.sites import tiers_lieux_by_id

DEMO_FILE = "demo-network.json"
WEEK_START = date(2026, 11, 30)
DATES = {name: WEEK_START + timedelta(days=index) for index, name in enumerate(WEEKDAYS)}

GUERET, JARNAGES, LAVAVEIX, CROZE = "TL-280", "TL-161", "TL-816", "TL-1352"
FAUX, GENTIOUX, FLAYAT, USSEL = "TL-271", "TL-233", "TL-178", "TL-35"
SITE_IDS = (GUERET, JARNAGES, LAVAVEIX, CROZE, FAUX, GENTIOUX, FLAYAT, USSEL)

SKILLS = ("accueil", "animation", "mediation_numerique", "fabrication_numerique", "gestion",
          "communication", "reparation")


def minutes(text: str) -> int:
    hours, mins = text.split(":")
    return int(hours) * 60 + int(mins)


def span(text: str) -> tuple[int, int]:
    """`"09:00-12:30"` as minutes since midnight."""
    start, end = text.split("-")
    return minutes(start), minutes(end)


def weekly(days: str, hours: str) -> tuple[Window, ...]:
    """The same window on each listed weekday: `weekly("mon tue", "09:00-17:00")`."""
    start, end = span(hours)
    return tuple(Window(day, start, end) for day in days.split())


def absent(day: str, hours: str | None = None) -> DayPeriod:
    """A dated absence (`day` a weekday of the demo week), whole day unless hours are given."""
    iso = DATES[day].isoformat()
    if hours is None:
        return DayPeriod(iso)
    start, end = span(hours)
    return DayPeriod(iso, start, end)


def staff(*lines: str) -> tuple[StaffLine, ...]:
    """`"mediation_numerique>=2"`, `"reparation x2"`: a skill, its minimum level, how many."""
    parsed = []
    for line in lines:
        head, _, count = line.partition(" x")
        skill, _, level = head.partition(">=")
        parsed.append(StaffLine(skill, int(level or 1), int(count or 1)))
    return tuple(parsed)


def kit(*types: str) -> tuple[EquipmentRequest, ...]:
    """Requested equipment, one unit per mention: `kit("imprimante_3d", "imprimante_3d")`."""
    return tuple(EquipmentRequest(t, types.count(t)) for t in dict.fromkeys(types))


# --- contracts -------------------------------------------------------------------------------

FULL_TIME = {"weekly_minutes": WeeklyMinutes(min=2100, target=2100, max=2400),
             "max_days_per_week": 5}
FOUR_DAYS = {"weekly_minutes": WeeklyMinutes(min=1680, target=1680, max=1800),
             "max_days_per_week": 4}
PART_TIME = {"weekly_minutes": WeeklyMinutes(min=1260, target=1440, max=1620),
             "max_days_per_week": 4, "max_daily_minutes": 480}

FACILITATORS = (
    Facilitator("F-camille", "Camille Laroche", GUERET,
                {"accueil": 3, "mediation_numerique": 3, "gestion": 2},
                weekly("mon tue wed thu fri", "08:30-18:30"),
                avoid=weekly("fri", "16:00-18:30"), extra={"role": "coordinatrice"},
                **FULL_TIME),
    Facilitator("F-mathis", "Mathis Dufour", CROZE,
                {"fabrication_numerique": 3, "reparation": 2, "animation": 2},
                weekly("tue wed fri sat", "09:00-19:00") + weekly("thu", "12:00-21:30"),
                extra={"role": "fabmanager"}, **FULL_TIME),
    Facilitator("F-nadia", "Nadia Benali", GUERET,
                {"mediation_numerique": 3, "accueil": 2, "communication": 1},
                weekly("mon tue wed thu fri", "09:00-17:30"),
                sites=(GUERET, JARNAGES, LAVAVEIX), max_daily_travel_minutes=120,
                extra={"role": "conseillère numérique France Services"}, **FULL_TIME),
    Facilitator("F-julien", "Julien Mercier", FAUX,
                {"animation": 3, "accueil": 2, "communication": 2},
                weekly("mon tue thu", "09:00-19:00") + weekly("fri", "12:00-22:00")
                + weekly("sat", "09:30-13:00"),
                avoid=weekly("tue", "09:00-12:00"), **FOUR_DAYS),
    Facilitator("F-elodie", "Élodie Rousseau", GENTIOUX,
                {"accueil": 2, "animation": 2, "gestion": 1},
                weekly("tue wed thu", "09:00-18:00") + weekly("sat", "13:00-18:00"),
                unavailable=(absent("wed"),), max_daily_travel_minutes=90, **PART_TIME),
    Facilitator("F-thomas", "Thomas Girard", USSEL,
                {"mediation_numerique": 2, "fabrication_numerique": 2, "accueil": 1},
                weekly("mon tue wed thu fri", "09:00-18:30"),
                unavailable=(absent("fri", "14:00-18:30"),), **FULL_TIME),
    Facilitator("F-manon", "Manon Lefèvre", FLAYAT,
                {"accueil": 3, "animation": 2},
                weekly("wed thu sat sun", "10:00-19:00") + weekly("fri", "10:00-23:00"),
                **PART_TIME),
    Facilitator("F-hugo", "Hugo Marchand", LAVAVEIX,
                {"reparation": 3, "fabrication_numerique": 1, "accueil": 1},
                weekly("wed thu fri sat", "09:00-18:30"), **FOUR_DAYS),
    Facilitator("F-lea", "Léa Fontaine", JARNAGES,
                {"accueil": 2, "communication": 3, "gestion": 2},
                weekly("mon tue", "09:00-17:30") + weekly("thu", "12:00-21:00")
                + weekly("fri", "13:00-20:30"),
                avoid=weekly("mon", "09:00-10:00"), **PART_TIME),
    Facilitator("F-bastien", "Bastien Chevalier", GUERET,
                {"fabrication_numerique": 2, "mediation_numerique": 2, "reparation": 1},
                weekly("mon tue wed thu fri", "09:00-18:00") + weekly("sat", "09:00-13:00"),
                unavailable=(absent("mon", "09:00-12:00"),), **FULL_TIME),
    Facilitator("F-sophie", "Sophie Aubert", FAUX,
                {"gestion": 3, "accueil": 2, "communication": 2},
                weekly("mon tue wed thu fri", "08:30-18:00"),
                unavailable=(absent("tue", "09:00-12:30"),),
                extra={"role": "coordinatrice du réseau"}, **FULL_TIME),
    Facilitator("F-yanis", "Yanis Perrin", USSEL,
                {"animation": 2, "mediation_numerique": 2, "accueil": 1, "communication": 1},
                weekly("mon tue wed thu", "09:00-19:00"), max_daily_travel_minutes=100,
                **FOUR_DAYS),
    Facilitator("F-claire", "Claire Vidal", GENTIOUX,
                {"reparation": 2, "animation": 1, "accueil": 2},
                weekly("wed thu sat", "09:00-18:30") + weekly("fri", "09:00-13:00"),
                max_daily_travel_minutes=60, **PART_TIME),
    Facilitator("F-antoine", "Antoine Morel", LAVAVEIX,
                {"accueil": 2, "gestion": 1, "mediation_numerique": 1},
                weekly("mon wed fri", "08:30-17:30") + weekly("tue", "13:00-19:00"),
                avoid=weekly("wed", "14:00-17:30"), **PART_TIME),
)

# --- rooms and equipment ---------------------------------------------------------------------

OFFICE_HOURS = weekly("mon tue wed thu fri", "08:30-19:00") + weekly("sat", "09:00-18:00")

ROOMS = (
    Room("R-gue-grande", GUERET, "Grande salle", 40, ("accessible_pmr", "ecran")),
    Room("R-gue-info", GUERET, "Salle informatique", 12,
         ("salle_informatique", "accessible_pmr", "ecran"), OFFICE_HOURS),
    Room("R-gue-atelier", GUERET, "Atelier fablab", 10, ("atelier",), OFFICE_HOURS),
    Room("R-gue-accueil", GUERET, "Bureau d'accueil", 4, ("accessible_pmr",), OFFICE_HOURS),
    Room("R-jar-commune", JARNAGES, "Salle commune", 20, ("cuisine", "accessible_pmr")),
    Room("R-jar-numerique", JARNAGES, "Espace numérique", 8, ("salle_informatique",)),
    Room("R-lav-mine", LAVAVEIX, "Salle de la Mine", 30, ("accessible_pmr", "ecran")),
    Room("R-lav-atelier", LAVAVEIX, "Atelier de réparation", 12, ("atelier", "accessible_pmr")),
    Room("R-lav-bureau", LAVAVEIX, "Bureau partagé", 6),
    Room("R-cro-atelier", CROZE, "Atelier du Lab'rousse", 12, ("atelier", "ecran")),
    Room("R-cro-reunion", CROZE, "Salle de réunion", 10, ("ecran",)),
    Room("R-fau-polyvalente", FAUX, "Salle polyvalente", 25,
         ("accessible_pmr", "cuisine", "ecran")),
    Room("R-fau-bureau", FAUX, "Bureau", 6, (), OFFICE_HOURS),
    Room("R-gen-bourg", GENTIOUX, "Salle du bourg", 15, ("accessible_pmr",)),
    Room("R-gen-cuisine", GENTIOUX, "Cuisine partagée", 10, ("cuisine",)),
    Room("R-fla-cafe", FLAYAT, "Salle du café", 20, ("cuisine", "accessible_pmr"),
         weekly("wed thu fri sat sun", "10:00-23:00")),
    Room("R-uss-openspace", USSEL, "Open space", 16, ("salle_informatique", "ecran")),
    Room("R-uss-reunion", USSEL, "Salle de réunion", 10, ("ecran", "accessible_pmr")),
    Room("R-uss-atelier", USSEL, "Atelier", 8, ("atelier",), OFFICE_HOURS),
)

EQUIPMENT = (
    Equipment("EQ-fablab-mobile", "fablab_mobile", CROZE, "FabLab mobile (fourgon aménagé)"),
    Equipment("EQ-laser", "decoupeuse_laser", CROZE, "Découpeuse laser", mobile=False),
    Equipment("EQ-3d-croze-1", "imprimante_3d", CROZE, "Imprimante 3D Prusa n°1"),
    Equipment("EQ-3d-croze-2", "imprimante_3d", CROZE, "Imprimante 3D Prusa n°2"),
    Equipment("EQ-3d-gueret", "imprimante_3d", GUERET, "Imprimante 3D de la Quincaillerie"),
    Equipment("EQ-3d-ussel", "imprimante_3d", USSEL, "Imprimante 3D du Mille"),
    Equipment("EQ-tablettes-gueret", "malle_tablettes", GUERET, "Malle de 10 tablettes (Guéret)"),
    Equipment("EQ-tablettes-lavaveix", "malle_tablettes", LAVAVEIX,
              "Malle de 10 tablettes (Lavaveix)"),
    Equipment("EQ-tablettes-faux", "malle_tablettes", FAUX, "Malle de 8 tablettes (Faux)"),
    Equipment("EQ-video-gueret", "videoprojecteur", GUERET, "Vidéoprojecteur (Guéret)"),
    Equipment("EQ-video-faux", "videoprojecteur", FAUX, "Vidéoprojecteur (Faux)",
              unavailable=(absent("mon"), absent("tue"))),
    Equipment("EQ-video-ussel", "videoprojecteur", USSEL, "Vidéoprojecteur (Ussel)"),
    Equipment("EQ-remorque", "remorque", LAVAVEIX, "Remorque de collecte"),
)

# --- needs, as the sites declared them -------------------------------------------------------


def fixed(site: str, title: str, day: str, hours: str, **fields) -> Need:
    start, end = span(hours)
    return Need("", site, title, date=DATES[day], start=start, end=end, **fields)


def flexible(site: str, title: str, days: str, hours: str, duration: int, **fields) -> Need:
    start, end = span(hours)
    return Need("", site, title, days=tuple(DATES[d] for d in days.split()),
                window_start=start, window_end=end, duration_minutes=duration, **fields)


def permanences(site: str, days: str, hours: str, **fields) -> tuple[Need, ...]:
    return tuple(fixed(site, "Permanence d'accueil", day, hours, kind="permanence",
                       staff=staff("accueil"), **fields) for day in days.split())


NO_ROOM = {"room": None}
SENIORS = "Atelier numérique seniors"

NEEDS = (
    # La Quincaillerie, Guéret: the hub
    *permanences(GUERET, "mon tue wed thu fri", "09:00-12:30", priority="high",
                 room=RoomRequest(("accessible_pmr",))),
    fixed(GUERET, f"{SENIORS} : premiers pas sur tablette", "tue", "14:00-16:00",
          kind="atelier_numerique", staff=staff("mediation_numerique>=2"), attendees=8,
          room=RoomRequest(("accessible_pmr",)), equipment=kit("malle_tablettes")),
    fixed(GUERET, f"{SENIORS} : démarches en ligne (ANTS, impots.gouv)", "thu", "14:00-16:30",
          kind="atelier_numerique", staff=staff("mediation_numerique>=2"), attendees=10,
          room=RoomRequest(("salle_informatique",)), priority="high",
          preferred_facilitators=("F-nadia",)),
    fixed(GUERET, "Open lab du mercredi", "wed", "14:00-18:00", kind="open_lab",
          staff=staff("fabrication_numerique>=2"), attendees=8,
          room=RoomRequest(("atelier",)), equipment=kit("imprimante_3d")),
    fixed(GUERET, "Réunion de réseau mensuelle", "thu", "09:30-12:00", kind="reunion",
          staff=staff("gestion>=2", "mediation_numerique x2", "fabrication_numerique>=2"),
          attendees=14, room=RoomRequest(("ecran",), (GUERET, LAVAVEIX, CROZE)),
          equipment=kit("videoprojecteur"), priority="required",
          pinned=Pin(facilitators=("F-sophie",))),
    flexible(GUERET, "Accompagnement numérique individuel (sur rendez-vous)",
             "mon tue wed thu fri", "09:00-17:00", 120, kind="accompagnement",
             staff=staff("mediation_numerique"), attendees=1),
    flexible(GUERET, "Accompagnement numérique individuel (sur rendez-vous)",
             "mon tue wed thu fri", "09:00-17:00", 120, kind="accompagnement",
             staff=staff("mediation_numerique"), attendees=1),
    fixed(GUERET, "Atelier réseaux sociaux pour les associations", "fri", "16:30-18:30",
          kind="formation", staff=staff("communication>=2"), attendees=12,
          room=RoomRequest(("ecran",)), equipment=kit("videoprojecteur")),
    fixed(GUERET, "Repair café de Guéret", "sat", "09:30-12:30", kind="repair_cafe",
          staff=staff("reparation x2"), attendees=20, room=RoomRequest(("accessible_pmr",)),
          priority="high"),
    fixed(GUERET, "Assemblée générale de l'association des usagers", "tue", "18:00-20:30",
          kind="location_salle", attendees=35, equipment=kit("videoprojecteur"),
          priority="low"),
    fixed(GUERET, "Stage impression 3D pour les collégiens", "wed", "09:30-12:00",
          kind="atelier_jeunesse", staff=staff("fabrication_numerique>=2", "animation"),
          attendees=10, room=RoomRequest(("atelier",)),
          equipment=kit("imprimante_3d", "imprimante_3d")),
    fixed(GUERET, "Formation des bénévoles à l'accueil", "mon", "14:00-16:30",
          kind="formation", staff=staff("accueil>=3"), attendees=10,
          room=RoomRequest(("accessible_pmr",)), preferred_facilitators=("F-camille",)),

    # L'Alzire, Jarnages
    *permanences(JARNAGES, "tue thu", "09:30-12:30"),
    fixed(JARNAGES, f"{SENIORS} : garder le lien en visio", "tue", "14:00-16:00",
          kind="atelier_numerique", staff=staff("mediation_numerique"), attendees=6,
          room=RoomRequest(("salle_informatique",)), equipment=kit("malle_tablettes")),
    fixed(JARNAGES, "Café-rencontre associatif", "fri", "17:00-19:00", kind="animation",
          staff=staff("animation"), attendees=15, room=RoomRequest(("cuisine",)),
          priority="low"),
    flexible(JARNAGES, "Lettre d'information et site du réseau", "mon tue thu fri",
             "09:00-17:00", 180, kind="communication", staff=staff("communication>=2"),
             **NO_ROOM, priority="low", preferred_facilitators=("F-lea",)),
    fixed(JARNAGES, "Point France Services : aide aux démarches", "mon", "14:00-17:00",
          kind="accompagnement", staff=staff("mediation_numerique>=2"), attendees=4,
          room=RoomRequest(("salle_informatique",)), priority="required"),
    fixed(JARNAGES, "Atelier numérique parents-enfants", "wed", "14:00-16:00",
          kind="atelier_numerique", staff=staff("mediation_numerique"), attendees=8,
          room=RoomRequest(("salle_informatique",))),
    fixed(JARNAGES, "Conférence : le numérique en milieu rural", "thu", "18:30-20:30",
          kind="conference", staff=staff("communication>=2"), attendees=35,
          room=RoomRequest(("ecran",), (JARNAGES, GUERET, LAVAVEIX)),
          equipment=kit("videoprojecteur"), priority="high"),

    # Les Ateliers de la Mine, Lavaveix-les-Mines
    *permanences(LAVAVEIX, "mon wed fri", "09:00-12:00"),
    fixed(LAVAVEIX, "Repair café des Ateliers", "sat", "14:00-18:00", kind="repair_cafe",
          staff=staff("reparation>=2", "reparation"), attendees=12,
          room=RoomRequest(("atelier",)), priority="high"),
    fixed(LAVAVEIX, "Collecte d'objets à réparer dans les communes", "sat", "09:00-12:00",
          kind="logistique", staff=staff("reparation"), **NO_ROOM,
          equipment=kit("remorque"), priority="normal"),
    fixed(LAVAVEIX, f"{SENIORS} : sécurité sur internet", "wed", "14:00-16:00",
          kind="atelier_numerique", staff=staff("mediation_numerique"), attendees=8,
          room=RoomRequest(("accessible_pmr",)), equipment=kit("malle_tablettes")),
    fixed(LAVAVEIX, "Atelier réparation textile", "thu", "14:00-17:00", kind="atelier",
          staff=staff("reparation"), attendees=8, room=RoomRequest(("atelier",))),
    fixed(LAVAVEIX, "Coworking : accueil des télétravailleurs", "tue", "14:00-18:00",
          kind="permanence", staff=staff("accueil"), room=RoomRequest(), attendees=5,
          priority="low"),
    fixed(LAVAVEIX, "Initiation à la soudure électronique", "fri", "14:00-17:00",
          kind="atelier", staff=staff("fabrication_numerique", "reparation>=2"), attendees=6,
          room=RoomRequest(("atelier",))),
    flexible(LAVAVEIX, "Comptabilité et dossiers de subvention", "mon tue wed thu fri",
             "09:00-17:00", 180, kind="gestion", staff=staff("gestion>=2"), **NO_ROOM,
             priority="normal"),

    # Lab'rousse, Croze: the fablab and its laser cutter
    fixed(CROZE, "Open lab découpe laser", "tue", "14:00-18:00", kind="open_lab",
          staff=staff("fabrication_numerique>=2"), attendees=8,
          room=RoomRequest(("atelier",)), equipment=kit("decoupeuse_laser")),
    fixed(CROZE, "Open lab du jeudi soir", "thu", "18:00-21:00", kind="open_lab",
          staff=staff("fabrication_numerique>=2"), attendees=10,
          room=RoomRequest(("atelier",)), equipment=kit("decoupeuse_laser", "imprimante_3d"),
          priority="normal"),
    fixed(CROZE, "Formation découpe laser avancée (artisans)", "thu", "18:30-21:00",
          kind="formation", staff=staff("fabrication_numerique>=3"), attendees=6,
          room=RoomRequest(("ecran",)), equipment=kit("decoupeuse_laser"), priority="high"),
    fixed(CROZE, "Formation découpe laser pour les artisans", "fri", "09:00-12:00",
          kind="formation", staff=staff("fabrication_numerique>=3"), attendees=6,
          room=RoomRequest(("atelier",)), equipment=kit("decoupeuse_laser"),
          priority="high", pinned=Pin(facilitators=("F-mathis",))),
    fixed(CROZE, "Open lab du samedi", "sat", "10:00-16:00", kind="open_lab",
          staff=staff("fabrication_numerique>=2"), attendees=10,
          room=RoomRequest(("atelier",)), equipment=kit("decoupeuse_laser", "imprimante_3d")),
    fixed(CROZE, "FabLab mobile au collège de Felletin", "wed", "09:00-12:00",
          kind="fablab_mobile", staff=staff("fabrication_numerique", "animation"), **NO_ROOM,
          attendees=24, equipment=kit("fablab_mobile", "imprimante_3d", "imprimante_3d"),
          priority="required"),
    fixed(CROZE, "Atelier décorations de Noël en bois (enfants)", "wed", "14:00-16:30",
          kind="atelier_jeunesse", staff=staff("fabrication_numerique>=2", "animation"),
          attendees=10, room=RoomRequest(("atelier",)), equipment=kit("decoupeuse_laser")),
    flexible(CROZE, "Maintenance des machines", "tue wed fri", "09:00-18:00", 120,
             kind="maintenance", staff=staff("fabrication_numerique>=2"),
             room=RoomRequest(("atelier",)), priority="low"),

    # TAF, Faux-la-Montagne
    *permanences(FAUX, "mon wed fri", "14:00-17:30"),
    fixed(FAUX, f"{SENIORS} : photos et messagerie", "thu", "10:00-12:00",
          kind="atelier_numerique", staff=staff("mediation_numerique"), attendees=7,
          room=RoomRequest(("accessible_pmr",)), equipment=kit("malle_tablettes")),
    fixed(FAUX, "Soirée jeux et discussions", "fri", "19:00-21:30", kind="animation",
          staff=staff("animation"), attendees=20, room=RoomRequest(("cuisine",)),
          priority="low"),
    fixed(FAUX, "Formation gestion associative : la comptabilité", "tue", "14:00-17:00",
          kind="formation", staff=staff("gestion>=2"), attendees=10,
          room=RoomRequest(("ecran",)), equipment=kit("videoprojecteur")),
    fixed(FAUX, "FabLab mobile sur la place du village", "sat", "10:00-13:00",
          kind="fablab_mobile", staff=staff("fabrication_numerique", "animation"), **NO_ROOM,
          attendees=15, equipment=kit("fablab_mobile")),
    flexible(FAUX, "Préparation du programme de décembre", "mon tue thu", "09:00-17:00", 120,
             kind="communication", staff=staff("communication>=2", "gestion>=2"),
             room=RoomRequest(), attendees=2, preferred_facilitators=("F-sophie", "F-julien")),
    fixed(FAUX, "Accueil d'une classe du lycée agricole", "thu", "14:00-16:30",
          kind="animation", staff=staff("animation>=2"), attendees=22,
          room=RoomRequest(("accessible_pmr",))),

    fixed(FAUX, "Comité de pilotage avec la communauté de communes", "mon", "10:00-12:00",
          kind="reunion", staff=staff("gestion>=3", "communication>=2"), attendees=8,
          room=RoomRequest(("ecran",)), priority="required"),
    flexible(FAUX, "Accompagnement numérique individuel (sur rendez-vous)", "tue thu",
             "09:30-17:00", 90, kind="accompagnement", staff=staff("mediation_numerique"),
             attendees=1),

    # La Renouée, Gentioux-Pigerolles
    *permanences(GENTIOUX, "tue thu", "14:00-17:00"),
    fixed(GENTIOUX, "Atelier cuisine partagée", "wed", "10:00-13:00", kind="animation",
          staff=staff("animation"), attendees=10, room=RoomRequest(("cuisine",))),
    fixed(GENTIOUX, "Repair café du plateau", "sat", "14:00-17:30", kind="repair_cafe",
          staff=staff("reparation x2"), attendees=15, room=RoomRequest(("accessible_pmr",)),
          priority="normal"),
    fixed(GENTIOUX, "Accueil des nouveaux arrivants", "fri", "10:00-12:00", kind="accueil",
          staff=staff("accueil>=2", "animation"), attendees=12,
          room=RoomRequest(("accessible_pmr",)), preferred_facilitators=("F-elodie",)),
    flexible(GENTIOUX, "Inventaire et rangement de la cuisine partagée", "tue wed thu",
             "09:00-18:00", 90, kind="gestion", staff=staff("accueil"),
             room=RoomRequest(("cuisine",)), priority="low"),

    fixed(GENTIOUX, "Démarches CAF et santé en ligne", "tue", "10:00-12:00",
          kind="atelier_numerique", staff=staff("mediation_numerique"), attendees=6,
          room=RoomRequest(("accessible_pmr",)), equipment=kit("malle_tablettes")),

    # Café de l'Espace, Flayat
    *permanences(FLAYAT, "wed fri sat", "10:00-13:00"),
    fixed(FLAYAT, f"{SENIORS} : la tablette pas à pas", "thu", "14:00-16:00",
          kind="atelier_numerique", staff=staff("mediation_numerique"), attendees=6,
          room=RoomRequest(()), equipment=kit("malle_tablettes")),
    fixed(FLAYAT, "Soirée contes au café", "fri", "20:00-22:30", kind="animation",
          staff=staff("animation>=2"), attendees=18, room=RoomRequest(("cuisine",)),
          priority="normal"),
    fixed(FLAYAT, "Marché de Noël des producteurs", "sun", "10:00-17:00", kind="evenement",
          staff=staff("accueil", "animation"), attendees=20, room=RoomRequest(),
          priority="high"),
    fixed(FLAYAT, "Atelier réparation de vélos", "sat", "14:00-17:00", kind="repair_cafe",
          staff=staff("reparation"), **NO_ROOM, attendees=8, priority="low"),

    # Le Mille, Ussel
    *permanences(USSEL, "mon tue thu fri", "09:00-12:30", priority="high"),
    fixed(USSEL, "Initiation à l'ordinateur", "mon", "14:00-16:00", kind="atelier_numerique",
          staff=staff("mediation_numerique"), attendees=10,
          room=RoomRequest(("salle_informatique",))),
    fixed(USSEL, f"{SENIORS} : le smartphone au quotidien", "wed", "10:00-12:00",
          kind="atelier_numerique", staff=staff("mediation_numerique>=2"), attendees=8,
          room=RoomRequest(("accessible_pmr",)), equipment=kit("malle_tablettes")),
    fixed(USSEL, f"{SENIORS} : se protéger des arnaques en ligne", "tue", "14:00-16:00",
          kind="atelier_numerique", staff=staff("mediation_numerique"), attendees=10,
          room=RoomRequest(("salle_informatique",))),
    fixed(USSEL, "Open lab d'Ussel", "wed", "14:00-18:00", kind="open_lab",
          staff=staff("fabrication_numerique>=2"), attendees=8,
          room=RoomRequest(("atelier",)), equipment=kit("imprimante_3d")),
    fixed(USSEL, "Atelier vidéo pour les jeunes", "thu", "16:30-18:30", kind="atelier_jeunesse",
          staff=staff("communication>=2"), attendees=8, room=RoomRequest(("ecran",)),
          equipment=kit("videoprojecteur")),
    fixed(USSEL, "Initiation à la découpe laser", "tue", "09:30-12:00", kind="formation",
          staff=staff("fabrication_numerique>=2"), attendees=6,
          room=RoomRequest(("atelier",), (USSEL, CROZE)), equipment=kit("decoupeuse_laser")),
    fixed(USSEL, "Accueil des entrepreneurs en coworking", "wed", "09:00-12:00",
          kind="permanence", staff=staff("accueil"), attendees=6, room=RoomRequest(),
          priority="low"),
    flexible(USSEL, "Accompagnement numérique individuel (sur rendez-vous)",
             "mon tue wed thu", "09:30-17:30", 90, kind="accompagnement",
             staff=staff("mediation_numerique"), attendees=1, priority="normal"),
    fixed(USSEL, "Réunion des partenaires de Haute-Corrèze", "fri", "14:00-16:00",
          kind="reunion", staff=staff("gestion>=2", "animation"), attendees=10,
          room=RoomRequest(("ecran",), (USSEL, FLAYAT, CROZE)), priority="high"),
)


def demo_sites():
    places = tiers_lieux_by_id()
    return tuple(places[int(site_id.removeprefix("TL-"))].as_site(
        pool_share=1.5 if site_id == GUERET else 1.0) for site_id in SITE_IDS)


def demo_scenario() -> Scenario:
    """The demo network's week, ready to plan (needs numbered N-01, N-02... as declared)."""
    return Scenario(
        network=Network("Réseau des tiers-lieux Creuse – Millevaches", WEEK_START),
        sites=demo_sites(),
        facilitators=FACILITATORS,
        rooms=ROOMS,
        equipment=EQUIPMENT,
        needs=tuple(replace(need, id=f"N-{index:02d}") for index, need in enumerate(NEEDS, 1)),
        skills=SKILLS,
    )


def demo_json() -> Traversable:
    """The demo as a format v1 file, shipped for `pooling import` and for other tools."""
    return resources.files("scenarios") / "data" / DEMO_FILE


if __name__ == "__main__":
    # Regenerate the shipped file after editing the demo: python -m scenarios.demo
    write_scenario_json(demo_scenario(), str(demo_json()))
