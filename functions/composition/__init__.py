"""The composition root's parts, by responsibility (the root itself: ``functions/bootstrap.py``)."""
