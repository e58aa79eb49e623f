from django.urls import path

from stories import views

app_name = "stories"

urlpatterns = [
    path("", views.story_list, name="story_list"),
    path("stories/<slug:slug>/", views.timeline, name="timeline"),
    path("stories/<slug:slug>/export.<str:fmt>", views.export, name="export"),
    path("stories/<slug:slug>/events/<int:pk>/", views.event_detail, name="event"),
    path("stories/<slug:slug>/actors/<slug:actor_slug>/", views.actor_detail, name="actor"),
]
