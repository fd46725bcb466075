"""Settings: what the viewer remembers between runs, its defaults, what start-up reads."""
