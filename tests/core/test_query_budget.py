"""Every public page costs a visitor the same few SQL queries, whether its
portal holds three items or forty (the budget of issue "Production at
provincial scale")."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from eportal.legal.models import LegalDocumentPage
from eportal.portals import caching
from eportal.procedures.models import ProcedurePage
from eportal.qa.models import Question, new_code
from tests.consultations.conftest import make_consultation  # noqa: F401 (fixture)
from tests.legal.helpers import add_documents
from tests.news.test_query_counts import bulk_articles
from tests.online_services import make_procedure
from tests.qa.conftest import answered, ask, qa  # noqa: F401 (fixtures)
from tests.search.conftest import index

# A page's own queries, the menu, the alert and the language switch with the
# translation notice (4 of them: whether the page has a live English version,
# else its nearest English section, and whether that is behind its source),
# on the first visit after a publication; later visits read them from the cache.
BUDGET = 16
# The home composed of blocks (portals/home.py): a bounded query or two per
# block (about ten blocks), then cached as one fragment until the next publication.
HOME_BUDGET = 28
FEW, MANY = 3, 40
MAIN = {"HTTP_HOST": "www.thaibinh.gov.vn"}


WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE")


def queries_for(client, path, **headers):
    """The SQL statements of a visit just after a publication: the first visit
    fills the caches, then the lists and pages kept with the portals' content
    are dropped (as publishing anything does) and the page is visited again."""
    client.get(path, **headers)
    caching.invalidate_all_content()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, **headers)
    assert response.status_code == 200, (path, response.status_code)
    statements = [q["sql"] for q in queries]
    # A GET writes nothing: no session, no counter (counters go through memory).
    assert not [sql for sql in statements if sql.lstrip().upper().startswith(WRITES)], path
    return statements


def on_component(province, page):
    """The path of ``page`` of the component portal sotttt, under /p/sotttt/."""
    home = province["sotttt"].home_page
    return "/p/sotttt/" + page.url_path[len(home.url_path) :]


def assert_same_small_cost(client, paths, add, *, few_items=FEW, budget=BUDGET):
    """Visit ``paths`` with ``few_items``, ``add(few_items, MANY)``, visit again."""
    few = {path: len(queries_for(client, path, **headers)) for path, headers in paths}
    add(few_items, MANY)
    many = {path: len(queries_for(client, path, **headers)) for path, headers in paths}
    print(few, many)
    assert many == few
    assert max(few.values()) <= budget, few


def test_it_serves_the_portal_homes_within_budget(client, province):
    def add(start, end):
        bulk_articles(province["sotttt"], end - start, start=start)

    # Enough stories for every news block of the home to show some: a block
    # with nothing left to show renders nothing, and asks nothing more.
    few_items = 12
    add(0, few_items)
    paths = [("/", MAIN), ("/p/sotttt/", {})]
    assert_same_small_cost(client, paths, add, few_items=few_items, budget=HOME_BUDGET)


def test_it_serves_news_within_budget(client, province):
    def add(start, end):
        bulk_articles(province["sotttt"], end - start, start=start)

    add(0, FEW)
    paths = [
        ("/tin-tuc/", MAIN),
        ("/p/sotttt/tin-tuc/", {}),
        ("/p/sotttt/tin-tuc/su-kien/tin-so-1/", {}),
    ]
    assert_same_small_cost(client, paths, add)


def test_it_serves_legal_documents_within_budget(client, province):
    def add(start, end):
        add_documents(province["sotttt"], end - start, start=start)

    add(0, FEW)
    document = LegalDocumentPage.objects.filter(portal=province["sotttt"]).first()
    paths = [
        ("/p/sotttt/van-ban/", {}),
        ("/van-ban/", MAIN),
        (on_component(province, document), {}),
    ]
    assert_same_small_cost(client, paths, add)


def test_it_serves_procedures_within_budget(client, province):
    def add(start, end):
        for i in range(start, end):
            make_procedure(province["sotttt"], code=f"1.{i:06d}", title=f"Thủ tục thử số {i}")

    add(0, FEW)
    procedure = ProcedurePage.objects.live().first()
    paths = [("/p/sotttt/thu-tuc/", {}), (on_component(province, procedure), {})]
    assert_same_small_cost(client, paths, add)


def test_it_serves_questions_and_answers_within_budget(client, answered):  # noqa: F811
    def add(start, end):
        for _ in range(start, end):
            question = Question.objects.filter(status=Question.Status.PUBLISHED).first()
            question.pk, question.code = None, new_code()
            question.save()

    question = answered("sotttt", "sotttt", publish=True)
    add(1, FEW)
    paths = [
        ("/p/sotttt/hoi-dap/", {}),
        ("/hoi-dap/", MAIN),
        (f"/p/sotttt/hoi-dap/tra-loi/{question.code}/", {}),
    ]
    assert_same_small_cost(client, paths, add)


def test_it_serves_consultations_within_budget(client, province, make_consultation):  # noqa: F811
    def add(start, end):
        for i in range(start, end):
            make_consultation(slug=f"du-thao-{i}", title=f"Dự thảo số {i}")

    add(0, FEW)
    paths = [("/p/sotttt/gop-y/", {}), ("/p/sotttt/gop-y/du-thao-1/", {})]
    assert_same_small_cost(client, paths, add)


def test_it_serves_search_within_budget(client, province):
    def add(start, end):
        for i in range(start, end):
            index(province["sotttt"], f"muc-{i}", title=f"Giao đất số {i}", text="Thủ tục đất đai.")

    add(0, FEW)
    paths = [("/p/sotttt/tim-kiem/?q=%C4%91%E1%BA%A5t", {}), ("/tim-kiem/?q=dat", MAIN)]
    assert_same_small_cost(client, paths, add)


def test_it_writes_nothing_on_the_other_public_gets(client, province, ask):  # noqa: F811
    # Forms, tracking, feeds, sitemap, suggestions and the API: reading them
    # leaves the database as it was (sessions, counters, tokens stay out of it).
    question = ask("sotttt")
    bulk_articles(province["sotttt"], FEW)
    for path, headers in [
        ("/p/sotttt/hoi-dap/gui-cau-hoi/", {}),
        (f"/p/sotttt/hoi-dap/tra-cuu/?ma={question.code}", {}),
        (f"/p/sotttt/hoi-dap/gui-cau-hoi/da-tiep-nhan/{question.code}/", {}),
        ("/feeds/tin-tuc/rss/", MAIN),
        ("/sitemap.xml", MAIN),
        ("/tim-kiem/goi-y/?q=dat", MAIN),
        ("/api/v1/news/articles", MAIN),
        ("/en/", MAIN),
    ]:
        queries_for(client, path, **headers)
