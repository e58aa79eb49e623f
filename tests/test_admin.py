import pytest
from django.contrib import admin
from django.urls import reverse

from stories import models as m
from tests.factories import make_story


@pytest.fixture
def editor_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("chief", "chief@example.org", "x" * 20)
    client.force_login(user)
    return client


def test_every_admin_page_renders(editor_client, db):
    story = make_story(2)
    m.ActorDecision.objects.create(story=story, kind="same", name="A. Example", other_name="Alice")
    m.Quote.objects.create(article=story.articles.first(), text="We will.", key="k", start=0, end=5)
    m.ActorAlias.objects.create(actor=story.actors.first(), name="Alice")
    for model in admin.site._registry:
        info = model._meta.app_label, model._meta.model_name
        changelist = reverse("admin:{}_{}_changelist".format(*info))
        assert editor_client.get(changelist).status_code == 200, changelist
        assert editor_client.get(changelist, {"q": "a"}).status_code == 200, changelist
        obj = model.objects.first()
        if obj is not None:
            change = reverse("admin:{}_{}_change".format(*info), args=[obj.pk])
            assert editor_client.get(change).status_code == 200, change
        add = reverse("admin:{}_{}_add".format(*info))
        assert editor_client.get(add).status_code in (200, 403), add


def test_editing_an_event_in_the_admin_locks_the_edited_fields(editor_client, db):
    story = make_story(1)
    event = story.events.get()
    url = reverse("admin:stories_event_change", args=[event.pk])
    form = editor_client.get(url).context["adminform"].form
    data = {k: v for k, v in form.initial.items() if v is not None}
    data.update(
        {
            "title": "A better title",
            "date_start": "2020-01-01",
            "granularity": "month",
            "actors": [a.pk for a in event.actors.all()],
            "topics": [],
            "sources-TOTAL_FORMS": "0",
            "sources-INITIAL_FORMS": "0",
        }
    )
    data.pop("story", None)
    # Keep the existing inline rows as they are.
    sources = list(event.sources.all())
    data["sources-TOTAL_FORMS"] = str(len(sources))
    data["sources-INITIAL_FORMS"] = str(len(sources))
    for i, s in enumerate(sources):
        data.update(
            {
                f"sources-{i}-id": s.pk,
                f"sources-{i}-event": event.pk,
                f"sources-{i}-article": s.article_id,
                f"sources-{i}-sentence": s.sentence,
            }
        )
    response = editor_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    event.refresh_from_db()
    assert event.title == "A better title"
    assert {"title", "date_start", "granularity"} <= set(event.locked_fields)
    assert event.date_label == "January 2020"
    assert str(event.date_end) == "2020-01-31"
