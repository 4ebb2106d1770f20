"""What tiers-lieux declare in a week, as templates the generator draws from.

Each activity kind says who it needs (skill, level, how many), how long it lasts and when it
usually starts, what room and equipment it uses and how much it matters to the site. Titles
are in French, as a site manager writes them.
"""

from __future__ import annotations

from dataclasses import dataclass

from pooling.domain import Priority

SKILLS = ("accueil", "animation", "mediation_numerique", "fabrication_numerique", "gestion",
          "communication", "reparation")
RARE_SKILL = "langue_des_signes"
"""Held by a few people, never above level 1: a need asking for more cannot be met."""
MISSING_EQUIPMENT = "casque_realite_virtuelle"
"""Requested by a planted impossible need; the network owns no unit of this type."""

FIRST_NAMES = (
    "Camille", "Léa", "Manon", "Chloé", "Inès", "Jade", "Louise", "Zoé", "Clara", "Emma",
    "Sarah", "Anaïs", "Mathilde", "Pauline", "Élise", "Margaux", "Juliette", "Salomé", "Nadia",
    "Fatou", "Agathe", "Maëlle", "Solène", "Hélène", "Brigitte", "Sylvie", "Nathalie", "Lucas",
    "Hugo", "Théo", "Nathan", "Mathis", "Tom", "Enzo", "Louis", "Jules", "Gabriel", "Arthur",
    "Paul", "Baptiste", "Maxime", "Antoine", "Quentin", "Romain", "Julien", "Nicolas", "Karim",
    "Yanis", "Mehdi", "Pierre", "Thierry", "Olivier", "Benoît", "Gaël", "Loïc", "Erwan")
LAST_NAMES = (
    "Martin", "Bernard", "Dubois", "Durand", "Lefebvre", "Moreau", "Laurent", "Simon",
    "Michel", "Garcia", "Roux", "Fournier", "Girard", "Bonnet", "Dupont", "Lambert", "Fontaine",
    "Rousseau", "Vincent", "Muller", "Faure", "André", "Mercier", "Blanc", "Guérin", "Boyer",
    "Garnier", "Chevalier", "Perrin", "Morel", "Clément", "Gauthier", "Robin", "Masson",
    "Sanchez", "Nicolas", "Henry", "Roussel", "Mathieu", "Lacroix", "Bertrand", "Marchand",
    "Duval", "Denis", "Lemoine", "Barbier", "Brun", "Arnaud", "Peyrat", "Lagarde", "Delpech",
    "Couderc", "Labrousse", "Mazeau", "Chassaing", "Etcheverry", "Larrieu", "Boudet")

@dataclass(frozen=True)
class Role:
    """A kind of job: its skills with the range of levels a holder has, and how common it is."""

    levels: dict[str, tuple[int, int]]
    weight: int


ROLES = {
    "conseiller_numerique": Role({"mediation_numerique": (2, 3), "accueil": (1, 2),
                                  "communication": (1, 2)}, 25),
    "fabmanager": Role({"fabrication_numerique": (2, 3), "reparation": (1, 2),
                        "animation": (1, 2)}, 10),
    "animateur": Role({"animation": (2, 3), "accueil": (1, 2), "communication": (1, 2)}, 20),
    "charge_accueil": Role({"accueil": (2, 3), "gestion": (1, 2),
                            "mediation_numerique": (1, 1)}, 20),
    "coordinateur": Role({"gestion": (2, 3), "communication": (1, 3), "accueil": (1, 2)}, 12),
    "reparateur": Role({"reparation": (2, 3), "fabrication_numerique": (1, 2),
                        "accueil": (1, 1)}, 13),
}


@dataclass(frozen=True)
class Contract:
    """Weekly minutes (min, target, max), days per week and daily cap of a kind of contract."""

    name: str
    weekly: tuple[int, int, int]
    max_days: int
    max_daily: int
    weight: int


CONTRACTS = (
    Contract("35 h", (2100, 2100, 2400), 5, 600, 45),
    Contract("28 h sur 4 jours", (1680, 1680, 1800), 4, 600, 20),
    Contract("24 h", (1260, 1440, 1620), 4, 480, 20),
    Contract("17 h 30", (900, 1050, 1200), 3, 480, 15),
)


@dataclass(frozen=True)
class Activity:
    """A kind of need and how sites usually declare it."""

    kind: str
    titles: tuple[str, ...]
    staff: tuple[tuple[str, int, int], ...]
    """(skill, level, count) lines."""
    durations: tuple[int, ...]
    starts: tuple[int, ...]
    attendees: tuple[int, int]
    room: tuple[str, ...] | None
    """Required room features; None: no room."""
    equipment: tuple[tuple[str, int], ...] = ()
    priorities: tuple[Priority, ...] = ("normal",)
    days: tuple[int, ...] = (0, 1, 2, 3, 4)
    """Weekday indexes (0 = Monday) it may fall on."""
    weight: int = 1
    shared_room: bool = False
    """Whether neighbouring sites' rooms may host it (`room.at`)."""
    flexible_share: float = 0.0
    """How often it is declared with flexible time."""
    fablab_only: bool = False


def h(hours: float) -> int:
    return int(hours * 60)


