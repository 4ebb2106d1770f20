"""Initial schema: networks, shared resources, planning weeks, needs, plan versions.

Revision ID: 0001
Revises:
Create Date: 2026-11-25
"""

from alembic import op
import sqlalchemy as sa

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('networks',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(), nullable=False),
    sa.Column('slot_minutes', sa.Integer(), nullable=False),
    sa.Column('timezone', sa.String(), nullable=False),
    sa.Column('skills', sa.JSON(none_as_null=True), nullable=True),
    sa.Column('extra', sa.JSON(none_as_null=True), nullable=True),
    sa.CheckConstraint("name <> ''", name=op.f('ck_networks_name_not_empty')),
    sa.CheckConstraint('slot_minutes IN (5, 10, 15, 30, 60)', name=op.f('ck_networks_slot_minutes')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_networks')),
    sa.UniqueConstraint('name', name=op.f('uq_networks_name'))
    )
    op.create_table('planning_weeks',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('network_id', sa.Integer(), nullable=False),
    sa.Column('week_start', sa.Date(), nullable=False),
    sa.Column('days', sa.Integer(), nullable=False),
    sa.Column('extra', sa.JSON(none_as_null=True), nullable=True),
    sa.CheckConstraint('days BETWEEN 1 AND 366', name=op.f('ck_planning_weeks_days_1_to_366')),
    sa.ForeignKeyConstraint(['network_id'], ['networks.id'], name=op.f('fk_planning_weeks_network_id_networks'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_planning_weeks')),
    sa.UniqueConstraint('network_id', 'week_start', name=op.f('uq_planning_weeks_network_id_week_start'))
    )
    op.create_table('sites',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('network_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(), nullable=False),
    sa.Column('name', sa.String(), nullable=False),
    sa.Column('commune', sa.String(), nullable=True),
    sa.Column('lat', sa.Double(), nullable=True),
    sa.Column('lon', sa.Double(), nullable=True),
    sa.Column('pool_share', sa.Double(), nullable=False),
    sa.Column('extra', sa.JSON(none_as_null=True), nullable=True),
    sa.CheckConstraint('pool_share >= 0', name=op.f('ck_sites_pool_share_not_negative')),
    sa.ForeignKeyConstraint(['network_id'], ['networks.id'], name=op.f('fk_sites_network_id_networks'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sites')),
    sa.UniqueConstraint('network_id', 'code', name=op.f('uq_sites_network_id_code'))
    )
    op.create_table('equipment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('network_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(), nullable=False),
    sa.Column('type', sa.String(), nullable=False),
    sa.Column('name', sa.String(), nullable=True),
    sa.Column('home_site', sa.String(), nullable=False),
    sa.Column('mobile', sa.Boolean(), nullable=False),
    sa.Column('unavailable', sa.JSON(none_as_null=True), nullable=False),
    sa.Column('extra', sa.JSON(none_as_null=True), nullable=True),
    sa.ForeignKeyConstraint(['network_id', 'home_site'], ['sites.network_id', 'sites.code'], name=op.f('fk_equipment_network_id_home_site_sites')),
    sa.ForeignKeyConstraint(['network_id'], ['networks.id'], name=op.f('fk_equipment_network_id_networks'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_equipment')),
    sa.UniqueConstraint('network_id', 'code', name=op.f('uq_equipment_network_id_code'))
    )
    op.create_table('facilitators',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('network_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(), nullable=False),
    sa.Column('name', sa.String(), nullable=False),
    sa.Column('home_site', sa.String(), nullable=False),
    sa.Column('availability', sa.JSON(none_as_null=True), nullable=False),
    sa.Column('unavailable', sa.JSON(none_as_null=True), nullable=False),
    sa.Column('avoid', sa.JSON(none_as_null=True), nullable=False),
    sa.Column('sites', sa.JSON(none_as_null=True), nullable=True),
    sa.Column('weekly_min', sa.Integer(), nullable=False),
    sa.Column('weekly_target', sa.Integer(), nullable=True),
    sa.Column('weekly_max', sa.Integer(), nullable=False),
    sa.Column('weekly_extra', sa.JSON(none_as_null=True), nullable=True),
    sa.Column('max_daily_minutes', sa.Integer(), nullable=False),
    sa.Column('max_days_per_week', sa.Integer(), nullable=False),
    sa.Column('max_daily_travel_minutes', sa.Integer(), nullable=True),
    sa.Column('extra', sa.JSON(none_as_null=True), nullable=True),
    sa.CheckConstraint('max_daily_minutes >= 0', name=op.f('ck_facilitators_max_daily_minutes_not_negative')),
    sa.CheckConstraint('max_daily_travel_minutes >= 0', name=op.f('ck_facilitators_max_daily_travel_minutes_not_negative')),
    sa.CheckConstraint('max_days_per_week >= 0', name=op.f('ck_facilitators_max_days_per_week_not_negative')),
    sa.CheckConstraint('weekly_max >= 0', name=op.f('ck_facilitators_weekly_max_not_negative')),
    sa.CheckConstraint('weekly_min >= 0', name=op.f('ck_facilitators_weekly_min_not_negative')),
    sa.CheckConstraint('weekly_target >= 0', name=op.f('ck_facilitators_weekly_target_not_negative')),
    sa.ForeignKeyConstraint(['network_id', 'home_site'], ['sites.network_id', 'sites.code'], name=op.f('fk_facilitators_network_id_home_site_sites')),
    sa.ForeignKeyConstraint(['network_id'], ['networks.id'], name=op.f('fk_facilitators_network_id_networks'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_facilitators')),
    sa.UniqueConstraint('network_id', 'code', name=op.f('uq_facilitators_network_id_code'))
    )
    op.create_table('needs',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('week_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(), nullable=False),
    sa.Column('site', sa.String(), nullable=False),
    sa.Column('title', sa.String(), nullable=False),
    sa.Column('kind', sa.String(), nullable=True),
    sa.Column('date', sa.Date(), nullable=True),
    sa.Column('start_minute', sa.Integer(), nullable=True),
    sa.Column('end_minute', sa.Integer(), nullable=True),
    sa.Column('days', sa.JSON(none_as_null=True), nullable=True),
    sa.Column('window_start', sa.Integer(), nullable=True),
    sa.Column('window_end', sa.Integer(), nullable=True),
    sa.Column('window_extra', sa.JSON(none_as_null=True), nullable=True),
    sa.Column('duration_minutes', sa.Integer(), nullable=True),
    sa.Column('attendees', sa.Integer(), nullable=False),
    sa.Column('room', sa.JSON(none_as_null=True), nullable=True),
    sa.Column('priority', sa.String(), nullable=False),
    sa.Column('preferred_facilitators', sa.JSON(none_as_null=True), nullable=False),
    sa.Column('pinned', sa.JSON(none_as_null=True), nullable=True),
    sa.Column('extra', sa.JSON(none_as_null=True), nullable=True),
    sa.CheckConstraint("priority IN ('required', 'high', 'normal', 'low')", name=op.f('ck_needs_priority')),
    sa.CheckConstraint('(date IS NOT NULL AND start_minute IS NOT NULL AND end_minute IS NOT NULL AND start_minute < end_minute AND days IS NULL AND window_start IS NULL AND window_end IS NULL AND duration_minutes IS NULL) OR (days IS NOT NULL AND window_start IS NOT NULL AND window_end IS NOT NULL AND window_start < window_end AND duration_minutes > 0 AND date IS NULL AND start_minute IS NULL AND end_minute IS NULL)', name=op.f('ck_needs_fixed_or_flexible')),
    sa.CheckConstraint('attendees >= 0', name=op.f('ck_needs_attendees_not_negative')),
    sa.ForeignKeyConstraint(['week_id'], ['planning_weeks.id'], name=op.f('fk_needs_week_id_planning_weeks'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_needs')),
    sa.UniqueConstraint('week_id', 'code', name=op.f('uq_needs_week_id_code'))
    )
    op.create_table('plan_versions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('week_id', sa.Integer(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('published_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('scenario', sa.JSON(none_as_null=True), nullable=False),
    sa.Column('plan', sa.JSON(none_as_null=True), nullable=False),
    sa.Column('solver_status', sa.String(), nullable=False),
    sa.Column('objective', sa.Double(), nullable=True),
    sa.Column('bound', sa.Double(), nullable=True),
    sa.Column('met_needs', sa.Integer(), nullable=False),
    sa.Column('unmet_needs', sa.Integer(), nullable=False),
    sa.CheckConstraint("(status = 'published') = (published_at IS NOT NULL)", name=op.f('ck_plan_versions_published_at_iff_published')),
    sa.CheckConstraint("solver_status IN ('optimal', 'feasible', 'unknown')", name=op.f('ck_plan_versions_solver_status')),
    sa.CheckConstraint("status IN ('draft', 'published')", name=op.f('ck_plan_versions_status')),
    sa.CheckConstraint('met_needs >= 0 AND unmet_needs >= 0', name=op.f('ck_plan_versions_need_counts_not_negative')),
    sa.CheckConstraint('number >= 1', name=op.f('ck_plan_versions_number_positive')),
    sa.ForeignKeyConstraint(['week_id'], ['planning_weeks.id'], name=op.f('fk_plan_versions_week_id_planning_weeks'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_plan_versions')),
    sa.UniqueConstraint('week_id', 'number', name=op.f('uq_plan_versions_week_id_number'))
    )
    op.create_table('rooms',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('network_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(), nullable=False),
    sa.Column('site', sa.String(), nullable=False),
    sa.Column('name', sa.String(), nullable=False),
    sa.Column('capacity', sa.Integer(), nullable=False),
    sa.Column('features', sa.JSON(none_as_null=True), nullable=False),
    sa.Column('availability', sa.JSON(none_as_null=True), nullable=True),
    sa.Column('extra', sa.JSON(none_as_null=True), nullable=True),
    sa.CheckConstraint('capacity >= 0', name=op.f('ck_rooms_capacity_not_negative')),
    sa.ForeignKeyConstraint(['network_id', 'site'], ['sites.network_id', 'sites.code'], name=op.f('fk_rooms_network_id_site_sites')),
    sa.ForeignKeyConstraint(['network_id'], ['networks.id'], name=op.f('fk_rooms_network_id_networks'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_rooms')),
    sa.UniqueConstraint('network_id', 'code', name=op.f('uq_rooms_network_id_code'))
    )
    op.create_table('travel_pairs',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('network_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('from_site', sa.String(), nullable=False),
    sa.Column('to_site', sa.String(), nullable=False),
    sa.Column('minutes', sa.Integer(), nullable=False),
    sa.CheckConstraint('minutes >= 0', name=op.f('ck_travel_pairs_minutes_not_negative')),
    sa.ForeignKeyConstraint(['network_id', 'from_site'], ['sites.network_id', 'sites.code'], name=op.f('fk_travel_pairs_network_id_from_site_sites')),
    sa.ForeignKeyConstraint(['network_id', 'to_site'], ['sites.network_id', 'sites.code'], name=op.f('fk_travel_pairs_network_id_to_site_sites')),
    sa.ForeignKeyConstraint(['network_id'], ['networks.id'], name=op.f('fk_travel_pairs_network_id_networks'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_travel_pairs')),
    sa.UniqueConstraint('network_id', 'from_site', 'to_site', name=op.f('uq_travel_pairs_network_id_from_site_to_site'))
    )
    op.create_table('facilitator_skills',
    sa.Column('facilitator_id', sa.Integer(), nullable=False),
    sa.Column('skill', sa.String(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('level', sa.Integer(), nullable=False),
    sa.CheckConstraint('level BETWEEN 1 AND 3', name=op.f('ck_facilitator_skills_level_1_to_3')),
    sa.ForeignKeyConstraint(['facilitator_id'], ['facilitators.id'], name=op.f('fk_facilitator_skills_facilitator_id_facilitators'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('facilitator_id', 'skill', name=op.f('pk_facilitator_skills'))
    )
    op.create_table('need_equipment',
    sa.Column('need_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('type', sa.String(), nullable=False),
    sa.Column('count', sa.Integer(), nullable=False),
    sa.Column('extra', sa.JSON(none_as_null=True), nullable=True),
    sa.CheckConstraint('count >= 1', name=op.f('ck_need_equipment_count_positive')),
    sa.ForeignKeyConstraint(['need_id'], ['needs.id'], name=op.f('fk_need_equipment_need_id_needs'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('need_id', 'position', name=op.f('pk_need_equipment'))
    )
    op.create_table('need_staff_lines',
    sa.Column('need_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('skill', sa.String(), nullable=False),
    sa.Column('level', sa.Integer(), nullable=False),
    sa.Column('count', sa.Integer(), nullable=False),
    sa.Column('extra', sa.JSON(none_as_null=True), nullable=True),
    sa.CheckConstraint('count >= 1', name=op.f('ck_need_staff_lines_count_positive')),
    sa.CheckConstraint('level BETWEEN 1 AND 3', name=op.f('ck_need_staff_lines_level_1_to_3')),
    sa.ForeignKeyConstraint(['need_id'], ['needs.id'], name=op.f('fk_need_staff_lines_need_id_needs'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('need_id', 'position', name=op.f('pk_need_staff_lines'))
    )


def downgrade() -> None:
    op.drop_table('need_staff_lines')
    op.drop_table('need_equipment')
    op.drop_table('facilitator_skills')
    op.drop_table('travel_pairs')
    op.drop_table('rooms')
    op.drop_table('plan_versions')
    op.drop_table('needs')
    op.drop_table('facilitators')
    op.drop_table('equipment')
    op.drop_table('sites')
    op.drop_table('planning_weeks')
    op.drop_table('networks')
