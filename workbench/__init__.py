"""Offline translation-and-alignment workbench for Arabic and French news."""

__version__ = "0.1.0"
