"""Pieces of source reading that do not depend on the file format: bytes to text
(`encoding`) and removal of page furniture from text (`chrome`)."""

from .chrome import strip_chrome
from .encoding import decode, sniff_binary

__all__ = ["decode", "sniff_binary", "strip_chrome"]
