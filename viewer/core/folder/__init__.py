"""A folder as an ordered sequence of images: listing, sort orders and "Go to image"."""
