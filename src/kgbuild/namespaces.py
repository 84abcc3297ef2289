"""Namespaces of the kgbuild vocabulary (minimal version; the lead's module supersedes it)."""

from rdflib import Namespace

KGB = Namespace("https://w3id.org/kgbuild/ontology#")
KGR = Namespace("https://w3id.org/kgbuild/role#")
