"""The tables the migrations fill are analyzed after every ``migrate`` on PostgreSQL: a few
dozen rows are too few for autovacuum, and without statistics the planner misjudges every
filter on the award titles (``emulation.apps.analyze_the_catalogue``)."""

import pytest
from django.core.management import call_command
from django.db import connection

pytestmark = pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only")


def _statistics(table):
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_stats WHERE tablename = %s", [table])
        return cursor.fetchone()[0]


@pytest.mark.django_db(transaction=True)
def test_migrate_leaves_the_award_titles_with_statistics(catalogue):
    # ``catalogue``: after an earlier transactional test's flush the tables are empty, and an
    # empty table has no statistics to find
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM pg_statistic WHERE starelid = 'emulation_awardtitle'::regclass")
    assert _statistics("emulation_awardtitle") == 0
    call_command("migrate", verbosity=0)
    assert _statistics("emulation_awardtitle") > 0
    assert _statistics("emulation_legalregime") > 0
