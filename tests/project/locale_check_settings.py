"""Settings for the catalogue check: makemessages writes into a scratch folder."""

import os

from newsroom.settings import *  # noqa: F403

LOCALE_PATHS = [os.environ["NEWSROOM_LOCALE_CHECK_DIR"]]
