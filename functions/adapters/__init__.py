"""The AWS edge: each adapter takes its client or table binding in its constructor."""
