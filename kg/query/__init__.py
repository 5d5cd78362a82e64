"""SPARQL over the store: the read-only runner behind ``kg query``, the canned
queries in ``ontology/queries``, and the HTTP endpoint behind ``kg serve``."""

from .canned import CannedQuery, canned_queries, canned_query
from .runner import QueryResult, open_store, oxigraph_of, run_query

__all__ = ["CannedQuery", "QueryResult", "canned_queries", "canned_query", "open_store", "oxigraph_of", "run_query"]
