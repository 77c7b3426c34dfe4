"""Everything that speaks Cypher: the store interface, its backends, the guard, the catalog."""