ACTIVITIES = (
    Activity("permanence", ("Permanence d'accueil", "Accueil du public et des coworkers"),
             (("accueil", 1, 1),), (180, 210, 240), (h(9), h(9.5), h(14)), (0, 4),
             ("accessible_pmr",), priorities=("high", "normal", "normal"),
             days=(0, 1, 2, 3, 4, 5), weight=6),
    Activity("atelier_numerique",
             ("Atelier numérique seniors : premiers pas sur tablette",
              "Atelier numérique seniors : démarches en ligne",
              "Atelier numérique seniors : garder le lien en visio",
              "Atelier numérique : se protéger des arnaques",
              "Atelier numérique : le smartphone au quotidien"),
             (("mediation_numerique", 1, 1),), (90, 120), (h(10), h(14), h(14.5)), (5, 10),
             ("accessible_pmr",), (("malle_tablettes", 1),),
             priorities=("high", "normal", "normal"), weight=3),
    Activity("atelier_informatique",
             ("Initiation à l'ordinateur", "Atelier traitement de texte et courriels",
              "Atelier numérique parents-enfants"),
             (("mediation_numerique", 2, 1),), (120,), (h(9.5), h(14), h(16)), (4, 10),
             ("salle_informatique",), weight=2),
    Activity("accompagnement", ("Accompagnement numérique individuel (sur rendez-vous)",
                                "Aide aux démarches administratives en ligne"),
             (("mediation_numerique", 1, 1),), (60, 90, 120), (h(9), h(10.5), h(14), h(15.5)),
             (1, 1), (), priorities=("normal", "high"), weight=3, flexible_share=0.6),
    Activity("open_lab", ("Open lab", "Open lab découpe laser", "Open lab impression 3D"),
             (("fabrication_numerique", 2, 1),), (180, 240), (h(14), h(17.5)), (4, 10),
             ("atelier",), (("decoupeuse_laser", 1),), days=(1, 2, 3, 4, 5), weight=3,
             fablab_only=True),
    Activity("impression_3d", ("Atelier impression 3D", "Initiation à la modélisation 3D"),
             (("fabrication_numerique", 2, 1),), (120, 180), (h(10), h(14)), (4, 8),
             ("atelier",), (("imprimante_3d", 1),), weight=1),
    Activity("repair_cafe", ("Repair café", "Atelier réparation de vélos",
                             "Atelier réparation petit électroménager"),
             (("reparation", 1, 2),), (180,), (h(9.5), h(14)), (8, 20), (),
             priorities=("high", "normal"), days=(2, 5, 5), weight=2),
    Activity("collecte", ("Collecte d'objets à réparer", "Livraison de mobilier de réemploi"),
             (("reparation", 1, 1),), (120, 180), (h(9), h(14)), (0, 0), None,
             (("remorque", 1),), priorities=("normal", "low"), weight=1),
    Activity("reunion", ("Réunion de réseau", "Comité de pilotage du tiers-lieu",
                         "Réunion des partenaires du territoire"),
             (("gestion", 2, 1), ("animation", 1, 1), ("accueil", 1, 1)), (120, 150),
             (h(9.5), h(14)), (6, 14), ("ecran",), (("videoprojecteur", 1),),
             priorities=("required", "high"), weight=1, shared_room=True),
    Activity("formation", ("Formation gestion associative", "Atelier réseaux sociaux",
                           "Formation : créer son site internet"),
             (("communication", 2, 1),), (150, 180), (h(9.5), h(14), h(18)), (6, 14),
             ("ecran",), (("videoprojecteur", 1),), weight=2),
    Activity("animation", ("Café-rencontre associatif", "Soirée jeux et discussions",
                           "Atelier cuisine partagée", "Accueil d'une classe"),
             (("animation", 1, 1),), (120, 150, 180), (h(10), h(14), h(18)), (8, 20), (),
             priorities=("normal", "low"), days=(0, 1, 2, 3, 4, 5), weight=3),
    Activity("fablab_mobile", ("FabLab mobile au collège", "FabLab mobile sur le marché",
                               "FabLab mobile à la médiathèque"),
             (("fabrication_numerique", 1, 1), ("animation", 1, 1)), (180,), (h(9), h(14)),
             (10, 24), None, (("fablab_mobile", 1), ("imprimante_3d", 1)),
             priorities=("required", "high", "normal"), days=(1, 2, 3, 5), weight=1),
    Activity("gestion", ("Comptabilité et dossiers de subvention", "Suivi administratif du lieu"),
             (("gestion", 2, 1),), (120, 180), (h(9), h(14)), (0, 0), None,
             priorities=("low", "normal"), weight=2, flexible_share=0.8),
    Activity("communication", ("Lettre d'information du réseau", "Programme du mois"),
             (("communication", 2, 1),), (120,), (h(9), h(14)), (0, 0), None,
             priorities=("low",), weight=1, flexible_share=0.8),
    Activity("location_salle", ("Réunion d'association (location de salle)",
                                "Assemblée générale d'une association"),
             (), (120, 150), (h(18), h(18.5)), (10, 30), (), priorities=("low", "normal"),
             weight=1),
)
