"""Moving through a folder: place, opening, sorting, slideshow, recent folders, info panel."""
