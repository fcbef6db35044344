"""The full-text index SQL of the database engine, per database vendor.

SQLite: an FTS5 table over the indexed pages' title, summary and body, with the unicode61
tokenizer folding diacritics (``remove_diacritics 2``) and prefix indexes for typing ahead,
kept in step with ``network_search_indexedpage`` by triggers.

PostgreSQL: a text search configuration ``network_search`` that lower-cases and strips
diacritics (``unaccent``; the built-in ``simple`` keeps them) for every word, and a generated,
weighted ``tsvector`` column with a GIN index. No stemming: Slovenian has no stemmer, and the
same configuration must serve search and typing ahead in every language.
"""

from __future__ import annotations

TABLE = "network_search_indexedpage"
FTS_TABLE = "network_search_fts"
PG_CONFIG = "network_search"

SQLITE_CREATE = [
    f"""CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5(
        title, summary, body,
        content='{TABLE}', content_rowid='page_id',
        tokenize='unicode61 remove_diacritics 2', prefix='2 3 4'
    )""",
    f"""CREATE TRIGGER {FTS_TABLE}_insert AFTER INSERT ON {TABLE} BEGIN
        INSERT INTO {FTS_TABLE}(rowid, title, summary, body)
        VALUES (new.page_id, new.title, new.summary, new.body);
    END""",
    f"""CREATE TRIGGER {FTS_TABLE}_delete AFTER DELETE ON {TABLE} BEGIN
        INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, title, summary, body)
        VALUES ('delete', old.page_id, old.title, old.summary, old.body);
    END""",
    f"""CREATE TRIGGER {FTS_TABLE}_update AFTER UPDATE OF title, summary, body ON {TABLE} BEGIN
        INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, title, summary, body)
        VALUES ('delete', old.page_id, old.title, old.summary, old.body);
        INSERT INTO {FTS_TABLE}(rowid, title, summary, body)
        VALUES (new.page_id, new.title, new.summary, new.body);
    END""",
]
SQLITE_DROP = [
    f"DROP TRIGGER IF EXISTS {FTS_TABLE}_update",
    f"DROP TRIGGER IF EXISTS {FTS_TABLE}_delete",
    f"DROP TRIGGER IF EXISTS {FTS_TABLE}_insert",
    f"DROP TABLE IF EXISTS {FTS_TABLE}",
]

POSTGRES_CREATE = [
    # Needs a role allowed to create extensions the first time (see docs/search.md).
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    f"CREATE TEXT SEARCH CONFIGURATION {PG_CONFIG} (COPY = pg_catalog.simple)",
    f"""ALTER TEXT SEARCH CONFIGURATION {PG_CONFIG}
        ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part
        WITH unaccent, simple""",
    f"""ALTER TABLE {TABLE} ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('{PG_CONFIG}'::regconfig, coalesce(title, '')), 'A')
        || setweight(to_tsvector('{PG_CONFIG}'::regconfig, coalesce(summary, '')), 'B')
        || setweight(to_tsvector('{PG_CONFIG}'::regconfig, coalesce(body, '')), 'C')
    ) STORED""",
    f"CREATE INDEX {TABLE}_search_vector ON {TABLE} USING gin (search_vector)",
]
# Ranking reads a small vector of the title and summary: ranking by the full text would
# read (and decompress) every match's whole body.
POSTGRES_RANK_CREATE = [
    f"""ALTER TABLE {TABLE} ADD COLUMN rank_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('{PG_CONFIG}'::regconfig, coalesce(title, '')), 'A')
        || setweight(to_tsvector('{PG_CONFIG}'::regconfig, coalesce(summary, '')), 'B')
    ) STORED""",
]
POSTGRES_RANK_DROP = [f"ALTER TABLE {TABLE} DROP COLUMN IF EXISTS rank_vector"]

POSTGRES_DROP = [
    f"DROP INDEX IF EXISTS {TABLE}_search_vector",
    f"ALTER TABLE {TABLE} DROP COLUMN IF EXISTS search_vector",
    f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {PG_CONFIG}",
]


def create_rank_vector(schema_editor) -> None:
    if schema_editor.connection.vendor == "postgresql":
        for statement in POSTGRES_RANK_CREATE:
            schema_editor.execute(statement)


def drop_rank_vector(schema_editor) -> None:
    if schema_editor.connection.vendor == "postgresql":
        for statement in POSTGRES_RANK_DROP:
            schema_editor.execute(statement)


def restore_sqlite_triggers(schema_editor) -> None:
    """Create the FTS5 triggers again: SQLite adds some columns by copying the table into a
    new one, which drops the old table's triggers (the FTS5 rows, keyed by page id, stay)."""
    if schema_editor.connection.vendor != "sqlite":
        return
    for statement in SQLITE_DROP[:3] + SQLITE_CREATE[1:]:
        schema_editor.execute(statement)


def create(schema_editor) -> None:
    for statement in _statements(schema_editor, POSTGRES_CREATE, SQLITE_CREATE):
        schema_editor.execute(statement)


def drop(schema_editor) -> None:
    for statement in _statements(schema_editor, POSTGRES_DROP, SQLITE_DROP):
        schema_editor.execute(statement)


def _statements(schema_editor, postgres: list[str], sqlite: list[str]) -> list[str]:
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        return postgres
    if vendor == "sqlite":
        return sqlite
    raise NotImplementedError(f"The network search has no full-text index for {vendor}.")
