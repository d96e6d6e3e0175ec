"""Writes of a unit's people and yearly records; each edit is audited."""

from django.db import transaction
from django.utils.translation import gettext as _

from emulation.audit import save_record
from emulation.errors import DomainError
from units.people_access import can_edit_people

# What a unit's yearly record holds (its form's and its sheet's fields).
UNIT_YEAR_FIELDS = (
    "task_rating",
    "staff_count",
    "completed_count",
    "advanced_count",
    "grassroots_fighter_count",
    "disciplined_count",
    "women_count",
    "pending_review",
)
UNIT_YEAR_COUNTS = (
    "completed_count",
    "advanced_count",
    "grassroots_fighter_count",
    "women_count",
)


def unit_year_count_problems(*, staff_count, counts):
    """A unit's counts of members never exceed its staff count: [(field, message)]."""
    return [
        (name, _("Không thể lớn hơn tổng số thành viên."))
        for name in UNIT_YEAR_COUNTS
        if staff_count is not None and counts.get(name) is not None and counts[name] > staff_count
    ]


def discipline_dates_problem(*, start, end):
    if start and end and end < start:
        return _("Ngày kết thúc kỷ luật phải sau ngày bắt đầu.")
    return None


def _fields(model):
    """What the audit trail keeps of a person or a yearly record: every field a user edits."""
    fields = (*model._meta.concrete_fields, *model._meta.many_to_many)
    return [f.name for f in fields if f.editable and f.name not in ("id", "version")]


def _save(*, actor, instance, version, action, m2m=None):
    unit = instance.unit if hasattr(instance, "unit") else instance.person.unit
    if not can_edit_people(actor, unit):
        raise DomainError(_("Chỉ cán bộ Vụ hoặc thư ký cụm của đơn vị được sửa hồ sơ cán bộ."))
    return save_record(
        instance,
        actor=actor,
        action=action,
        fields=_fields(type(instance)),
        claim=True,
        version=version or 0,
        taken=(_("Hồ sơ năm này vừa được người khác tạo: tải lại trang rồi nhập lại."), None),
        m2m=m2m,
    )


@transaction.atomic
def person_save(*, actor, person, version=None):
    return _save(actor=actor, instance=person, version=version, action="person")


@transaction.atomic
def person_year_save(*, actor, record, version=None, prior_titles=()):
    return _save(
        actor=actor,
        instance=record,
        version=version,
        action="person_year",
        m2m={"prior_titles": prior_titles},
    )


@transaction.atomic
def unit_year_save(*, actor, record, version=None):
    return _save(actor=actor, instance=record, version=version, action="unit_year")
