"""Root mutation fields, grouped by capability."""
