"""What the viewer remembers between runs, and the few settings start-up reads before Qt's
widgets are imported.
"""
