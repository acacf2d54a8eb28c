"""Live-coverage pages (``/<lang>/coverage/…``), cached whole like every public page; the JSON the
scripts poll lives under ``/<lang>/live/``, which the page cache leaves to the views."""

from django.urls import path

from live import views

urlpatterns = [path("<int:article_id>/", views.all_updates, name="all_updates")]
