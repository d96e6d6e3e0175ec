from django.db import transaction
from django.utils.translation import gettext as _

from emulation.audit import audit_record, snapshot
from emulation.errors import DomainError
from emulation.roles import scope_of

FIELDS = ("pledge_deadline", "scores_deadline", "proposals_deadline")


@transaction.atomic
def emulation_year_set_deadlines(*, actor, emulation_year, **deadlines):
    if not scope_of(actor).manages_ministry(emulation_year.ministry_id):
        raise DomainError(_("Chỉ cán bộ Vụ của bộ được sửa hạn của năm thi đua."))
    before = snapshot(emulation_year, FIELDS)
    for name in FIELDS:
        value = deadlines[name]
        if value is not None and value.year not in (emulation_year.year, emulation_year.year + 1):
            raise DomainError(
                _("Hạn phải thuộc năm %(year)s hoặc năm sau.") % {"year": emulation_year.year},
                field=name,
            )
        setattr(emulation_year, name, value)
    emulation_year.save(update_fields=list(FIELDS))
    audit_record(
        actor=actor,
        action="emulation_year_deadlines",
        obj=emulation_year,
        before=before,
        fields=FIELDS,
    )
    return emulation_year
