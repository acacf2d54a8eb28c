from django.urls import path

from live import views

app_name = "live"
urlpatterns = [
    # JSON the scripts poll (cached by the views, outside the page cache: see PUBLIC_PAGE_CACHE_EXCLUDE).
    path("<int:article_id>/updates.json", views.updates, name="updates"),
    path("breaking.json", views.breaking, name="breaking"),
]
