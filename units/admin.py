from django.contrib import admin

from units.models import Person, PersonYear, Unit, UnitYear


@admin.register(Unit)
class UnitAdmin(admin.ModelAdmin):
    list_display = ["name", "short_name", "kind", "ministry", "is_active"]
    list_filter = ["ministry", "kind", "is_active"]
    list_select_related = ["ministry"]
    search_fields = ["name", "short_name"]


class PersonYearInline(admin.TabularInline):
    model = PersonYear
    extra = 0
    filter_horizontal = ["prior_titles"]


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["full_name", "position", "gender", "unit"]
    list_filter = ["gender", "unit__ministry"]
    search_fields = ["full_name"]
    list_select_related = ["unit"]
    inlines = [PersonYearInline]


@admin.register(UnitYear)
class UnitYearAdmin(admin.ModelAdmin):
    list_display = ["unit", "year", "task_rating", "staff_count", "advanced_count"]
    list_filter = ["year"]
    list_select_related = ["unit"]
