"""Root query fields, grouped by capability."""
