"""Front doors: ``api.web`` (HTTP), ``api.cli`` (``rsg``), ``api.facade`` (notebooks)."""
