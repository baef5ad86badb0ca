"""Storage: SQLAlchemy models, the engine, migrations and the audit chain. No rules, no UI."""
