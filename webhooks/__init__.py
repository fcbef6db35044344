"""Publish webhooks: a signed JSON event per change, written to an outbox and delivered in order."""
