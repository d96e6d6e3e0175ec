"""The register of outgoing documents (sổ đăng ký văn bản đi). Each issuing body numbers its
papers per year and type, in order from 1 (Decree 30/2020/NĐ-CP, art. 15(1): a number and its
date follow the order in which the body issues its papers in the year, from 01 on 1 January).

A number is taken under the register's row lock, so twenty requests at once get 1 to 20 with
no gap and no repeat; the unique constraint (register, number) is the last word. A cancelled
number stays in the register with its reason and is never given again."""

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from clusters.models import Cluster
from documents.models import NumberRegister, Paper, PaperVersion, RegisteredNumber
from documents.rights import require_keeper
from emulation.audit import audit_record, event_now
from emulation.bounds import check_text, check_year
from emulation.errors import DomainError

REASON_MAX = RegisteredNumber._meta.get_field("cancel_reason").max_length
SUMMARY_MAX = RegisteredNumber._meta.get_field("summary").max_length
# The council's abbreviation in every ministry's symbols (“12/BC-HĐTĐKT”).
COUNCIL_CODE = "HĐTĐKT"
# The issuing body's name is printed on Vietnamese papers: never translated.
CLUSTER_PREFIX = {Cluster.Kind.CLUSTER: "CTĐ", Cluster.Kind.BLOCK: "KTĐ"}


def body_of_cluster(cluster):
    """``(issuing body, body code)`` of a cluster: ("Cụm thi đua số 2", "CTĐ2"); a block's
    code starts with KTĐ."""
    return cluster.name, f"{CLUSTER_PREFIX[cluster.kind]}{cluster.number}"


def _initials(name):
    """“Bộ Lao động - Thương binh và Xã hội” → “BLĐTBXH”: each syllable's first letter, the
    conjunction “và” and dashes left out, as ministries abbreviate their names."""
    words = [word for word in name.split() if word[0].isalpha() and word.lower() != "và"]
    return "".join(word[0] for word in words).upper()


def body_of_ministry(ministry, *, council=False):
    """``(issuing body, body code)`` of a ministry ("Bộ Tư pháp", "BTP": its short name, else
    the initials of its name) or, with ``council``, of its emulation and commendation council
    ("Hội đồng Thi đua - Khen thưởng Bộ Tư pháp", "HĐTĐKT")."""
    if council:
        return f"Hội đồng Thi đua - Khen thưởng {ministry.name}", COUNCIL_CODE
    return ministry.name, ministry.short_name.strip() or _initials(ministry.name)


def body_of_unit(unit):
    """``(issuing body, body code)`` of a unit, for its achievement reports: its short name,
    else its code, else the initials of its name."""
    return unit.name, unit.short_name or unit.code or _initials(unit.name)


@dataclass(frozen=True)
class Body:
    """An issuing body whose registers a user keeps, and the types of paper thidua numbers
    for it: a ministry its decisions and tờ trình upward, a cluster its tờ trình and
    minutes, a unit its achievement reports (kept through its cluster)."""

    key: str
    ministry: object
    cluster: object
    issuing_body: str
    body_code: str
    type_codes: tuple


def register_for(*, ministry, year, type_code, body_code, issuing_body, cluster=None):
    """The register of that body, year and type, created on first use. Two first uses at
    once make one register (``get_or_create`` falls back to reading it when the unique
    constraint refuses the second insert)."""
    check_year(year)
    register, _created = NumberRegister.objects.get_or_create(
        ministry=ministry,
        body_code=body_code,
        year=year,
        type_code=type_code,
        defaults={"issuing_body": issuing_body, "cluster": cluster},
    )
    return register


def register_of_paper(paper):
    """The register a paper takes its number from: its cluster's for the cluster's tờ trình
    and minutes; the nominee's unit's for an achievement report (kept through the cluster
    that proposes it); the ministry's for its decision and its tờ trình upward."""
    type_code = paper.type_code
    if paper.kind in (Paper.Kind.COVER_SUBMISSION, Paper.Kind.MINUTES):
        cluster = paper.cluster_year.cluster
        issuing_body, body_code = body_of_cluster(cluster)
    elif paper.kind == Paper.Kind.ACHIEVEMENT_REPORT:
        cluster = paper.nomination.proposal.cluster_year.cluster
        issuing_body, body_code = body_of_unit(paper.nomination.unit)
    else:
        cluster = None
        issuing_body, body_code = body_of_ministry(paper.ministry)
    # Numbers run per calendar year of issue (from 01 on 1 January): a decision on 2020's
    # achievements issued in January 2021 takes a 2021 number.
    issued_on = paper.issued_on or timezone.localdate(event_now())
    return register_for(
        ministry=paper.ministry,
        year=issued_on.year,
        type_code=type_code,
        body_code=body_code,
        issuing_body=issuing_body,
        cluster=cluster,
    )


