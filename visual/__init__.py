"""Graph views: query records -> view graph -> offline HTML page (pyvis data, own template,
vis-network inlined), static PNG/SVG for print, and the overlap heatmap."""
