"""The compare view: images side by side with zoom and pan in step."""
