"""The SNS topics, one module each, with what is published on it and how its messages are read, side by
side so the two cannot drift apart: ``notifications`` (an SMS waits in the outbox), ``events`` (request
events and the monitoring office's alerts), ``handoffs`` and ``monitoring`` (both published by the
hand-off state machine, ``infra/statemachines/handoff.asl.json``; read here)."""
