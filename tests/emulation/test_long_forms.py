"""Long forms: the blank extra rows of a formset are ignored, every page whose form came back
with errors opens with a summary linking to each field in error, a skip link leads past the
menu, and signing, locking and deleting ask first."""

import re
from pathlib import Path

from django.urls import reverse

from tests.html import Node, error_summary, main, summary


def test_the_summary_is_the_first_thing_in_main_and_names_the_error_count(client_as, world):
    response = client_as("staff").post(reverse("units:create"), {"name": ""})
    first = next(child for child in main(response).children if isinstance(child, Node))
    assert first is summary(response)
    heading = first.find(lambda n: n["id"] == first["aria-labelledby"])
    assert heading.text() == "Có 3 lỗi cần sửa"
    assert error_summary(response) == [
        ("#id_ministry", "Bộ, ngành: Trường này là bắt buộc."),
        ("#id_name", "Tên đơn vị: Trường này là bắt buộc."),
        ("#id_kind", "Loại hình: Trường này là bắt buộc."),
    ]


def test_a_page_without_errors_has_no_summary(client_as, world):
    response = client_as("staff").get(reverse("units:create"))
    assert summary(response) is None


def test_every_page_starts_with_a_skip_link_to_the_content(client_as, world):
    html = client_as("secretary").get(reverse("home")).content.decode()
    body = html.split("<body", 1)[1].split(">", 1)[1].lstrip()
    assert body.startswith(
        '<a class="visually-hidden-focusable skip-link" href="#main">'
        "Bỏ qua menu, đến nội dung chính</a>"
    )
    assert "js/forms.js" in html


def test_locking_and_deleting_ask_for_confirmation(client_as, world, client, django_user_model):
    # The national catalogue is the national administrator's to change (and delete from).
    client.force_login(django_user_model.objects.create_superuser("quantri", "q@example.vn", "x"))
    html = client.get(reverse("catalogue_list")).content.decode()
    assert 'data-confirm="Xóa danh hiệu, hình thức này khỏi danh mục?"' in html


IRREVERSIBLE = re.compile(r"delete|remove|close|lock|sign|submit|forward|cancel|reopen|revoke")


def test_every_form_that_closes_signs_sends_or_deletes_asks_first():
    """Every form posting to such a view carries data-confirm (static/js/forms.js asks before
    sending), on the form, on its button, or on a button elsewhere naming it (form="id")."""
    root = Path(__file__).resolve().parents[2]
    templates = [*root.glob("*/templates/**/*.html"), *root.glob("templates/**/*.html")]
    unguarded, checked = [], 0
    for path in templates:
        html = path.read_text()
        for form in re.finditer(r"<form\b[^>]*>.*?</form>", html, re.S):
            view = re.search(r"""action="\{% url '([\w:]+)'""", form[0])
            if not view or not IRREVERSIBLE.search(view[1].split(":")[-1]):
                continue
            checked += 1
            form_id = re.search(r'\bid="([^"]+)"', form[0].split(">", 1)[0])
            named = form_id and re.search(
                rf'form="{re.escape(form_id[1])}"[^>]*data-confirm=', html
            )
            if "data-confirm=" not in form[0] and not named:
                unguarded.append(f"{path.relative_to(root)}: {view[1]}")
    assert checked >= 15
    assert unguarded == []
