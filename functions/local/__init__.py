"""The local stack: moto server, provisioning from infra/, seed data, dev server. Never packaged."""
