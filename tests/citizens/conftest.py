# The fixtures of procedures, citizens and dossiers (shared by the three apps' tests).
from tests.online_services import *  # noqa: F403
