"""Colour management: embedded ICC profiles (or EXIF's Adobe RGB mark) to sRGB."""
