from django.contrib import admin

from units.models import Person, PersonYear, UnitYear

# People and yearly records (awards feature).


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
