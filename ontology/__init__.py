"""The graph's schema: contract, ontology files, models of the facts, exceptions."""
