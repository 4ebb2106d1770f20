"""Rostering rules: a facilitator's rules, staff lines' under and over weights (count 0 allowed
on a weighted line).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26
"""

from alembic import op
import sqlalchemy as sa

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None

COUNT_RULE = ("count >= 1 OR (count = 0 AND (under_weight IS NOT NULL"
              " OR over_weight IS NOT NULL))")


def upgrade() -> None:
    with op.batch_alter_table('facilitators', schema=None) as batch_op:
        batch_op.add_column(sa.Column('rostering', sa.JSON(none_as_null=True), nullable=True))

    with op.batch_alter_table('need_staff_lines', schema=None) as batch_op:
        batch_op.add_column(sa.Column('under_weight', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('over_weight', sa.Integer(), nullable=True))
        batch_op.drop_constraint(batch_op.f('ck_need_staff_lines_count_positive'), type_='check')
        batch_op.create_check_constraint(
            batch_op.f('ck_need_staff_lines_count_positive_unless_target'), COUNT_RULE)
        batch_op.create_check_constraint(
            batch_op.f('ck_need_staff_lines_weights_not_negative'),
            'under_weight >= 0 AND over_weight >= 0')


def downgrade() -> None:
    op.execute('DELETE FROM need_staff_lines WHERE count = 0')
    with op.batch_alter_table('need_staff_lines', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('ck_need_staff_lines_weights_not_negative'),
                                 type_='check')
        batch_op.drop_constraint(batch_op.f('ck_need_staff_lines_count_positive_unless_target'),
                                 type_='check')
        batch_op.create_check_constraint(batch_op.f('ck_need_staff_lines_count_positive'),
                                         'count >= 1')
        batch_op.drop_column('over_weight')
        batch_op.drop_column('under_weight')

    with op.batch_alter_table('facilitators', schema=None) as batch_op:
        batch_op.drop_column('rostering')
