"""The `eportal` command: Django's manage.py with the project's settings preset."""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "eportal.settings")
    from django.core.management import execute_from_command_line

    if sys.argv[1:2] != ["runserver"]:
        from eportal.core import db_router

        # Commands read what they or the requests before them just wrote (the
        # task worker runs mail and PDFs of rows a request committed a moment
        # ago; imports check for duplicates): with a replica, all of it is
        # read from the primary.
        db_router.pin_primary()
    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
