"""Thumbnails on screen: the grid, the film strip, and the cells they share."""
