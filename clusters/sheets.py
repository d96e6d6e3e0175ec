"""Clusters and their members for a year, loaded from a spreadsheet (``emulation.imports``):
one row per member unit. A cluster is known by its kind and number in the ministry; a new
cluster, its year and the membership are created, a corrected cluster name is updated.
Members missing from the file stay members (removing one is done on the cluster's page)."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from clusters.models import Cluster, ClusterYear, Membership
from clusters.services import emulation_year_get_or_create
from emulation.errors import DomainError
from emulation.imports.engine import Column, SheetSpec, register
from units.sheets.common import UNIT_CODE, UNIT_NAME_INFO, YEAR, units_by_code


class MembershipSheet(SheetSpec):
    slug = "clusters"
    title = gettext_lazy("Cụm, khối thi đua và thành viên theo năm")
    description = gettext_lazy("Mỗi dòng một đơn vị thành viên của một cụm, khối trong một năm.")
    sheet_title = "Thành viên cụm"
    columns = (
        YEAR,
        Column(
            "kind",
            gettext_lazy("Loại"),
            kind="choice",
            required=True,
            choices=tuple(Cluster.Kind.choices),
            width=14,
        ),
        Column("number", gettext_lazy("Số cụm, khối"), kind="int", required=True, width=10),
        Column("name", gettext_lazy("Tên cụm, khối"), required=True, max_length=200, width=30),
        UNIT_CODE,
        UNIT_NAME_INFO,
    )
    key = ("year", "kind", "number", "unit_code")

    def _values(self, membership):
        cluster = membership.cluster_year.cluster
        return {
            "year": membership.cluster_year.year,
            "kind": cluster.kind,
            "number": cluster.number,
            "name": cluster.name,
            "unit_code": membership.unit.code,
            "unit_name": membership.unit.name,
        }

    def check(self, *, ministry, rows, state):
        units = units_by_code(ministry=ministry, rows=rows, column="unit_code")
        state["units"] = units
        names = state.setdefault("names", {})
        for row in rows:
            if row.errors:
                continue
            cluster_key = (row.values["kind"], row.values["number"])
            first = names.setdefault(cluster_key, (row.values["name"], row.number))
            if first[0] != row.values["name"]:
                row.refuse(
                    "name",
                    _("khác tên cụm ở dòng %(row)s (“%(name)s”)")
                    % {"row": first[1], "name": first[0]},
                )
        rows = [row for row in rows if not row.errors]
        memberships = Membership.objects.filter(
            unit__in=[units[r.values["unit_code"]] for r in rows],
            cluster_year__year__in={r.values["year"] for r in rows},
            cluster_year__cluster__ministry=ministry,
        ).select_related("cluster_year__cluster", "unit")
        by_key = {
            (
                m.cluster_year.year,
                m.cluster_year.cluster.kind,
                m.cluster_year.cluster.number,
                m.unit.code,
            ): m
            for m in memberships
        }
        for row in rows:
            membership = by_key.get(row.key)
            if membership is not None:
                row.obj, row.old = membership, self.rendered(self._values(membership))

    def write(self, *, ministry, actor, created, changed, state):
        clusters = state.setdefault("clusters", {})
        cluster_years = state.setdefault("cluster_years", {})
        for row in [*created, *changed]:
            cluster_key = (row.values["kind"], row.values["number"])
            cluster = clusters.get(cluster_key)
            if cluster is None:
                cluster, made = Cluster.objects.get_or_create(
                    ministry=ministry,
                    kind=row.values["kind"],
                    number=row.values["number"],
                    defaults={"name": row.values["name"]},
                )
                if not made and cluster.name != row.values["name"]:
                    cluster.name = row.values["name"]
                    cluster.version += 1
                    cluster.save(update_fields=["name", "version"])
                clusters[cluster_key] = cluster
        new = []
        for row in created:
            cluster = clusters[(row.values["kind"], row.values["number"])]
            year = row.values["year"]
            cluster_year = cluster_years.get((cluster.pk, year))
            if cluster_year is None:
                try:
                    emulation_year = emulation_year_get_or_create(ministry=ministry, year=year)
                except DomainError as error:
                    raise DomainError(
                        _("Dòng %(row)s: %(msg)s") % {"row": row.number, "msg": error.message}
                    ) from error
                cluster_year, _made = ClusterYear.objects.get_or_create(
                    cluster=cluster, year=year, defaults={"emulation_year": emulation_year}
                )
                cluster_years[(cluster.pk, year)] = cluster_year
            new.append(
                Membership(cluster_year=cluster_year, unit=state["units"][row.values["unit_code"]])
            )
        Membership.objects.bulk_create(new)

    def export_rows(self, *, ministry):
        memberships = (
            Membership.objects.filter(cluster_year__cluster__ministry=ministry)
            .select_related("cluster_year__cluster", "unit")
            .order_by(
                "-cluster_year__year",
                "cluster_year__cluster__kind",
                "cluster_year__cluster__number",
                "unit__code",
                "unit__name",
            )
        )
        for membership in memberships.iterator(chunk_size=2000):
            yield self._values(membership)


def register_sheets():
    register(MembershipSheet())
