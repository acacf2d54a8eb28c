from django.urls import path

from live import views

app_name = "live"
urlpatterns = [
    path("<int:article_id>/updates.json", views.updates, name="updates"),
    path("breaking.json", views.breaking, name="breaking"),
]
