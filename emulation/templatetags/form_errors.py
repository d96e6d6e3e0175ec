"""The error summary at the top of every page whose form came back with errors (the GOV.UK
pattern): one line per field in error, each a link to the field, so a mistake 2,000 px down
a long form is seen at once. ``base.html`` renders it; no form template has to ask."""

from django import forms, template
from django.forms.formsets import BaseFormSet
from django_filters import FilterSet

register = template.Library()


def _forms_in(value):
    if isinstance(value, forms.BaseForm):
        return [value]
    if isinstance(value, FilterSet):  # a list's filter: a bad value is an error too
        return [value.form]
    if isinstance(value, BaseFormSet):
        return [value, *value.forms]
    if isinstance(value, (list, tuple)):  # rows of a table: [(row, form), …]
        return [form for item in value[:500] for form in _forms_in(item)]
    return []


def _bound_forms(context):
    seen, found = set(), []
    for value in context.flatten().values():
        for form in _forms_in(value):
            if id(form) not in seen and form.is_bound:
                seen.add(id(form))
                found.append(form)
    return found


def _errors_of(form):
    if isinstance(form, BaseFormSet):
        return [(None, message) for message in form.non_form_errors()]
    if not form.errors:  # runs validation once, as the template would
        return []
    items = [(None, message) for message in form.non_field_errors()]
    for name, messages in form.errors.items():
        if name == forms.forms.NON_FIELD_ERRORS or name not in form.fields:
            continue
        field = form[name]
        anchor = field.id_for_label or field.auto_id
        label = field.label or name
        items.extend((anchor, f"{label}: {message}") for message in messages)
    return items


@register.inclusion_tag("_error_summary.html", takes_context=True)
def error_summary(context):
    """Every error of every bound form of the page, in the order of the forms' fields."""
    items = []
    for form in _bound_forms(context):
        for anchor, message in _errors_of(form):
            if (anchor, message) not in items:
                items.append((anchor, message))
    return {"items": items}
