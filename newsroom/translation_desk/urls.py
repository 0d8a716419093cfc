"""Admin pages of the translation desk, under /admin/translations/ (see newsroom/urls.py)."""

from django.contrib import admin
from django.urls import path

from . import views

app_name = "translation_desk"

urlpatterns = [
    path("", admin.site.admin_view(views.dashboard), name="dashboard"),
    path("<int:pk>/", admin.site.admin_view(views.desk), name="desk"),
]
