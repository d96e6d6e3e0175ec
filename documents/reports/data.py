"""What a year-end report says: plain data read from the clusters' records, in a bounded
number of queries whatever the size of the cluster. Each PDF records the data versions it was
built at (``report_data_version``), so the page tells whether it still matches the records
without reading them."""

import hashlib

from django.utils import translation
from django.utils.translation import gettext as _

from awards.selectors import awards_for_report, ministry_awards_decided
from clusters.data_version import cluster_year_version, ministry_year_token
from clusters.evaluation.ranking import cluster_years_ranking, ranking_chart
from clusters.models import ClusterYear, LeadershipTerm, Membership, Minutes, Pledge
from clusters.selectors import closed_votes
from documents.models import YearEndReport

NARRATIVE_FIELDS = ["organisation", "results", "shortcomings", "lessons", "direction"]
DOCUMENT_FIELDS = [
    "superior_body",
    "issuing_body",
    "number",
    "place",
    "issued_on",
    "summary",
    "signer_on_behalf",
    "signer_title",
    "signer_name",
    "recipients",
]
# The report's chart on an A4 page: a 200 px column of names, bars of at most 300 px.
PDF_CHART = {"width": 560, "label_width": 200, "bar_height": 12, "gap": 6}


def _awards_section(cluster_year):
    """Awards proposed and decided for the cluster's units: rows of ``nominee``, ``award``,
    ``state``, ``decision_number``, ``decision_date``, ``reward``."""
    return awards_for_report(cluster_year=cluster_year)


def _ministry_awards_section(ministry, year):
    """Flags and certificates of merit decided for the ministry's year, revoked ones left
    out (same rows as above, each with its ``cluster``)."""
    return ministry_awards_decided(ministry=ministry, year=year)


def _leaders(term):
    if term is None:
        return None
    return {
        "head_unit": term.head_unit.name,
        "head_name": term.head_name,
        "head_position": term.head_position,
        "deputy_unit": term.deputy_unit.name,
        "deputy_name": term.deputy_name,
        "deputy_position": term.deputy_position,
        "decision_number": term.decision_number,
        "decision_date": term.decision_date,
        "selection": term.get_selection_display(),
        "announced_on": term.announced_on,
        "note": term.note,
    }


def _terms_by_cluster_year(cluster_year_ids):
    terms = LeadershipTerm.objects.filter(cluster_year_id__in=cluster_year_ids).select_related(
        "head_unit", "deputy_unit"
    )
    return {term.cluster_year_id: term for term in terms}


def _pledge(cluster_year, units):
    pledge = (
        Pledge.objects.filter(cluster_year=cluster_year)
        .prefetch_related("commitments", "signatures__unit", "registrations__award_title")
        .first()
    )
    if pledge is None:
        return None
    signatures = {s.unit_id: s for s in pledge.signatures.all()}
    registrations = {}
    for registration in pledge.registrations.all():
        registrations.setdefault(registration.unit_id, []).append(registration)
    rows = []
    for unit in units:
        signature = signatures.get(unit.pk)
        rows.append(
            {
                "unit": unit.name,
                "signer": signature.signer_name if signature else "",
                "signed_on": signature.signed_on if signature else None,
                "titles": [
                    f"{r.award_title.name_vi} ({r.person_name})"
                    if r.person_name
                    else r.award_title.name_vi
                    for r in registrations.get(unit.pk, [])
                ],
            }
        )
    return {
        "state": pledge.get_state_display(),
        "conference_date": pledge.conference_date,
        "place": pledge.signed_at_place,
        "commitments": [c.text for c in pledge.commitments.all()],
        "note": pledge.note,
        "rows": rows,
        "unregistered": [row["unit"] for row in rows if not row["titles"]],
    }


def _ranking_rows(ranking):
    """The scoring feature's ranking as plain data: ranked units with their rank, total and
    tie; unscored units last, with no rank and no total (never ranked with 0)."""
    return [
        {
            "rank": row.rank,
            "unit": row.unit.name,
            "scored": row.scored,
            "total": row.total if row.scored else None,
            "tie": row.tied,
        }
        for row in ranking
    ]


def cluster_report_data(cluster_year):
    """The data sections of a cluster-year's report."""
    units = [
        m.unit
        for m in Membership.objects.filter(cluster_year=cluster_year)
        .select_related("unit")
        .order_by("unit__name")
    ]
    next_year = ClusterYear.objects.filter(
        cluster_id=cluster_year.cluster_id, year=cluster_year.year + 1
    ).first()
    terms = _terms_by_cluster_year([cluster_year.pk] + ([next_year.pk] if next_year else []))
    ranking = cluster_years_ranking(cluster_years=[cluster_year])[cluster_year.pk]
    minutes = Minutes.objects.filter(cluster_year=cluster_year).first()
    scored = any(row.scored for row in ranking)
    return {
        "kind": YearEndReport.Kind.CLUSTER,
        "year": cluster_year.year,
        "next_year": cluster_year.year + 1,
        "ministry": cluster_year.cluster.ministry.name,
        "cluster": cluster_year.cluster.name,
        "members": [unit.name for unit in units],
        "leaders": _leaders(terms.get(cluster_year.pk)),
        "next_leaders": _leaders(terms.get(next_year.pk)) if next_year else None,
        "pledge": _pledge(cluster_year, units),
        "ranking": _ranking_rows(ranking) if scored else [],
        "chart": ranking_chart(ranking, **PDF_CHART) if scored else None,
        "votes": closed_votes(cluster_year=cluster_year),
        "awards": _awards_section(cluster_year),
        "conference_date": minutes.held_on if minutes else None,
    }


