"""Camera RAW: the embedded preview read as a range, and LibRaw only when more is needed."""
