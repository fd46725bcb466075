"""What runs before the first frame: the early read and decode of the first image."""
