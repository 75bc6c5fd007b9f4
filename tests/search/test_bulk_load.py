"""A fresh load of the index on PostgreSQL: written by several connections at
once, indexes built at the end, a failure reported and the indexes back."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, connection

from eportal.search import bulk
from eportal.search.models import SearchEntry
from eportal.search.services import entry_fields

if connection.vendor != "postgresql":
    # Skipped whole: a skipped transactional test would still rebuild the shared data.
    pytest.skip("the parallel load is PostgreSQL's", allow_module_level=True)

pytestmark = pytest.mark.django_db(transaction=True)


def rows(n, content_type_id, portal_id=None):
    for i in range(n):
        fields = entry_fields(
            title=f"Thông báo số {i} về lịch tiếp công dân", text=f"Nội dung thông báo {i}."
        )
        fields.update(kind="article", url=f"/tb/{i}/", portal_id=portal_id, language="vi")
        yield content_type_id, str(i), fields


def indexes():
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexname FROM pg_indexes WHERE tablename = 'search_entry'")
        return {name for (name,) in cursor.fetchall()}


def test_a_fresh_load_is_written_by_several_connections_and_indexed_at_the_end(monkeypatch):
    monkeypatch.setattr(bulk, "BATCH_SIZE", 100)
    written = []
    SearchEntry.objects.all().delete()
    content_type = ContentType.objects.get_for_model(SearchEntry).pk

    done = bulk.index_rows(rows(1050, content_type), fresh=True, progress=written.append)

    assert done == 1050 == SearchEntry.objects.count()
    assert written[-1] == 1050 and written == sorted(written)
    assert set(bulk.POSTGRES_LOAD_INDEXES) <= indexes()
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM search_entry "
            "WHERE search_vector @@ to_tsquery('eportal_vi', 'tiep & cong & dan')"
        )
        assert cursor.fetchone()[0] == 1050


def test_a_failing_batch_is_reported_and_the_indexes_are_rebuilt(monkeypatch):
    monkeypatch.setattr(bulk, "BATCH_SIZE", 100)
    SearchEntry.objects.all().delete()
    content_type = ContentType.objects.get_for_model(SearchEntry).pk

    def broken():
        yield from rows(300, content_type)
        # A portal that does not exist: the writer's batch fails.
        yield from ((c, f"x{o}", f) for c, o, f in rows(100, content_type, portal_id=987654))
        yield from ((c, f"y{o}", f) for c, o, f in rows(300, content_type))

    with pytest.raises(IntegrityError):
        bulk.index_rows(broken(), fresh=True)
    assert set(bulk.POSTGRES_LOAD_INDEXES) <= indexes()
    assert not SearchEntry.objects.filter(object_id__startswith="x").exists()
