from django.contrib import admin

from clusters.models import (
    Cluster,
    ClusterYear,
    Commitment,
    LeadershipTerm,
    Membership,
    Pledge,
    PledgeSignature,
    RotationPolicy,
    RotationSlot,
    TitleRegistration,
)

# --- The foundation: clusters, their years and members (issue 2) ---


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


# --- The start of a cluster's year: leadership, rotation, pledge (issue 3) ---


class RotationSlotInline(admin.TabularInline):
    model = RotationSlot
    extra = 0
    raw_id_fields = ["unit"]


@admin.register(RotationPolicy)
class RotationPolicyAdmin(admin.ModelAdmin):
    list_display = ["cluster", "method", "no_repeat_years"]
    inlines = [RotationSlotInline]


@admin.register(LeadershipTerm)
class LeadershipTermAdmin(admin.ModelAdmin):
    list_display = ["cluster_year", "head_unit", "head_name", "deputy_unit", "deputy_name"]
    list_filter = ["cluster_year__cluster", "selection"]
    list_select_related = ["cluster_year__cluster", "head_unit", "deputy_unit"]
    raw_id_fields = ["cluster_year", "head_unit", "deputy_unit"]


class CommitmentInline(admin.TabularInline):
    model = Commitment
    extra = 0


class TitleRegistrationInline(admin.TabularInline):
    model = TitleRegistration
    extra = 0
    raw_id_fields = ["unit", "award_title"]


class PledgeSignatureInline(admin.TabularInline):
    model = PledgeSignature
    extra = 0
    raw_id_fields = ["unit", "recorded_by"]


@admin.register(Pledge)
class PledgeAdmin(admin.ModelAdmin):
    list_display = ["cluster_year", "state", "conference_date"]
    list_filter = ["state", "cluster_year__cluster"]
    list_select_related = ["cluster_year__cluster"]
    raw_id_fields = ["cluster_year"]
    inlines = [CommitmentInline, TitleRegistrationInline, PledgeSignatureInline]
