"""The domain's enums, each registered once with Strawberry, in one small module per area of the schema.

Import an enum for the API from its module here: Strawberry must see the registration before any type or
input mentions the enum, or it derives a second, conflicting definition of its own. A module imports only
the domain modules that define its enums, so that a section (``functions/api/schema_sections.py``)
imports the domain behind the enums its types show and no other (a filing does not load the monitoring
office's domain for its enums; docs/performance.md). This package itself imports nothing.
"""
