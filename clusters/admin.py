from django.contrib import admin

from clusters.models import (
    Cluster,
    ClusterYear,
    Commitment,
    Criterion,
    CriterionGroup,
    CriterionLevel,
    Evidence,
    LeadershipTerm,
    Membership,
    Minutes,
    MinutesAttendance,
    Pledge,
    PledgeSignature,
    RotationPolicy,
    RotationSlot,
    Score,
    ScoringTable,
    TitleRegistration,
    Vote,
    VoteCount,
)
from emulation.admin_readonly import ReadOnlyAdmin, ReadOnlyInline

# --- The foundation: clusters, their years and members ---


@admin.register(Cluster)
class ClusterAdmin(admin.ModelAdmin):
    list_display = ["name", "ministry", "kind", "number"]
    list_filter = ["ministry", "kind"]
    list_select_related = ["ministry"]
    search_fields = ["name"]


class MembershipInline(ReadOnlyInline):
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
class MembershipAdmin(ReadOnlyAdmin):
    list_display = ["unit", "cluster_year", "joined_on"]
    list_filter = ["cluster_year__year", "cluster_year__cluster"]
    list_select_related = ["unit", "cluster_year__cluster"]
    autocomplete_fields = ["unit"]


# --- The start of a cluster's year: leadership, rotation, pledge ---


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


class CommitmentInline(ReadOnlyInline):
    model = Commitment
    extra = 0


class TitleRegistrationInline(ReadOnlyInline):
    model = TitleRegistration
    extra = 0
    raw_id_fields = ["unit", "award_title"]


class PledgeSignatureInline(ReadOnlyInline):
    model = PledgeSignature
    extra = 0
    raw_id_fields = ["unit", "recorded_by"]


@admin.register(Pledge)
class PledgeAdmin(ReadOnlyAdmin):
    list_display = ["cluster_year", "state", "conference_date"]
    list_filter = ["state", "cluster_year__cluster"]
    list_select_related = ["cluster_year__cluster"]
    raw_id_fields = ["cluster_year"]
    inlines = [CommitmentInline, TitleRegistrationInline, PledgeSignatureInline]


# --- Year-end evaluation: scoring tables, scores, votes, minutes -----------------
# Edits belong in the app's pages (they check rights, audit and respect the freeze): the
# admin only looks them up (read-only, as are memberships and pledges above).


class CriterionGroupInline(ReadOnlyInline):
    model = CriterionGroup
    extra = 0


@admin.register(ScoringTable)
class ScoringTableAdmin(ReadOnlyAdmin):
    list_display = ["name", "ministry", "year", "cluster"]
    list_filter = ["ministry", "year"]
    inlines = [CriterionGroupInline]


class CriterionLevelInline(ReadOnlyInline):
    model = CriterionLevel
    extra = 0


@admin.register(Criterion)
class CriterionAdmin(ReadOnlyAdmin):
    list_display = ["code", "text", "group", "max_points", "evidence_required"]
    list_filter = ["group__table"]
    inlines = [CriterionLevelInline]


@admin.register(Score)
class ScoreAdmin(ReadOnlyAdmin):
    list_display = ["cluster_year", "unit", "criterion", "self_score", "agreed_score"]
    list_filter = ["cluster_year__year"]
    list_select_related = ["cluster_year__cluster", "unit", "criterion"]
    raw_id_fields = ["cluster_year", "unit", "criterion", "updated_by"]


@admin.register(Evidence)
class EvidenceAdmin(ReadOnlyAdmin):
    list_display = ["original_name", "score", "size", "uploaded_at"]
    raw_id_fields = ["score", "uploaded_by"]


class VoteCountInline(ReadOnlyInline):
    model = VoteCount
    extra = 0


@admin.register(Vote)
class VoteAdmin(ReadOnlyAdmin):
    list_display = ["cluster_year", "award_title", "state", "ballots_cast", "valid_ballots"]
    list_filter = ["state"]
    inlines = [VoteCountInline]


class MinutesAttendanceInline(ReadOnlyInline):
    model = MinutesAttendance
    extra = 0


@admin.register(Minutes)
class MinutesAdmin(ReadOnlyAdmin):
    list_display = ["cluster_year", "held_on", "chair_name", "state", "signed_at"]
    list_filter = ["state"]
    inlines = [MinutesAttendanceInline]


# --- end of year-end evaluation -------------------------------------------------------------
