"""Widgets. They only show finished images and forward the user's intent to the model."""
