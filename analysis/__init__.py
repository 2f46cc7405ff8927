"""Arabic news on the US military presence in Iraq -> tidy tables of reported numbers and dated
events -> charts with correctly shaped Arabic labels.

    >>> import analysis
    >>> tables = analysis.build_tables(["seeds"])
    >>> tables.claims[["kind", "value", "qualifier", "sentence"]]
"""

from .corpus import Document, InputError, Problem, iter_documents, read_catalog
from .extract import extract_document
from .tables import SchemaError, Tables, build_tables

__all__ = ["Document", "InputError", "Problem", "SchemaError", "Tables", "build_tables", "extract_document",
           "iter_documents", "read_catalog"]
