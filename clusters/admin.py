from django.contrib import admin

from clusters.models import (
    Commitment,
    LeadershipTerm,
    Pledge,
    PledgeSignature,
    RotationPolicy,
    RotationSlot,
    TitleRegistration,
)

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