def ministry_report_data(ministry, year):
    """The ministry-wide report: every cluster's leaders and ranking leaders for the year."""
    cluster_years = list(
        ClusterYear.objects.filter(cluster__ministry=ministry, year=year)
        .select_related("cluster")
        .order_by("cluster__kind", "cluster__number")
    )
    units = {}
    memberships = Membership.objects.filter(cluster_year__in=cluster_years).select_related("unit")
    for membership in memberships.order_by("unit__name"):
        units.setdefault(membership.cluster_year_id, []).append(membership.unit)
    for cy in cluster_years:
        cy.cluster.ministry = ministry
    terms = _terms_by_cluster_year([cy.pk for cy in cluster_years])
    rankings = cluster_years_ranking(cluster_years=cluster_years)
    clusters = []
    for cy in cluster_years:
        ranking = rankings[cy.pk]
        clusters.append(
            {
                "cluster": cy.cluster.name,
                "member_count": len(units.get(cy.pk, [])),
                "leaders": _leaders(terms.get(cy.pk)),
                "top": [
                    {"unit": row.unit.name, "total": row.total} for row in ranking if row.rank == 1
                ],
            }
        )
    return {
        "kind": YearEndReport.Kind.MINISTRY,
        "year": year,
        "next_year": year + 1,
        "ministry": ministry.name,
        "clusters": clusters,
        "awards": _ministry_awards_section(ministry, year),
    }


def report_data(report):
    if report.kind == YearEndReport.Kind.CLUSTER:
        return cluster_report_data(report.cluster_year)
    return ministry_report_data(report.ministry, report.year)


def default_settings(report, data):
    """Document settings drawn from the ministry, the cluster and its leadership record."""
    ministry = report.ministry
    if report.kind == YearEndReport.Kind.CLUSTER:
        cluster = report.cluster_year.cluster
        issuing = cluster.name.upper()
        code = ("CTĐ" if cluster.kind == cluster.Kind.CLUSTER else "KTĐ") + str(cluster.number)
        leaders = data["leaders"] or {}
        return {
            "superior_body": ministry.name.upper(),
            "issuing_body": issuing,
            "number": f"/BC-{code}",
            "place": ministry.place,
            "issued_on": data["conference_date"],
            "summary": _(
                "Tổng kết công tác thi đua, khen thưởng năm %(year)s "
                "và phương hướng, nhiệm vụ năm %(next)s"
            )
            % {"year": report.year, "next": report.year + 1},
            "signer_on_behalf": f"TM. {issuing}",
            "signer_title": _("CỤM TRƯỞNG"),
            "signer_name": leaders.get("head_name", ""),
            "recipients": "\n".join(
                [
                    _("Hội đồng Thi đua - Khen thưởng %(ministry)s (để báo cáo)")
                    % {"ministry": ministry.name},
                    _("Các đơn vị thành viên Cụm"),
                    f"Lưu: VT, {code}",
                ]
            ),
        }
    council = _("HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG")
    return {
        "superior_body": ministry.name.upper(),
        "issuing_body": council,
        "number": "/BC-HĐTĐKT",
        "place": ministry.place,
        "issued_on": None,
        "summary": _(
            "Tổng kết công tác thi đua, khen thưởng năm %(year)s của các cụm, khối thi đua"
        )
        % {"year": report.year},
        "signer_on_behalf": f"TM. {council}",
        "signer_title": _("CHỦ TỊCH"),
        "signer_name": "",
        "recipients": "\n".join(
            [_("Lãnh đạo Bộ (để báo cáo)"), _("Các cụm, khối thi đua"), "Lưu: VT, HĐTĐKT"]
        ),
    }


def document_settings(report, data):
    """The document settings in force: what the report stores, else the defaults."""
    defaults = default_settings(report, data)
    return {name: getattr(report, name) or defaults[name] for name in DOCUMENT_FIELDS}


def _happened_after(row, as_of):
    return any(
        day is not None and day > as_of
        for day in (row.get("proposed_on"), row.get("decision_date"))
    )


def split_at_report_date(data, as_of):
    """A report lists what happened up to its own date: proposals and decisions dated after
    it move to ``awards_after``, printed under a heading that says they were added later."""
    if as_of is None:
        return {**data, "awards_after": []}
    return {
        **data,
        "awards": [row for row in data["awards"] if not _happened_after(row, as_of)],
        "awards_after": [row for row in data["awards"] if _happened_after(row, as_of)],
    }


def report_context(report):
    """Everything the PDF shows, as plain data. Always in Vietnamese, whoever asks: the
    document is official."""
    with translation.override("vi"):
        data = report_data(report)
        doc = document_settings(report, data)
        data = split_at_report_date(data, doc["issued_on"])
        return {
            "data": data,
            "doc": doc,
            "narrative": {name: getattr(report, name) for name in NARRATIVE_FIELDS},
        }


def report_data_version(report):
    """The data versions a report is built from (``clusters.data_version``: the cluster-year's
    and its ministry-year's, with the neighbouring years; for the ministry-wide report, the
    ministry-year's and its cluster-years'), one query. Read it before the data it labels."""
    if report.kind == YearEndReport.Kind.CLUSTER:
        token = cluster_year_version(report.cluster_year)  # read with it, or now
    else:  # read with the report on its page, or now
        token = getattr(report, "_data_token", None) or ministry_year_token(
            ministry_id=report.ministry_id, year=report.year
        )
    return "dv:" + hashlib.sha256(token.encode()).hexdigest()[:61]
