"""HTTP 앱 / the HTTP app: routers, dependencies, errors, cache, security, content negotiation."""
