from django.contrib import admin

from clusters.models import Cluster, ClusterYear, Membership


@admin.register(Cluster)
class ClusterAdmin(admin.ModelAdmin):
    list_display = ["name", "ministry", "kind", "number"]
    list_filter = ["ministry", "kind"]
    list_select_related = ["ministry"]
    search_fields = ["name"]


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["unit"]


@admin.register(ClusterYear)
class ClusterYearAdmin(admin.ModelAdmin):
    list_display = ["cluster", "year", "emulation_year"]
    list_filter = ["year", "cluster__ministry"]
    list_select_related = ["cluster", "emulation_year__ministry"]
    inlines = [MembershipInline]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["unit", "cluster_year", "joined_on"]
    list_filter = ["cluster_year__year", "cluster_year__cluster"]
    list_select_related = ["unit", "cluster_year__cluster"]
    autocomplete_fields = ["unit"]
