from django.contrib import admin

from clusters.models import (
    Criterion,
    CriterionGroup,
    CriterionLevel,
    Evidence,
    Minutes,
    MinutesAttendance,
    Score,
    ScoringTable,
    Vote,
    VoteCount,
)

# --- Year-end evaluation (issue 4): scoring tables, scores, votes, minutes -----------------
# Edits belong in the app's pages (they audit and respect the freeze); the admin is for
# looking things up.


class CriterionGroupInline(admin.TabularInline):
    model = CriterionGroup
    extra = 0


@admin.register(ScoringTable)
class ScoringTableAdmin(admin.ModelAdmin):
    list_display = ["name", "ministry", "year", "cluster"]
    list_filter = ["ministry", "year"]
    inlines = [CriterionGroupInline]


class CriterionLevelInline(admin.TabularInline):
    model = CriterionLevel
    extra = 0


@admin.register(Criterion)
class CriterionAdmin(admin.ModelAdmin):
    list_display = ["code", "text", "group", "max_points", "evidence_required"]
    list_filter = ["group__table"]
    inlines = [CriterionLevelInline]


@admin.register(Score)
class ScoreAdmin(admin.ModelAdmin):
    list_display = ["cluster_year", "unit", "criterion", "self_score", "agreed_score"]
    list_filter = ["cluster_year__year"]
    list_select_related = ["cluster_year__cluster", "unit", "criterion"]
    raw_id_fields = ["cluster_year", "unit", "criterion", "updated_by"]


@admin.register(Evidence)
class EvidenceAdmin(admin.ModelAdmin):
    list_display = ["original_name", "score", "size", "uploaded_at"]
    raw_id_fields = ["score", "uploaded_by"]


class VoteCountInline(admin.TabularInline):
    model = VoteCount
    extra = 0


@admin.register(Vote)
class VoteAdmin(admin.ModelAdmin):
    list_display = ["cluster_year", "award_title", "state", "ballots_cast", "valid_ballots"]
    list_filter = ["state"]
    inlines = [VoteCountInline]


class MinutesAttendanceInline(admin.TabularInline):
    model = MinutesAttendance
    extra = 0


@admin.register(Minutes)
class MinutesAdmin(admin.ModelAdmin):
    list_display = ["cluster_year", "held_on", "chair_name", "state", "signed_at"]
    list_filter = ["state"]
    inlines = [MinutesAttendanceInline]


# --- end of year-end evaluation -------------------------------------------------------------
