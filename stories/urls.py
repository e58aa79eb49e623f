from django.urls import path

from stories import views

app_name = "stories"

urlpatterns = [
    path("", views.story_list, name="story_list"),
    path("stories/<slug:slug>/", views.timeline, name="timeline"),
    path("stories/<slug:slug>/facets/<slug:name>/", views.facet, name="facet"),
    path("stories/<slug:slug>/overview/", views.overview, name="overview"),
    path("stories/<slug:slug>/export.<str:fmt>", views.export, name="export"),
    path("stories/<slug:slug>/events/<int:pk>/", views.event_detail, name="event"),
    path("stories/<slug:slug>/coverage/", views.coverage, name="coverage"),
    path("stories/<slug:slug>/quotes/", views.quotes, name="quotes"),
    path("stories/<slug:slug>/articles/", views.article_list, name="articles"),
    path("stories/<slug:slug>/articles/<int:pk>/", views.article_detail, name="article"),
    path("stories/<slug:slug>/actors/<slug:actor_slug>/", views.actor_detail, name="actor"),
]
