from django.db import transaction
from django.utils.translation import gettext as _

from awards.models import Proposal
from emulation.errors import DomainError
from emulation.roles import scope_of


def locked_proposal(proposal):
    """The proposal, its row locked until the end of the transaction, with its regime."""
    return (
        Proposal.objects.select_for_update(of=("self",))
        .select_related("cluster_year__cluster", "cluster_year__emulation_year__regime")
        .get(pk=proposal.pk)
    )


def require_writer(actor, proposal):
    if not scope_of(actor).writes_cluster(proposal.cluster_year.cluster):
        raise DomainError(_("Chỉ thư ký của cụm hoặc cán bộ Vụ được sửa hồ sơ này."))


def require_staff(actor, proposal):
    if not scope_of(actor).manages_ministry(proposal.cluster_year.cluster.ministry_id):
        raise DomainError(_("Chỉ cán bộ Vụ Thi đua - Khen thưởng của bộ được xét duyệt hồ sơ."))


def subject_check(line):
    """A line's (or a unit head's decision's) subject fits its title: a person of its unit for
    an individual title, none for a collective one."""
    individual = line.award_title.subject == line.award_title.Subject.INDIVIDUAL
    if individual and not line.person_id:
        raise DomainError(_("Danh hiệu này dành cho cá nhân: hãy chọn cá nhân."), field="person")
    if not individual and line.person_id:
        raise DomainError(_("Danh hiệu này dành cho tập thể: bỏ trống ô cá nhân."), field="person")
    if line.person_id and line.person.unit_id != line.unit_id:
        raise DomainError(_("Cá nhân không thuộc đơn vị đã chọn."), field="person")


# What the audit trail keeps of a proposal and of a line (emulation.audit.snapshot).
PROPOSAL_FIELDS = ("state", "number", "dated", "cover_name", "minutes")
LINE_FIELDS = (
    "unit",
    "person",
    "award_title",
    "achievements",
    "vote_share",
    "rank",
    "rank_tied",
    "report_name",
    "outcome",
    "council_members",
    "council_votes_for",
)


def findings_error(findings_by_line):
    """A DomainError listing every blocking finding, or None."""
    errors = [f.message for findings in findings_by_line.values() for f in findings if f.is_error]
    if errors:
        return DomainError(" ".join(errors))
    return None


def notify_on_commit(event, proposal_id):
    from awards.tasks import send_proposal_notification

    transaction.on_commit(lambda: send_proposal_notification.delay(proposal_id, event))
