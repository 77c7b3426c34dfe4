"""``rsg`` 명령 / the command-line tool: ``main`` builds it from one module per command group."""
