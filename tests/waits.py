"""How long tests wait for a signal or a condition before failing."""

TIMEOUT_MS = 5000
