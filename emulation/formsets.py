"""Formsets whose blank extra rows are ignored.

A formset's extra rows carry a select that always submits its first choice (a group's kind,
a criterion's group) and checkboxes; Django then sees the row as changed and requires every
field of it, so a table could not be saved with its blank rows. A row counts as filled only
when the user typed something in one of its text, number or date fields."""

from django import forms


def _typed(field):
    return not (
        field.widget.is_hidden
        or isinstance(field, (forms.ChoiceField, forms.BooleanField))
        or isinstance(field.widget, (forms.Select, forms.CheckboxInput))
    )


class BlankRowsIgnoredMixin:
    """For the form of a formset: a new row (no ``id``) with no typed value is blank."""

    def has_changed(self):
        if self.initial.get("id") or not self.empty_permitted:
            return super().has_changed()
        for name, field in self.fields.items():
            if name == "DELETE" or not _typed(field):
                continue
            value = self[name].value()
            if value not in (None, "") and str(value).strip():
                return True
        return False
