"""Pieces of source reading that do not depend on the file format: bytes to text
(`encoding`), removal of page furniture from text (`chrome`), and a safety check for XML
before any parser sees it (`xmlguard`)."""

from .chrome import strip_chrome
from .encoding import decode, sniff_binary
from .xmlguard import check_xml_entities

__all__ = ["check_xml_entities", "decode", "sniff_binary", "strip_chrome"]
