"""Create the configured PostgreSQL database if it does not exist yet.

SQLite needs nothing (the file is created on first use), so `make run` calls
this on every start and it is a no-op there.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connections
from django.db.utils import OperationalError


class Command(BaseCommand):
    help = "Create the configured database if it is missing (PostgreSQL only)."

    def handle(self, *args, **options):
        db = settings.DATABASES["default"]
        if "postgresql" not in db["ENGINE"]:
            return
        try:
            connections["default"].ensure_connection()
            return
        except OperationalError as error:
            if "does not exist" not in str(error):
                raise CommandError(f"Không kết nối được PostgreSQL: {error}") from error
        import psycopg
        from psycopg import sql

        params = {
            "host": db.get("HOST") or None,
            "port": db.get("PORT") or None,
            "user": db.get("USER") or None,
            "password": db.get("PASSWORD") or None,
            "dbname": "postgres",
        }
        with psycopg.connect(**{k: v for k, v in params.items() if v}, autocommit=True) as conn:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(db["NAME"])))
        self.stdout.write(f"Đã tạo cơ sở dữ liệu {db['NAME']}.")
