"""Colour: what a file carries (EXIF, ICC), the user's choices, conversion to sRGB."""
