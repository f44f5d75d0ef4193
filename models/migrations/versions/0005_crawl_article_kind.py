"""Articles carry their kind (article or notice) and the files they link to.

A notice whose body only points to an attachment ("Chi tiết xem tại file đính kèm") is stored as an
article of kind 'notice' with its attachment links, instead of being dropped as "not an article".

Revision ID: 0005_crawl
Revises: 0004_analyst
Create Date: 2026-12-05 09:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005_crawl"
down_revision: str | None = "0004_analyst"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


# Plain ADD COLUMN (no CHECK constraint): SQLite would otherwise rebuild the table under the analyst views.


def upgrade() -> None:
    op.add_column("articles", sa.Column("kind", sa.String(length=20), nullable=False, server_default="article"))
    op.add_column("articles", sa.Column("attachments", sa.JSON(), nullable=True))


def downgrade() -> None:
    op.drop_column("articles", "attachments")
    op.drop_column("articles", "kind")
