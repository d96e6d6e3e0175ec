"""The units list and the unit page read less: the list's rows written by one pass of Python
(``units.list_html``, the same markup as the template loop they replaced, names escaped, kinds
translated, an inactive unit marked); the unit read with its scope check in one query."""

from django.core.paginator import Paginator
from django.template import engines
from django.utils import translation

from tests.factories import UnitFactory
from units.list_html import unit_rows
from units.models import Unit

# The loop units/unit_list.html had, kept here as the reference the rows must equal.
TEMPLATE_LOOP = """{% load i18n %}{% for unit in page %}
  <tr>
    <td><a href="{% url 'units:detail' unit.pk %}">{{ unit.name }}</a>{% if not unit.is_active %} <span class="badge text-bg-secondary">{% translate "Ngừng hoạt động" %}</span>{% endif %}</td>
    <td>{{ unit.get_kind_display }}</td>
    <td>{{ unit.ministry.name }}</td>
  </tr>
  {% endfor %}"""  # noqa: E501


def _page():
    units = Unit.objects.select_related("ministry").order_by("name")
    return Paginator(units, 25).get_page(1)


def test_the_rows_are_the_template_loop_s_markup_in_both_languages(world):
    UnitFactory(ministry=world.ministry, name="Báo <b>\"Tin\" & 'Tức'</b>", kind="newspaper")
    UnitFactory(ministry=world.ministry, name="Viện đã giải thể", kind="institute", is_active=False)
    for language in ("vi", "en"):
        with translation.override(language):
            page = _page()
            expected = engines["django"].from_string(TEMPLATE_LOOP).render({"page": page})
            assert str(unit_rows(page)) == expected
    with translation.override("en"):
        assert "<td>Newspaper</td>" in unit_rows(_page())


def test_the_list_marks_an_inactive_unit_and_escapes_names(client_as, world):
    UnitFactory(ministry=world.ministry, name="Viện <cũ>", kind="institute", is_active=False)
    html = client_as("staff").get("/units/").content.decode()
    assert (
        '<td><a href="/units/' in html
        and 'Viện &lt;cũ&gt;</a> <span class="badge text-bg-secondary">Ngừng hoạt động</span>'
        in html
    )
    assert "<td>Viện</td>" in html


def test_a_unit_that_does_not_exist_is_404_as_one_out_of_scope(client_as, world):
    assert client_as("staff").get("/units/999999/").status_code == 404
    assert client_as("foreign_staff").get(f"/units/{world.units[0].pk}/").status_code == 404


def test_a_superuser_is_offered_a_new_unit(world):
    from django.test import Client

    from tests.factories import UserFactory

    client = Client()
    client.force_login(UserFactory(is_superuser=True))
    html = client.get("/units/").content.decode()
    assert 'href="/units/new/"' in html
