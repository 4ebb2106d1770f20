"""The database schema: networks, their shared resources, planning weeks, needs, plan versions.

A network's sites, facilitators, rooms and equipment are shared by all its planning weeks; needs
belong to one week. Ids of the interchange format are stored as `code`, unique per network (per
week for needs), beside a surrogate primary key. `position` keeps the order of the imported lists
so that an export gives back the scenario as written. Scalars are columns with the checks the
database can enforce; nested lists (windows, features, site lists) are JSON columns. Times are
minutes since midnight, as in `pooling.domain`.
"""

from __future__ import annotations

from datetime import date, datetime, timezone
from typing import Any

from sqlalchemy import (
    JSON,
    CheckConstraint,
    Date,
    DateTime,
    Double,
    ForeignKey,
    ForeignKeyConstraint,
    MetaData,
    UniqueConstraint,
    event,
    inspect,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.types import TypeDecorator

from pooling.db.errors import PublishedPlanIsFinal

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_N_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

JSONValue = JSON(none_as_null=True)
"""Python None is SQL NULL, so that "absent" and "empty list" stay distinct."""

PLAN_STATUSES = ("draft", "published")
SOLVER_STATUSES = ("optimal", "feasible", "unknown")


class UTCDateTime(TypeDecorator[datetime]):
    """A timestamp stored in UTC and read back as an aware datetime, also on SQLite."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        return value.astimezone(timezone.utc) if value is not None else None

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None or value.tzinfo is not None:
            return value
        return value.replace(tzinfo=timezone.utc)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def one_of(column: str, values: tuple[str, ...] | tuple[int, ...]) -> str:
    """SQL text of a check that `column` holds one of `values`."""
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


def site_reference(column: str) -> ForeignKeyConstraint:
    """`column` names a site of the row's own network."""
    return ForeignKeyConstraint(["network_id", column], ["sites.network_id", "sites.code"])


class InNetwork:
    """A shared resource of one network, in the order it was imported."""

    network_id: Mapped[int] = mapped_column(ForeignKey("networks.id", ondelete="CASCADE"))
    position: Mapped[int]
    code: Mapped[str]


class Network(Base):
    __tablename__ = "networks"
    __table_args__ = (
        CheckConstraint("name <> ''", name="name_not_empty"),
        CheckConstraint(one_of("slot_minutes", (5, 10, 15, 30, 60)), name="slot_minutes"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(unique=True)
    slot_minutes: Mapped[int]
    timezone: Mapped[str]
    skills: Mapped[list[str] | None] = mapped_column(JSONValue)
    extra: Mapped[dict[str, Any] | None] = mapped_column(JSONValue)

    sites: Mapped[list[Site]] = relationship(
        order_by="Site.position", cascade="all, delete-orphan", passive_deletes=True)
    travel_pairs: Mapped[list[TravelPair]] = relationship(
        order_by="TravelPair.position", cascade="all, delete-orphan", passive_deletes=True)
    facilitators: Mapped[list[Facilitator]] = relationship(
        order_by="Facilitator.position", cascade="all, delete-orphan", passive_deletes=True)
    rooms: Mapped[list[Room]] = relationship(
        order_by="Room.position", cascade="all, delete-orphan", passive_deletes=True)
    equipment: Mapped[list[Equipment]] = relationship(
        order_by="Equipment.position", cascade="all, delete-orphan", passive_deletes=True)
    weeks: Mapped[list[PlanningWeek]] = relationship(
        back_populates="network", order_by="PlanningWeek.week_start", passive_deletes=True)


class Site(InNetwork, Base):
    __tablename__ = "sites"
    __table_args__ = (
        UniqueConstraint("network_id", "code"),
        CheckConstraint("pool_share >= 0", name="pool_share_not_negative"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    commune: Mapped[str | None]
    lat: Mapped[float | None] = mapped_column(Double)
    lon: Mapped[float | None] = mapped_column(Double)
    pool_share: Mapped[float] = mapped_column(Double)
    extra: Mapped[dict[str, Any] | None] = mapped_column(JSONValue)


class TravelPair(Base):
    """A declared travel time, in the direction it was given (read symmetrically)."""

    __tablename__ = "travel_pairs"
    __table_args__ = (
        UniqueConstraint("network_id", "from_site", "to_site"),
        site_reference("from_site"),
        site_reference("to_site"),
        CheckConstraint("minutes >= 0", name="minutes_not_negative"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    network_id: Mapped[int] = mapped_column(ForeignKey("networks.id", ondelete="CASCADE"))
    position: Mapped[int]
    from_site: Mapped[str]
    to_site: Mapped[str]
    minutes: Mapped[int]


class Facilitator(InNetwork, Base):
    __tablename__ = "facilitators"
    __table_args__ = (
        UniqueConstraint("network_id", "code"),
        site_reference("home_site"),
        CheckConstraint("weekly_min >= 0", name="weekly_min_not_negative"),
        CheckConstraint("weekly_target >= 0", name="weekly_target_not_negative"),
        CheckConstraint("weekly_max >= 0", name="weekly_max_not_negative"),
        CheckConstraint("max_daily_minutes >= 0", name="max_daily_minutes_not_negative"),
        CheckConstraint("max_days_per_week >= 0", name="max_days_per_week_not_negative"),
        CheckConstraint("max_daily_travel_minutes >= 0",
                        name="max_daily_travel_minutes_not_negative"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    home_site: Mapped[str]
    availability: Mapped[list[dict[str, Any]]] = mapped_column(JSONValue)
    unavailable: Mapped[list[dict[str, Any]]] = mapped_column(JSONValue)
    avoid: Mapped[list[dict[str, Any]]] = mapped_column(JSONValue)
    sites: Mapped[list[str] | None] = mapped_column(JSONValue)
    """NULL: every site allowed; an empty list: none."""
    weekly_min: Mapped[int]
    weekly_target: Mapped[int | None]
    weekly_max: Mapped[int]
    weekly_extra: Mapped[dict[str, Any] | None] = mapped_column(JSONValue)
    max_daily_minutes: Mapped[int]
    max_days_per_week: Mapped[int]
    max_daily_travel_minutes: Mapped[int | None]
    extra: Mapped[dict[str, Any] | None] = mapped_column(JSONValue)
    rostering: Mapped[dict[str, Any] | None] = mapped_column(JSONValue)
    """NULL: no rostering rule; else the format's `rostering` object, rules in force only."""

    skills: Mapped[list[FacilitatorSkill]] = relationship(
        order_by="FacilitatorSkill.position", cascade="all, delete-orphan", passive_deletes=True)


class FacilitatorSkill(Base):
    __tablename__ = "facilitator_skills"
    __table_args__ = (CheckConstraint("level BETWEEN 1 AND 3", name="level_1_to_3"),)

    facilitator_id: Mapped[int] = mapped_column(
        ForeignKey("facilitators.id", ondelete="CASCADE"), primary_key=True)
    skill: Mapped[str] = mapped_column(primary_key=True)
    position: Mapped[int]
    level: Mapped[int]


class Room(InNetwork, Base):
    __tablename__ = "rooms"
    __table_args__ = (
        UniqueConstraint("network_id", "code"),
        site_reference("site"),
        CheckConstraint("capacity >= 0", name="capacity_not_negative"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    site: Mapped[str]
    name: Mapped[str]
    capacity: Mapped[int]
    features: Mapped[list[str]] = mapped_column(JSONValue)
    availability: Mapped[list[dict[str, Any]] | None] = mapped_column(JSONValue)
    """NULL: always open; an empty list: never open."""
    extra: Mapped[dict[str, Any] | None] = mapped_column(JSONValue)


class Equipment(InNetwork, Base):
    __tablename__ = "equipment"
    __table_args__ = (UniqueConstraint("network_id", "code"), site_reference("home_site"))

    id: Mapped[int] = mapped_column(primary_key=True)
    type: Mapped[str]
    name: Mapped[str | None]
    home_site: Mapped[str]
    mobile: Mapped[bool]
    unavailable: Mapped[list[dict[str, Any]]] = mapped_column(JSONValue)
    extra: Mapped[dict[str, Any] | None] = mapped_column(JSONValue)


class PlanningWeek(Base):
    """One planning horizon of a network: its needs and the plan versions made for it."""

    __tablename__ = "planning_weeks"
    __table_args__ = (
        UniqueConstraint("network_id", "week_start"),
        CheckConstraint("days BETWEEN 1 AND 366", name="days_1_to_366"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    network_id: Mapped[int] = mapped_column(ForeignKey("networks.id", ondelete="CASCADE"))
    week_start: Mapped[date] = mapped_column(Date)
    days: Mapped[int]
    extra: Mapped[dict[str, Any] | None] = mapped_column(JSONValue)
    """The scenario's top-level `extra`."""

    network: Mapped[Network] = relationship(back_populates="weeks")
    needs: Mapped[list[Need]] = relationship(
        order_by="Need.position", cascade="all, delete-orphan", passive_deletes=True)
    plan_versions: Mapped[list[PlanVersion]] = relationship(
        back_populates="week", order_by="PlanVersion.number", passive_deletes=True)


class Need(Base):
    __tablename__ = "needs"
    __table_args__ = (
        UniqueConstraint("week_id", "code"),
        CheckConstraint("attendees >= 0", name="attendees_not_negative"),
        CheckConstraint(one_of("priority", ("required", "high", "normal", "low")),
                        name="priority"),
        CheckConstraint(
            "(date IS NOT NULL AND start_minute IS NOT NULL AND end_minute IS NOT NULL"
            " AND start_minute < end_minute AND days IS NULL AND window_start IS NULL"
            " AND window_end IS NULL AND duration_minutes IS NULL)"
            " OR (days IS NOT NULL AND window_start IS NOT NULL AND window_end IS NOT NULL"
            " AND window_start < window_end AND duration_minutes > 0"
            " AND date IS NULL AND start_minute IS NULL AND end_minute IS NULL)",
            name="fixed_or_flexible"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    week_id: Mapped[int] = mapped_column(ForeignKey("planning_weeks.id", ondelete="CASCADE"))
    position: Mapped[int]
    code: Mapped[str]
    site: Mapped[str]
    title: Mapped[str]
    kind: Mapped[str | None]
    date: Mapped[date | None] = mapped_column(Date)
    start_minute: Mapped[int | None]
    end_minute: Mapped[int | None]
    days: Mapped[list[str] | None] = mapped_column(JSONValue)
    """ISO dates of a flexible need."""
    window_start: Mapped[int | None]
    window_end: Mapped[int | None]
    window_extra: Mapped[dict[str, Any] | None] = mapped_column(JSONValue)
    duration_minutes: Mapped[int | None]
    attendees: Mapped[int]
    room: Mapped[dict[str, Any] | None] = mapped_column(JSONValue)
    """NULL: the need uses no room; else `{"features": [...], "at": [...] | null}`."""
    priority: Mapped[str]
    preferred_facilitators: Mapped[list[str]] = mapped_column(JSONValue)
    pinned: Mapped[dict[str, Any] | None] = mapped_column(JSONValue)
    extra: Mapped[dict[str, Any] | None] = mapped_column(JSONValue)

    staff: Mapped[list[NeedStaffLine]] = relationship(
        order_by="NeedStaffLine.position", cascade="all, delete-orphan", passive_deletes=True)
    equipment: Mapped[list[NeedEquipment]] = relationship(
        order_by="NeedEquipment.position", cascade="all, delete-orphan", passive_deletes=True)


class NeedStaffLine(Base):
    """A staff line; with a weight its count is a target, which may be 0 (rostering rules)."""

    __tablename__ = "need_staff_lines"
    __table_args__ = (
        CheckConstraint("level BETWEEN 1 AND 3", name="level_1_to_3"),
        CheckConstraint("count >= 1 OR (count = 0 AND (under_weight IS NOT NULL"
                        " OR over_weight IS NOT NULL))", name="count_positive_unless_target"),
        CheckConstraint("under_weight >= 0 AND over_weight >= 0", name="weights_not_negative"),
    )

    need_id: Mapped[int] = mapped_column(
        ForeignKey("needs.id", ondelete="CASCADE"), primary_key=True)
    position: Mapped[int] = mapped_column(primary_key=True)
    skill: Mapped[str]
    level: Mapped[int]
    count: Mapped[int]
    extra: Mapped[dict[str, Any] | None] = mapped_column(JSONValue)
    under_weight: Mapped[int | None]
    over_weight: Mapped[int | None]


class NeedEquipment(Base):
    __tablename__ = "need_equipment"
    __table_args__ = (CheckConstraint("count >= 1", name="count_positive"),)

    need_id: Mapped[int] = mapped_column(
        ForeignKey("needs.id", ondelete="CASCADE"), primary_key=True)
    position: Mapped[int] = mapped_column(primary_key=True)
    type: Mapped[str]
    count: Mapped[int]
    extra: Mapped[dict[str, Any] | None] = mapped_column(JSONValue)


class PlanVersion(Base):
    """A plan saved for a week with the exact scenario it answers; final once published."""

    __tablename__ = "plan_versions"
    __table_args__ = (
        UniqueConstraint("week_id", "number"),
        CheckConstraint("number >= 1", name="number_positive"),
        CheckConstraint(one_of("status", PLAN_STATUSES), name="status"),
        CheckConstraint("(status = 'published') = (published_at IS NOT NULL)",
                        name="published_at_iff_published"),
        CheckConstraint(one_of("solver_status", SOLVER_STATUSES), name="solver_status"),
        CheckConstraint("met_needs >= 0 AND unmet_needs >= 0", name="need_counts_not_negative"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    week_id: Mapped[int] = mapped_column(ForeignKey("planning_weeks.id", ondelete="CASCADE"))
    number: Mapped[int]
    status: Mapped[str]
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    scenario: Mapped[dict[str, Any]] = mapped_column(JSONValue)
    """The scenario the plan answers, in format v1."""
    plan: Mapped[dict[str, Any]] = mapped_column(JSONValue)
    """The plan, in format v1."""
    solver_status: Mapped[str]
    objective: Mapped[float | None] = mapped_column(Double)
    bound: Mapped[float | None] = mapped_column(Double)
    met_needs: Mapped[int]
    unmet_needs: Mapped[int]

    week: Mapped[PlanningWeek] = relationship(back_populates="plan_versions")


@event.listens_for(PlanVersion, "before_update")
@event.listens_for(PlanVersion, "before_delete")
def refuse_to_touch_published_plan(mapper: Any, connection: Any, version: PlanVersion) -> None:
    """A published plan is what facilitators were told: it is never changed or deleted."""
    history = inspect(version).attrs.status.history
    previous = history.deleted[0] if history.deleted else version.status
    if previous == "published":
        raise PublishedPlanIsFinal(version.id)


# --- accounts and background solves ----------------------------------------------------------

ROLES = ("coordinator", "site_manager", "facilitator")
PLAN_RUN_STATUSES = ("queued", "running", "done", "failed", "cancelled")


class User(Base):
    """A person who signs in: a coordinator (whole network), a site manager or a facilitator.

    Sites and the facilitator are named by their interchange ids (`code`), not by foreign keys:
    an import replaces a network's site and facilitator rows, while the ids people know stay.
    """

    __tablename__ = "users"
    __table_args__ = (
        CheckConstraint("email <> ''", name="email_not_empty"),
        CheckConstraint(one_of("role", ROLES), name="role"),
        CheckConstraint(one_of("language", ("fr", "en")), name="language"),
        CheckConstraint("(role = 'facilitator') = (facilitator_code IS NOT NULL)",
                        name="facilitator_code_iff_facilitator"),
        CheckConstraint("role = 'coordinator' OR network_id IS NOT NULL",
                        name="network_unless_coordinator"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(unique=True)
    """Stored lower-case: people type it in any case."""
    name: Mapped[str]
    password_hash: Mapped[str]
    role: Mapped[str]
    network_id: Mapped[int | None] = mapped_column(
        ForeignKey("networks.id", ondelete="CASCADE"))
    """NULL only for a coordinator of the whole installation (every network)."""
    facilitator_code: Mapped[str | None]
    language: Mapped[str]
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)

    network: Mapped[Network | None] = relationship()
    sites: Mapped[list[UserSite]] = relationship(
        order_by="UserSite.site_code", cascade="all, delete-orphan", passive_deletes=True)


class UserSite(Base):
    """A site (by its id in the user's network) that a site manager manages."""

    __tablename__ = "user_sites"

    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    site_code: Mapped[str] = mapped_column(primary_key=True)


class LoginAttempt(Base):
    """A failed sign-in, kept a while so that repeated failures lock the address out."""

    __tablename__ = "login_attempts"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(index=True)
    attempted_at: Mapped[datetime] = mapped_column(UTCDateTime)


class ApiToken(Base):
    """A bearer token of the JSON API; only its SHA-256 is stored."""

    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    token_hash: Mapped[str] = mapped_column(unique=True)
    label: Mapped[str]
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    last_used_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    user: Mapped[User] = relationship()


class CalendarToken(Base):
    """The secret in a facilitator's iCal feed URL.

    Kept in clear, unlike API tokens: the facilitator's page shows the feed URL every time, and
    the feed only reads their own assignments. Replacing the token revokes old subscriptions.
    """

    __tablename__ = "calendar_tokens"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"),
                                         unique=True)
    token: Mapped[str] = mapped_column(unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)

    user: Mapped[User] = relationship()


class PlanRun(Base):
    """A solve of one week running outside the web request, tracked here rather than in memory.

    `progress` lists the solutions found so far: `{"elapsed", "objective", "bound",
    "coverage"}`. The worker polls `cancel_requested`; when done it links the saved version.
    """

    __tablename__ = "plan_runs"
    __table_args__ = (CheckConstraint(one_of("status", PLAN_RUN_STATUSES), name="status"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    week_id: Mapped[int] = mapped_column(ForeignKey("planning_weeks.id", ondelete="CASCADE"))
    requested_by: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"))
    status: Mapped[str]
    options: Mapped[dict[str, Any] | None] = mapped_column(JSONValue)
    """The solve settings asked for (time limit, keep pins...)."""
    progress: Mapped[list[dict[str, Any]]] = mapped_column(JSONValue)
    cancel_requested: Mapped[bool]
    plan_version_id: Mapped[int | None] = mapped_column(
        ForeignKey("plan_versions.id", ondelete="SET NULL"))
    error: Mapped[str | None]
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    started_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    week: Mapped[PlanningWeek] = relationship()
    plan_version: Mapped[PlanVersion | None] = relationship()
