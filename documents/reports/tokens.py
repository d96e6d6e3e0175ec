"""The states of reports' PDF versions, as short strings that key cached pages: a build
writes its version's state without a data version (``clusters.data_version``), so a page that
shows a PDF's state is keyed by these as well. One SQL statement each (``one_row``): the
number of versions, the sum and the largest of their ids, and the sums of the ids of those
building and of those final (built or failed). A new version and every change of state move
them; nothing deletes a version but its report."""

from clusters.data_version import one_row
from clusters.models import ClusterYear
from documents.models import ReportVersion, YearEndReport

VERSIONS, REPORTS = ReportVersion._meta.db_table, YearEndReport._meta.db_table
STATES = (
    "COUNT(v.id), SUM(v.id), MAX(v.id), "
    f"SUM(CASE WHEN v.status = '{ReportVersion.Status.BUILDING}' THEN v.id ELSE 0 END), "
    "SUM(CASE WHEN v.status IN ({}) THEN v.id ELSE 0 END)".format(
        ", ".join(f"'{status}'" for status in ReportVersion.FINAL)
    )
)


def _token(row):
    return "r:" + ".".join(str(value or 0) for value in row)


def reports_token(*, ministry_ids=None, cluster_ids=None):
    """The PDFs of some ministries' reports (of every year and kind) or of some clusters'
    (neither: every one): the home pages key their tiles, tasks and latest reports by it, the
    cluster page its reports panel."""
    ids = sorted(ministry_ids if ministry_ids is not None else cluster_ids or ())
    if not ids and (ministry_ids, cluster_ids) != (None, None):
        return "r:-"  # none of anything
    listed = ", ".join(["%s"] * len(ids))
    where = ""
    if ministry_ids is not None:
        where = f"WHERE r.ministry_id IN ({listed})"
    elif cluster_ids is not None:
        where = f"JOIN {ClusterYear._meta.db_table} cy ON r.cluster_year_id = cy.id "
        where += f"WHERE cy.cluster_id IN ({listed})"
    row = one_row(
        f"SELECT {STATES} FROM {VERSIONS} v JOIN {REPORTS} r ON v.report_id = r.id {where}", ids
    )
    return _token(row)


def report_token(*, cluster_year_id=None, ministry_id=None, year=None):
    """A cluster-year's report, or a ministry's of a year: its id (none while it has never
    been saved) and its PDFs' states, which key the report page."""
    if cluster_year_id is not None:
        where, params = "r.cluster_year_id = %s", [cluster_year_id]
    else:
        where = "r.kind = %s AND r.ministry_id = %s AND r.year = %s"
        params = [YearEndReport.Kind.MINISTRY, ministry_id, year]
    row = one_row(
        f"SELECT r.id, {STATES} FROM {REPORTS} r LEFT JOIN {VERSIONS} v ON v.report_id = r.id "
        f"WHERE {where} GROUP BY r.id",
        params,
    )
    return _token(row) if row is not None else "r:-"
