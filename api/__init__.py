"""HTTP API (FastAPI) and the ``rsg`` command-line tool."""
