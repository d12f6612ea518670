"""Synthetic claim-file generator (deterministic by seed)."""
