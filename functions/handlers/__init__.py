"""Lambda entry points: decorators plus one call each."""
