"""A list's filter fields written in one pass of Python: the markup of crispy's bootstrap5
field for the text, number and select inputs of the lists' filters, without its template and
Django's template per widget and per option (a third of the proposal queue's time, on every
request). A field with an error, a help text, a required mark or another widget goes through
crispy (tests/emulation/test_filter_fields.py compares both)."""

from crispy_forms.templatetags.crispy_forms_filters import as_crispy_field
from django import forms, template
from django.utils.html import format_html, format_html_join

register = template.Library()

INPUTS = {forms.TextInput: "textinput", forms.NumberInput: "numberinput"}


def _attrs(attrs):
    return format_html_join("", ' {}="{}"', ((k, v) for k, v in attrs.items() if v is not None))


def _input(field, css):
    widget = field.field.widget
    value = field.value()
    attrs = {
        "type": widget.input_type,
        "name": field.html_name,
        "value": widget.format_value(value),
        **widget.attrs,
        "class": f"{css} form-control",
        "id": field.auto_id,
    }
    return format_html("<input{}>", _attrs(attrs))


def _select(field):
    value = field.value()
    chosen = "" if value is None else str(value)
    options = format_html_join(
        "",
        '<option value="{}"{}>{}</option>',
        (
            (key, " selected" if key == chosen else "", label)
            for key, label in ((str(k), v) for k, v in field.field.choices)
        ),
    )
    attrs = {"name": field.html_name, **field.field.widget.attrs}
    attrs.update({"class": "select form-select", "id": field.auto_id})
    return format_html("<select{}>{}</select>", _attrs(attrs), options)


def _widget(field):
    widget = type(field.field.widget)
    if widget is forms.Select:
        return _select(field)
    if widget in INPUTS:
        return _input(field, INPUTS[widget])
    return None


@register.filter
def filter_field(field):
    """``{{ field|filter_field }}``: as ``{{ field|as_crispy_field }}`` shows it."""
    plain = not (field.errors or field.help_text or field.field.required)
    html = _widget(field) if plain else None
    if html is None:
        return as_crispy_field(field)
    return format_html(
        '<div id="div_{}" class="mb-3"><label for="{}" class="form-label">{}</label>{}</div>',
        field.auto_id,
        field.id_for_label,
        field.label,
        html,
    )
