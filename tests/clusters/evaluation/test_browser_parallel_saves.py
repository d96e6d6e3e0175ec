"""Many cell saves in flight at once, as when a secretary tabs fast through the grid: on the
embedded default (SQLite) as on PostgreSQL every one is saved, none waits forever."""

import pytest
from playwright.sync_api import expect

from clusters.models import Score
from tests.clusters.evaluation.conftest import D, build_table
from tests.factories import PASSWORD

# Every criterion of 4 groups of 5, for each of the 3 units: 60 cells saved at once.
FIRE_ALL_CELLS = """() => {
  const inputs = Array.from(document.querySelectorAll('.score-grid input[data-field="agreed"]'));
  inputs.forEach((input, i) => {
    input.value = String(i % 5) + ",5";
    input.dispatchEvent(new Event("change", { bubbles: true }));
  });
  return inputs.length;
}"""


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_sixty_cell_saves_fired_at_once_are_all_saved(live_server, page, world):
    table = build_table(world.ministry, world.year, groups=4, criteria=5)
    criteria = [c for g in table.groups.order_by("order") for c in g.criteria.order_by("order")]
    page.goto(f"{live_server.url}/accounts/login/")
    page.locator("#id_username").fill("thuky")
    page.locator("#id_password").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.goto(f"{live_server.url}/clusters/{world.cluster.pk}/years/{world.year}/scores/")

    fired = page.evaluate(FIRE_ALL_CELLS)

    assert fired == 60
    expect(page.locator(".score-grid .cell-saved")).to_have_count(60, timeout=30_000)
    expect(page.locator(".score-grid .is-invalid")).to_have_count(0)
    stored = {(s.criterion_id, s.unit_id): s.agreed_score for s in Score.objects.all()}
    expected = {}
    for row, criterion in enumerate(criteria):
        for column, unit in enumerate(world.units):
            expected[(criterion.pk, unit.pk)] = D(f"{(row * 3 + column) % 5}.5")
    assert stored == expected
