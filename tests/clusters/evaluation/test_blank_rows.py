"""The scoring-table editor saves with its blank extra rows; a half-filled row is refused
with a summary at the top linking to its fields."""

from django.urls import reverse

from clusters.models import Criterion
from tests.clusters.evaluation.test_table_views import formset_data
from tests.emulation.test_long_forms import error_summary
from tests.html import field_errors


def with_blank_rows_as_a_browser_posts_them(table, data):
    """The browser sends the extra rows' selects with their first choice, boxes unticked."""
    groups = list(table.groups.all())
    criteria = sum(g.criteria.count() for g in groups)
    for i in range(len(groups), len(groups) + 2):
        data[f"g-{i}-kind"] = "capped"
    for i in range(criteria, criteria + 3):
        data.setdefault(f"c-{i}-group_id", groups[0].pk)
    return data


def test_the_scoring_table_saves_with_its_blank_extra_rows(client_as, world, table):
    page = reverse("clusters:scoring_table", args=[table.pk])
    data = with_blank_rows_as_a_browser_posts_them(table, formset_data(table))
    data["name"] = "Bảng đã đổi tên"
    shape = (table.groups.count(), Criterion.objects.filter(group__table=table).count())

    response = client_as("staff").post(page, data)

    assert response.status_code == 302
    table.refresh_from_db()
    assert table.name == "Bảng đã đổi tên"
    assert (table.groups.count(), Criterion.objects.filter(group__table=table).count()) == shape


def test_a_half_filled_extra_row_is_refused_with_a_summary_linking_to_its_fields(
    client_as, world, table
):
    group = table.groups.get(code="I")
    page = reverse("clusters:scoring_table", args=[table.pk])
    data = with_blank_rows_as_a_browser_posts_them(
        table, formset_data(table, group_id=group.pk, text="Ứng dụng CNTT")
    )
    count = Criterion.objects.count()

    response = client_as("staff").post(page, data)

    index = count  # the first extra criterion row
    assert response.status_code == 200
    assert error_summary(response) == [
        (f"#id_c-{index}-code", "Số TT: Trường này là bắt buộc."),
        (f"#id_c-{index}-max_points", "Điểm chuẩn: Trường này là bắt buộc."),
    ]
    assert field_errors(response, f"c-{index}-code") == ["Trường này là bắt buộc."]
    assert "Ứng dụng CNTT</textarea>" in response.content.decode()
    assert Criterion.objects.count() == count
