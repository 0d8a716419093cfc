from django.urls import path

from . import views

app_name = "feedback"

urlpatterns = [
    path("", views.feedback_page, name="page"),
    path("thanks/", views.feedback_thanks, name="thanks"),
    path("token/", views.feedback_token, name="token"),
]
