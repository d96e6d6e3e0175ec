from django.urls import path

from units import people_views, views

app_name = "units"
urlpatterns = [
    path("", views.unit_list, name="list"),
    path("new/", views.unit_create, name="create"),
    path("<int:pk>/", views.unit_detail, name="detail"),
    path("<int:pk>/edit/", views.unit_edit, name="edit"),
]

# People and yearly records (units/people_views.py).
urlpatterns += [
    path("<int:pk>/people/", people_views.unit_people, name="people"),
    path("<int:pk>/people/new/", people_views.person_create, name="person_create"),
    path("<int:pk>/years/<year:year>/", people_views.unit_year_edit, name="unit_year"),
    path("people/<int:pk>/", people_views.person_detail, name="person"),
    path("people/<int:pk>/edit/", people_views.person_edit, name="person_edit"),
    path("people/<int:pk>/years/<year:year>/", people_views.person_year_edit, name="person_year"),
]
