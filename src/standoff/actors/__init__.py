"""Actors: the knowledge base of states, organisations, sector words and office holders,
mention finding, resolution to CAMEO actor codes, and coreference."""
