"""The score grid's cells, written in Python (clusters.evaluation.grid_html): byte for byte
what the secretary's keyboard and screen reader and score_grid.js need, what the leader reads,
and a bounded size per cell."""

import re

from django.urls import reverse

from clusters.evaluation.scores import cell_prefix
from clusters.models import Score
from tests.clusters.evaluation.conftest import grid_world
from tests.clusters.evaluation.test_queries import full_grid_post


def grid(world):
    return reverse("clusters:scores", args=[world.cluster.pk, world.year])


def cell_of(html, unit, criterion):
    prefix = cell_prefix(unit.pk, criterion.pk)
    return re.search(rf'<td id="cell-{prefix}".*?</td>\n', html, re.S).group(0)


def test_an_editable_cell_is_exactly_what_the_secretary_needs(client_as, world, table, save):
    unit, criterion = world.units[0], table.c["c1"]
    save({(unit, criterion): (5, 4.5)})
    stored = Score.objects.get(unit=unit, criterion=criterion)
    stored.comment = 'Đạt "tốt" <b>'
    stored.save()
    html = client_as("secretary").get(grid(world)).content.decode()
    p = cell_prefix(unit.pk, criterion.pk)
    u = f"{grid(world)}{unit.pk}/{criterion.pk}/"
    label = "Trường số 1 – tiêu chí 1 – "
    assert cell_of(html, unit, criterion) == (
        f'<td id="cell-{p}" class="score-cell" data-prefix="{p}" data-save-url="{u}" '
        f'data-evidence-url="{u}evidence/"><div class="cell-inputs">'
        f'<input id="{p}-self" name="{p}-self" value="5" inputmode="decimal" autocomplete="off" '
        'class="form-control form-control-sm" data-field="self" '
        f'aria-label="{label}điểm tự chấm" placeholder="TC">'
        f'<input id="{p}-agreed" name="{p}-agreed" value="4,5" inputmode="decimal" '
        'autocomplete="off" class="form-control form-control-sm" data-field="agreed" '
        f'aria-label="{label}điểm cụm chấm" placeholder="CC">'
        '<details class="cell-more"><summary class="cell-more-toggle has-content">'
        '<span aria-hidden="true">…</span>'
        f'<span class="visually-hidden">{label}nhận xét và minh chứng</span></summary>'
        f'<div class="cell-drawer"><input id="{p}-comment" name="{p}-comment" '
        'value="Đạt &quot;tốt&quot; &lt;b&gt;" autocomplete="off" '
        'class="form-control form-control-sm" data-field="comment" '
        f'aria-label="{label}nhận xét" placeholder="Nhận xét">'
        f'<a class="small d-block cell-evidence" href="{u}evidence/" data-count="0">'
        "Minh chứng</a>"
        '<button type="button" class="btn btn-link btn-sm p-0 cell-upload">Tải minh chứng lên'
        "</button></div></details></div>"
        f'<div class="cell-status" aria-live="polite"><input type="hidden" name="{p}-v" '
        f'value="{stored.version}"></div></td>\n'
    )
    required = cell_of(html, unit, table.c["c2"])  # evidence required, nothing stored yet
    q = cell_prefix(unit.pk, table.c["c2"].pk)
    assert '<summary class="cell-more-toggle needs-evidence">' in required
    assert 'data-count="0">Cần minh chứng</a>' in required
    assert f'name="{q}-self" value="" inputmode="decimal"' in required
    assert f'<input type="hidden" name="{q}-v" value="0">' in required


def test_a_read_only_cell_is_exactly_what_the_leader_reads(client_as, world, table, save):
    unit, criterion = world.units[1], table.c["c1"]
    save({(unit, criterion): (6, 5.5)})
    html = client_as("leader").get(grid(world)).content.decode()
    p = cell_prefix(unit.pk, criterion.pk)
    empty = cell_prefix(world.units[0].pk, criterion.pk)
    assert cell_of(html, unit, criterion) == (
        f'<td id="cell-{p}" class="score-cell"><span class="nowrap">6 / <strong>5,5</strong>'
        f'</span><a class="small d-block cell-evidence" href="{grid(world)}{unit.pk}/'
        f'{criterion.pk}/evidence/" data-count="0">Minh chứng</a>'
        '<div class="cell-status" aria-live="polite"></div></td>\n'
    )
    assert f'<td id="cell-{empty}" class="score-cell"><span class="nowrap">– / <strong>–' in html
    assert "<input" not in cell_of(html, world.units[0], criterion)


def test_a_refused_cell_is_marked_with_its_message_and_keeps_what_was_typed(
    client_as, world, table
):
    unit, criterion = world.units[0], table.c["c1"]
    p = cell_prefix(unit.pk, criterion.pk)
    html = (
        client_as("secretary")
        .post(grid(world), {f"{p}-self": "x<y", f"{p}-agreed": "", f"{p}-comment": "", f"{p}-v": 0})
        .content.decode()
    )
    cell = cell_of(html, unit, criterion)
    assert f'<td id="cell-{p}" class="score-cell is-invalid cell-failed"' in cell
    assert 'value="x&lt;y" inputmode="decimal"' in cell
    assert cell.count("form-control form-control-sm is-invalid") == 2
    assert re.search(r'<div class="invalid-feedback d-block cell-error">[^<]+</div>', cell)


def _markup(html):
    """Bytes of markup, whatever the ids: each number counts as one digit (the database's
    ids grow with every test run on PostgreSQL, and each cell names its unit and criterion
    about ten times)."""
    return re.sub(rb"\d+", b"0", html)


def test_the_grid_is_at_most_fifteen_hundred_bytes_a_cell(client_as, world):
    cluster_year, _members = grid_world(world, 10, 40)
    page = reverse("clusters:scores", args=[world.cluster.pk, 2022])
    client = client_as("secretary")
    client.post(page, full_grid_post(cluster_year))
    html = _markup(client.get(page).content)
    cells = re.findall(rb'<td id="cell-.*?</td>', html, re.S)
    assert len(cells) == 400
    assert max(len(cell) for cell in cells) <= 1_500
    assert len(html) <= 400 * 1_500 + 40_000  # the page around the cells
    read_only = _markup(client_as("leader").get(page).content)
    assert max(len(c) for c in re.findall(rb'<td id="cell-.*?</td>', read_only, re.S)) <= 300
