"""Plain-function services shared by the blueprints and the worker (rows in, rows out)."""
