"""Use cases: authorise, validate, apply the domain, persist through ports, emit events."""
