"""Exports of the dossier for other tools."""
