"""Offers and placements for employers: anonymised until accepted, then confirm the start."""
