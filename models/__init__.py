"""Storage layer: SQLAlchemy tables, sessions, Alembic migrations, the crawler's `Store`, search and export.

    from models.store import Store, StoreError, ArticleSaveError
    store = Store()                      # $VNPORTAL_DB, else ./vnportal.db; any SQLAlchemy URL or a path
    store.upsert_portal(PortalRecord(...)); run = store.start_run([slug])
    saved = store.save_page(FetchedPage(...), "article", article)  # one transaction; idempotent;
    # replaces the article's facts; saved.error / saved.fact_failures say what could not be stored
    store.finish_run(run, {"pages": n, ...})
    export_csv(store.engine, Path("out"))       # models.export; also `python -m models.export OUT --db URL`

`models.records` holds the plain dataclasses the crawler fills; it imports no SQLAlchemy.
Schema changes: edit `models.tables`, then add a revision under `models/migrations/versions/`.
"""
