"""CAMEO event codes (names, Goldstein weights, QuadClass), PLOVER types and the CAMEO->PLOVER map."""

from standoff.ontology.codes import UnknownCode, parent_of, penta_class, quad_class_of_root, root_of
from standoff.ontology.loader import CameoCode, Ontology, PloverType, load_ontology

__all__ = [
    "CameoCode",
    "Ontology",
    "PloverType",
    "UnknownCode",
    "load_ontology",
    "parent_of",
    "penta_class",
    "quad_class_of_root",
    "root_of",
]
