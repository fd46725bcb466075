"""Allows ``python -m viewer``, identical to the ``viewer`` console script."""

import sys

from viewer.app import main

sys.exit(main())