def _keeper_of(actor, register):
    require_keeper(actor, ministry_id=register.ministry_id, cluster=register.cluster)


def _snapshot(number):
    return {
        "label": number.label,
        "summary": number.summary,
        "cancelled": number.is_cancelled,
    }


@transaction.atomic
def issue_number(*, register, user, summary=""):
    """Take the next number of ``register``: last number + 1, under the register's row lock
    (a second caller waits for the first to commit, then reads its number)."""
    register = (
        NumberRegister.objects.select_for_update(of=("self",))
        .select_related("cluster")
        .get(pk=register.pk)
    )
    _keeper_of(user, register)
    summary = check_text((summary or "").strip(), max_length=SUMMARY_MAX, field="summary")
    register.last_number += 1
    number = RegisteredNumber.objects.create(
        register=register,
        number=register.last_number,
        summary=summary,
        issued_at=event_now(),
        issued_by=user if user is not None and user.is_authenticated else None,
    )
    register.save(update_fields=["last_number"])
    audit_record(actor=user, action="number_issue", obj=number, after=_snapshot(number))
    return number


@transaction.atomic
def cancel_number(*, number, user, reason):
    """Cancel a number taken by mistake: it stays in the register, marked, with its reason,
    and the register goes on from its last number. A number printed on a paper still in
    force is not cancelled: the paper is revoked first."""
    number = (
        RegisteredNumber.objects.select_for_update(of=("self",))
        .select_related("register__cluster")
        .get(pk=number.pk)
    )
    _keeper_of(user, number.register)
    reason = check_text((reason or "").strip(), max_length=REASON_MAX, field="reason")
    if not reason:
        raise DomainError(_("Hãy ghi lý do hủy số."), field="reason")
    if number.is_cancelled:
        raise DomainError(_("Số %(label)s đã được hủy trước đó.") % {"label": number.label})
    in_force = PaperVersion.objects.filter(
        paper__number=number, status=PaperVersion.Status.READY, revoked_at__isnull=True
    )
    if in_force.exists():
        raise DomainError(
            _(
                "Số %(label)s đã in trên văn bản đang có hiệu lực: hãy thu hồi văn bản "
                "trước khi hủy số."
            )
            % {"label": number.label}
        )
    before = _snapshot(number)
    number.cancelled_at = event_now()
    number.cancelled_by = user
    number.cancel_reason = reason
    number.save(update_fields=["cancelled_at", "cancelled_by", "cancel_reason"])
    audit_record(
        actor=user,
        action="number_cancel",
        obj=number,
        before=before,
        after=_snapshot(number),
        reason=reason,
    )
    return number


@transaction.atomic
def record_outside_numbers(*, actor, body, type_code, year, last_number, reason):
    """The keeper records that ``body`` has issued papers of ``type_code`` in ``year`` up to
    ``last_number`` outside thidua (its office's own register: a body that starts using
    thidua in mid-year, a ministry whose office numbers every decision), so the next number
    thidua gives follows on from it. The register only moves forward: a number already
    given is never given again (Decree 30/2020/NĐ-CP, art. 15(1))."""
    require_keeper(actor, ministry_id=body.ministry.pk, cluster=body.cluster)
    if type_code not in body.type_codes:
        raise DomainError(
            _("%(body)s không ban hành loại văn bản này trong hồ sơ khen thưởng.")
            % {"body": body.issuing_body},
            field="type_code",
        )
    reason = check_text((reason or "").strip(), max_length=REASON_MAX, field="reason")
    if not reason:
        raise DomainError(
            _("Hãy ghi căn cứ, ví dụ “Văn thư đã cấp đến số 255 ngày 10/6”."), field="reason"
        )
    register = register_for(
        ministry=body.ministry,
        year=year,
        type_code=type_code,
        body_code=body.body_code,
        issuing_body=body.issuing_body,
        cluster=body.cluster,
    )
    register = NumberRegister.objects.select_for_update(of=("self",)).get(pk=register.pk)
    if last_number <= register.last_number:
        raise DomainError(
            _(
                "Sổ %(symbol)s năm %(year)s đã cấp đến số %(last)s: số cuối cùng cấp ngoài "
                "hệ thống phải lớn hơn, vì số đã cấp không bao giờ được cấp lại."
            )
            % {"symbol": register.symbol, "year": register.year, "last": register.last_number},
            field="last_number",
        )
    before = {"last_number": register.last_number}
    register.last_number = last_number
    register.save(update_fields=["last_number"])
    audit_record(
        actor=actor,
        action="register_advance",
        obj=register,
        before=before,
        after={"last_number": last_number},
        reason=reason,
    )
    return register
