from django import template
from django.template.loader import render_to_string

from documents.reports import selectors
from documents.reports.tokens import reports_token
from emulation import dates
from emulation.fragments import cached_fragment

register = template.Library()


@register.filter
def document_date(value, year=None):
    """``ngày 05 tháng 01 năm 2021``, ``ngày 29 tháng 6 năm 2021`` (``emulation.dates``)."""
    return dates.document_date(value, year)


@register.filter
def no_orphan(text):
    """Keep the last two words together, so a name that wraps never leaves one word alone
    on its last line ("KHEN THƯỞNG", not "THƯỞNG")."""
    head, space, last = (text or "").rpartition(" ")
    if not space or " " not in head:
        return text
    return f"{head}\u00a0{last}"


@register.filter
def recipient_lines(text):
    """The "Nơi nhận" lines: ``;`` after each, ``.`` after the last (the archive line)."""
    lines = [line.strip().lstrip("-").strip().rstrip(";.") for line in text.splitlines()]
    lines = [line for line in lines if line]
    return [line + ("." if last else ";") for last, line in _mark_last(lines)]


def _mark_last(items):
    return [(index == len(items) - 1, item) for index, item in enumerate(items)]


@register.simple_tag
def report_panel(cluster_year):
    """The reports panel of a cluster-year page (everyone who sees the page may read it),
    rendered once per state of the cluster's PDFs (``reports_token``, read first)."""
    return cached_fragment(
        "report-panel",
        reports_token(cluster_ids={cluster_year.cluster_id}),
        cluster_year.pk,
        render=lambda: render_to_string(
            "documents/reports/_panel.html", selectors.report_panel_for(cluster_year=cluster_year)
        ),
    )


@register.inclusion_tag("documents/reports/_latest.html", takes_context=True)
def latest_reports(context, limit=5):
    """The leader's home page: the latest ready reports in their scope, with dates."""
    user = context["request"].user
    return {"versions": selectors.latest_ready_versions(user=user, limit=limit)}


@register.inclusion_tag("documents/reports/_ministry_links.html", takes_context=True)
def ministry_report_links(context, year):
    """Links to the ministry-wide report of the year, for its leaders and staff (the home
    page's cluster-years come with their ministries)."""
    user = context["request"].user
    read = [cy.cluster.ministry for cy in context.get("cluster_years") or ()]
    ministries = selectors.ministries_with_reports_for(user=user, read=read)
    return {"ministries": ministries, "year": year}
