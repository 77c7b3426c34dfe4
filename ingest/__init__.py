"""Documents and data files -> facts -> RDF and property-graph rows; the build."""
