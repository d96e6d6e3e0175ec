"""Emails about proposals, and the deadline reminders the beat schedule sends."""

import datetime

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from accounts.models import RoleAssignment
from awards.models import Proposal, SentReminder
from clusters.evaluation.selectors import scoring_table_for
from clusters.models import ClusterYear, Criterion, Membership, Pledge, Score
from emulation.dates import short_date
from emulation.roles import Role

REMIND_DAYS_BEFORE = 7


def _emails(assignments):
    return sorted({a.user.email for a in assignments.select_related("user") if a.user.email})


def secretary_emails(cluster):
    return _emails(
        RoleAssignment.objects.filter(
            role=Role.CLUSTER_SECRETARY, cluster=cluster, user__is_active=True
        )
    )


def staff_emails(ministry):
    return _emails(
        RoleAssignment.objects.filter(
            role=Role.MINISTRY_STAFF, ministry=ministry, user__is_active=True
        )
    )


def proposal_notify(*, proposal_id, event):
    proposal = Proposal.objects.select_related("cluster_year__cluster__ministry").get(
        pk=proposal_id
    )
    cluster = proposal.cluster_year.cluster
    with override("vi"):
        if event == "submitted":
            recipients = staff_emails(cluster.ministry)
            subject = _("Hồ sơ khen thưởng mới: %(p)s") % {"p": proposal}
            body = _("%(p)s vừa được gửi (trạng thái: %(s)s). Vào hàng chờ xét duyệt để xem.")
        elif event == "returned":
            recipients = secretary_emails(cluster)
            subject = _("Hồ sơ bị trả lại: %(p)s") % {"p": proposal}
            body = _("%(p)s bị trả lại để bổ sung. Lý do: %(r)s")
        else:
            recipients = secretary_emails(cluster)
            subject = _("Đã có quyết định khen thưởng: %(p)s") % {"p": proposal}
            body = _("%(p)s đã có quyết định khen thưởng (trạng thái: %(s)s).")
        body = body % {
            "p": proposal,
            "s": proposal.get_state_display(),
            "r": proposal.return_reason,
        }
    if recipients:
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, recipients)
    return len(recipients)


def _pledge_met(cluster_year):
    return Pledge.objects.filter(
        cluster_year=cluster_year, state__in=[Pledge.State.SIGNED, Pledge.State.LOCKED]
    ).exists()


def _scores_met(cluster_year):
    table = scoring_table_for(cluster_year=cluster_year, prefetch=False)
    if table is None:
        return False
    members = Membership.objects.filter(cluster_year=cluster_year).count()
    criteria = Criterion.objects.filter(group__table=table).count()
    agreed = Score.objects.filter(
        cluster_year=cluster_year, agreed_score__isnull=False, criterion__group__table=table
    ).count()
    return members * criteria > 0 and agreed >= members * criteria


def _proposal_met(cluster_year):
    return (
        Proposal.objects.filter(cluster_year=cluster_year)
        .exclude(state__in=Proposal.EDITABLE)
        .exists()
    )


CHECKS = {
    SentReminder.Kind.PLEDGE: ("pledge_deadline", _pledge_met),
    SentReminder.Kind.SCORES: ("scores_deadline", _scores_met),
    SentReminder.Kind.PROPOSAL: ("proposals_deadline", _proposal_met),
}


def send_deadline_reminders(*, today=None):
    """Email each cluster's secretaries a week before a deadline they have not met; a
    reminder already sent (SentReminder) is never sent again. Returns the number sent."""
    today = today or timezone.localdate()
    horizon = today + datetime.timedelta(days=REMIND_DAYS_BEFORE)
    sent = 0
    cluster_years = ClusterYear.objects.select_related("cluster", "emulation_year")
    for kind, (field, met) in CHECKS.items():
        due = cluster_years.filter(
            **{f"emulation_year__{field}__gte": today, f"emulation_year__{field}__lte": horizon}
        )
        for cluster_year in due:
            deadline = getattr(cluster_year.emulation_year, field)
            already = SentReminder.objects.filter(
                cluster_year=cluster_year, kind=kind, deadline=deadline
            )
            if already.exists() or met(cluster_year):
                continue
            recipients = secretary_emails(cluster_year.cluster)
            if not recipients:
                continue
            try:
                with transaction.atomic():
                    SentReminder.objects.create(
                        cluster_year=cluster_year,
                        kind=kind,
                        deadline=deadline,
                        recipients=", ".join(recipients),
                    )
            except IntegrityError:  # another run claimed it first
                continue
            with override("vi"):
                subject = _("Nhắc hạn: %(what)s – %(cy)s") % {
                    "what": SentReminder.Kind(kind).label,
                    "cy": cluster_year,
                }
                body = _("Hạn %(what)s của %(cy)s là %(date)s và việc này chưa hoàn thành.") % {
                    "what": str(SentReminder.Kind(kind).label).lower(),
                    "cy": cluster_year,
                    "date": short_date(deadline),
                }
            send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, recipients)
            sent += 1
    return sent
