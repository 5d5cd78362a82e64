"""Records -> RDF, the store, and graph views.

- :mod:`kg.graph.iris`: stable IRIs for every record
- :mod:`kg.graph.rdf`: ``extraction_to_graph`` (one article's triples)
- :mod:`kg.graph.store`: the Oxigraph store, one named graph per article
- :mod:`kg.graph.shared`: what articles share (entity names once, co-mention counts)
- :mod:`kg.graph.view`: ``to_networkx`` for analysis and the explorer
- :mod:`kg.graph.validate`: SHACL validation of a store

``kg.graph`` never imports ``kg.export`` or ``kg.cli``.
"""
