"""Seed data for the local stack (illustrative)."""
