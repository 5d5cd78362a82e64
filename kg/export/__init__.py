"""Outputs of a built graph: RDF serialisations, GraphML, the HTML explorer."""
