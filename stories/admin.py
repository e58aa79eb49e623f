"""Editors' corrections. Whatever an editor changes is locked against the next ingest.

Field edits are recorded in ``locked_fields``; merges, splits and rulings on names are made by
``stories.corrections`` and recorded the same way (see there why each one survives a re-ingest).
Every action writes a LogEntry, so each item's History page tells who decided what.
"""

from __future__ import annotations

import calendar
from datetime import date

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Count, Prefetch, Q
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join

from stories import corrections, derived, tasks
from stories import models as m
from stories.corrections import DATE_FIELDS, CorrectionError
from stories.uploads import ArticleUploadForm
from stories.wording import counted

# The app list beside every page takes a quarter of a 1280 px screen from the event list and
# the change page, which need it for titles and evidence; the breadcrumbs lead back instead.
admin.site.enable_nav_sidebar = False


def period_start(start: date, granularity: str) -> date:
    if granularity == "year":
        return date(start.year, 1, 1)
    if granularity == "month":
        return date(start.year, start.month, 1)
    return start


def period_end(start: date, granularity: str) -> date:
    if granularity == "year":
        return date(start.year, 12, 31)
    if granularity == "month":
        return date(start.year, start.month, calendar.monthrange(start.year, start.month)[1])
    return start


LOCK_NAMES = {
    "sources": "evidence (merged, split, attached or detached)",
    "date_start": "date",
    "actors": "who",
    "aliases": "names",
}


def locked_description(obj) -> str:
    """An item's locked fields as an editor reads them: "title, date, evidence (merged…)"."""
    names = []
    for field in obj.locked_fields or []:
        if field in DATE_FIELDS and field != "date_start":
            continue  # the date's parts are locked together: say "date" once
        names.append(LOCK_NAMES.get(field, field.replace("_", " ")))
    return ", ".join(names) if names else "Nothing yet: every field is the machine's."


class LockEditsMixin:
    """Records the fields an editor changed, so ingest keeps the editor's values."""

    lockable: tuple[str, ...] = ()

    @admin.display(description="fields an editor set (ingest keeps them)")
    def locked_list(self, obj) -> str:
        return locked_description(obj)

    def save_model(self, request, obj, form, change) -> None:
        changed = {f for f in form.changed_data if f in self.lockable}
        if changed & set(DATE_FIELDS):
            changed |= set(DATE_FIELDS)
            if obj.date_start is None:
                obj.date_end = None
            elif obj.granularity:
                # A month or a year starts on its first day, whatever day the editor typed.
                obj.date_start = period_start(obj.date_start, obj.granularity)
                obj.date_end = period_end(obj.date_start, obj.granularity)
            obj.date_basis = "editor"
        if changed:
            obj.locked_fields = sorted(set(obj.locked_fields) | changed)
        super().save_model(request, obj, form, change)


class CorrectedFilter(admin.SimpleListFilter):
    """Rows an editor changed (any locked field, merge or split) or left as the machine made."""

    title = "corrected by an editor"
    parameter_name = "corrected"

    def lookups(self, request, model_admin):
        return [("yes", "Corrected"), ("no", "As extracted")]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.exclude(locked_fields=[])
        if self.value() == "no":
            return queryset.filter(locked_fields=[])
        return queryset


class CorrectionActionsMixin:
    """Helpers for actions that ask for a confirmation and write the admin's history."""

    def _selected(self, request, queryset):
        return list(queryset.order_by("pk"))

    def _confirm(self, request, queryset, *, action: str, title: str, template: str, **extra):
        opts = self.model._meta
        context = {
            **self.admin_site.each_context(request),
            "title": title,
            "opts": opts,
            "objects": self._selected(request, queryset),
            "action": action,
            "action_checkbox_name": ACTION_CHECKBOX_NAME,
            "media": self.media,
            **extra,
        }
        return TemplateResponse(request, template, context)

    def _survivor(self, request, objects):
        pk = request.POST.get("survivor")
        return next((o for o in objects if str(o.pk) == pk), None)


@admin.register(m.Story)
class StoryAdmin(LockEditsMixin, admin.ModelAdmin):
    # An editor's title is locked: ``ingest --title`` no longer replaces it.
    lockable = ("title",)
    list_display = ("title", "slug", "article_count", "created")
    search_fields = ("title", "slug")
    prepopulated_fields = {"slug": ("title",)}

    def get_readonly_fields(self, request, obj=None):
        # A story's slug is its address: changing it would break every shared link.
        return ("slug", "locked_list") if obj else ()

    def get_prepopulated_fields(self, request, obj=None):
        return {} if obj else self.prepopulated_fields

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(n_articles=Count("articles"))

    @admin.display(description="articles", ordering="n_articles")
    def article_count(self, obj: m.Story) -> int:
        return obj.n_articles

    # --- adding articles and following the background runs -------------------------------

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path(
                "<int:object_id>/add-articles/",
                view(self.add_articles_view),
                name="stories_story_add_articles",
            ),
            path(
                "<int:object_id>/ingestion/",
                view(self.ingestion_view),
                name="stories_story_ingestion",
            ),
            path(
                "<int:object_id>/reextract/",
                view(self.reextract_view),
                name="stories_story_reextract",
            ),
            *super().get_urls(),
        ]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        story = self.get_object(request, object_id)
        extra = self._ingestion_context(request, story) if story else {}
        return super().change_view(request, object_id, form_url, {**extra, **(extra_context or {})})

    def _ingestion_context(self, request, story: m.Story) -> dict:
        jobs = list(m.IngestJob.objects.for_story(story).recent())
        return {
            "story": story,
            "jobs": jobs,
            "polling": any(not j.is_over for j in jobs),
            "can_add_articles": request.user.has_perm("stories.add_article"),
            "can_reextract": request.user.has_perm("stories.change_article"),
        }

    def _story_or_404(self, request, object_id: int) -> m.Story:
        story = get_object_or_404(m.Story, pk=object_id)
        if not self.has_view_permission(request, story):
            raise PermissionDenied
        return story

    def ingestion_view(self, request, object_id: int):
        """The runs of one story and how far each has got: the fragment htmx polls."""
        story = self._story_or_404(request, object_id)
        response = TemplateResponse(
            request,
            "admin/stories/story/_ingestion.html",
            self._ingestion_context(request, story),
        )
        response["Cache-Control"] = "no-store"
        return response

    def add_articles_view(self, request, object_id: int):
        story = self._story_or_404(request, object_id)
        if not request.user.has_perm("stories.add_article"):
            raise PermissionDenied
        posted = request.method == "POST"
        form = ArticleUploadForm(request.POST, request.FILES) if posted else ArticleUploadForm()
        if posted and form.is_valid():
            articles = form.cleaned_data["articles"]
            job = tasks.queue_articles(story, articles, request.user)
            names = ", ".join(a["file"] for a in articles)
            self.log_change(request, story, f"Queued adding articles: {names} (run #{job.pk}).")
            self.message_user(
                request,
                f"Queued {counted(len(articles), 'article')} for “{story.title}”: {names}. "
                "Progress shows below; readers see the new events once the run has finished.",
                messages.SUCCESS,
            )
            return HttpResponseRedirect(reverse("admin:stories_story_change", args=[story.pk]))
        context = {
            **self.admin_site.each_context(request),
            "title": f"Add articles to “{story.title}”",
            "opts": self.model._meta,
            "original": story,
            "form": form,
            "media": self.media + form.media,
        }
        return TemplateResponse(request, "admin/stories/story/add_articles.html", context)

    def reextract_view(self, request, object_id: int):
        story = self._story_or_404(request, object_id)
        if request.method != "POST" or not request.user.has_perm("stories.change_article"):
            raise PermissionDenied
        job = tasks.queue_reextract(story, request.user)
        self.log_change(request, story, f"Queued extracting the story again (run #{job.pk}).")
        self.message_user(
            request,
            f"Queued extracting “{story.title}” again; progress shows below.",
            messages.SUCCESS,
        )
        return HttpResponseRedirect(reverse("admin:stories_story_change", args=[story.pk]))


@admin.register(m.Outlet)
class OutletAdmin(admin.ModelAdmin):
    list_display = ("name", "slug")
    search_fields = ("name",)
    prepopulated_fields = {"slug": ("name",)}


@admin.register(m.Article)
class ArticleAdmin(LockEditsMixin, admin.ModelAdmin):
    lockable = ("outlet", "author", "published", "url")
    list_display = (
        "file_name",
        "headline",
        "outlet",
        "author",
        "published",
        "published_basis",
        "corrected",
    )
    list_filter = ("story", "outlet", "published_basis", CorrectedFilter)
    list_select_related = ("outlet", "story")
    search_fields = ("file_name", "headline", "author")
    readonly_fields = (
        "story",
        "file_name",
        "content_hash",
        "headline",
        "published_basis",
        "body",
        "locked_list",
    )
    fields = (
        "story",
        "file_name",
        "headline",
        "outlet",
        "url",
        "author",
        "published",
        "published_basis",
        "content_hash",
        "body",
        "locked_list",
    )
    autocomplete_fields = ("outlet",)
    formfield_overrides = {
        models.URLField: {"widget": forms.URLInput, "assume_scheme": "https"},
    }
    actions = ["rerun_extraction"]

    @admin.display(boolean=True, description="corrected")
    def corrected(self, obj: m.Article) -> bool:
        return obj.corrected

    def has_add_permission(self, request) -> bool:
        # An article joins a story through the story's "Add articles…" page, which reads and
        # checks its text; a bare form here could only save an article of no story.
        return False

    def save_model(self, request, obj, form, change) -> None:
        if "published" in form.changed_data:
            obj.published_basis = "editor"
            obj.lock("published_basis")
        super().save_model(request, obj, form, change)
        if change and {"published", "outlet"} & set(form.changed_data):
            self.message_user(
                request,
                "Events dated from this article move to the new date when its story is "
                "extracted again (action “Re-run extraction”, or the next ingest).",
                messages.INFO,
            )

    @admin.action(
        description="Re-run extraction of the selected articles' stories", permissions=["change"]
    )
    def rerun_extraction(self, request, queryset):
        stories = m.Story.objects.filter(pk__in=queryset.values("story")).order_by("title")
        for story in stories:
            job = tasks.queue_reextract(story, request.user)
            for article in queryset.filter(story=story):
                self.log_change(
                    request, article, f"Queued extracting its story again (run #{job.pk})."
                )
            url = reverse("admin:stories_story_change", args=[story.pk])
            self.message_user(
                request,
                format_html(
                    "Queued extracting “{}” again from its stored articles; editors' corrections "
                    'are kept. <a href="{}">Follow its progress on the story\'s page.</a>',
                    story.title,
                    url,
                ),
                messages.SUCCESS,
            )

    def get_deleted_objects(self, objs, request):
        # What goes with an article (its sentences as evidence, its quotes, its stored parse)
        # is the machine's reading of it, rebuilt by the run its deletion queues: deleting the
        # article needs no right to delete those one by one.
        deleted, counts, _perms_needed, protected = super().get_deleted_objects(objs, request)
        return deleted, counts, set(), protected

    def delete_model(self, request, obj) -> None:
        story = obj.story
        super().delete_model(request, obj)
        self._extract_again_without(request, [story])

    def delete_queryset(self, request, queryset) -> None:
        stories = list(m.Story.objects.filter(pk__in=queryset.values("story")))
        super().delete_queryset(request, queryset)
        self._extract_again_without(request, stories)

    def _extract_again_without(self, request, stories: list[m.Story]) -> None:
        # Merged events and dates inferred from siblings depended on the deleted articles.
        for story in stories:
            tasks.queue_reextract(story, request.user)
            self.message_user(
                request,
                f"“{story.title}” is being extracted again without the deleted article(s).",
                messages.INFO,
            )


class ActorAliasInline(admin.TabularInline):
    model = m.ActorAlias
    extra = 1
    fields = ("name", "by_editor")
    readonly_fields = ("by_editor",)


@admin.register(m.Actor)
class ActorAdmin(CorrectionActionsMixin, LockEditsMixin, admin.ModelAdmin):
    lockable = ("name", "kind")
    list_display = ("name", "kind", "story", "event_count", "corrected")
    list_filter = ("story", "kind", CorrectedFilter)
    list_select_related = ("story",)
    search_fields = ("name", "aliases__name")
    inlines = [ActorAliasInline]
    readonly_fields = ("locked_list",)
    actions = ["merge_actors", "mark_not_the_same"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(n_events=Count("events", distinct=True))

    @admin.display(description="events", ordering="n_events")
    def event_count(self, obj: m.Actor) -> int:
        return obj.n_events

    @admin.display(boolean=True, description="corrected")
    def corrected(self, obj: m.Actor) -> bool:
        return obj.corrected

    def save_model(self, request, obj, form, change) -> None:
        super().save_model(request, obj, form, change)
        old = form.initial.get("name")
        if change and "name" in form.changed_data and old and old.lower() != obj.name.lower():
            # The machine still knows the actor by the old name: keep it as the editor's alias.
            m.ActorAlias.objects.get_or_create(actor=obj, name=old, defaults={"by_editor": True})

    def save_formset(self, request, form, formset, change) -> None:
        aliases = formset.save(commit=False)
        for alias in aliases:
            alias.by_editor = True
            alias.save()
        for alias in formset.deleted_objects:
            corrections.remove_alias(alias)
        formset.save_m2m()

    @admin.action(description="Merge the selected actors into one…", permissions=["change"])
    def merge_actors(self, request, queryset):
        objects = self._selected(request, queryset)
        if len(objects) < 2:
            self.message_user(request, "Select two or more actors to merge.", messages.ERROR)
            return None
        if request.POST.get("post") == "yes":
            survivor = self._survivor(request, objects)
            if survivor is None:
                self.message_user(request, "Choose the actor to keep.", messages.ERROR)
                return None
            try:
                merged = corrections.merge_actors(survivor, objects)
            except CorrectionError as exc:
                self.message_user(request, str(exc), messages.ERROR)
                return None
            names = ", ".join(f"“{a.name}”" for a in merged)
            self.log_change(
                request,
                survivor,
                f"Merged {names} into this actor; their events, quotes and names are its own, "
                "and the pipeline is told they are one.",
            )
            self.message_user(request, f"Merged {names} into “{survivor.name}”.", messages.SUCCESS)
            return None
        return self._confirm(
            request,
            queryset,
            action="merge_actors",
            title="Merge actors",
            template="admin/stories/merge_confirmation.html",
            explanation=(
                "Events, quotes and names of the others move to the actor you keep, and the "
                "others are deleted. Every later ingest treats their names as this actor."
            ),
        )

    @admin.action(
        description="Mark the two selected actors as not the same", permissions=["change"]
    )
    def mark_not_the_same(self, request, queryset):
        objects = self._selected(request, queryset)
        if len(objects) != 2:
            self.message_user(request, "Select exactly two actors.", messages.ERROR)
            return
        first, second = objects
        try:
            corrections.mark_different(first, second)
        except CorrectionError as exc:
            self.message_user(request, str(exc), messages.ERROR)
            return
        for actor, other in ((first, second), (second, first)):
            self.log_change(request, actor, f"Marked as not the same as “{other.name}”.")
        self.message_user(
            request,
            f"“{first.name}” and “{second.name}” will never be merged by ingest.",
            messages.SUCCESS,
        )


@admin.register(m.ActorDecision)
class ActorDecisionAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "other_name", "story", "created")
    list_filter = ("story", "kind")
    list_select_related = ("story",)
    search_fields = ("name", "other_name")


@admin.register(m.Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ("name", "slug")
    search_fields = ("name", "slug")


class SameStoryForm(forms.ModelForm):
    """Autocomplete offers every story's actors and events; only this story's may be chosen."""

    def clean(self):
        data = super().clean()
        obj = self.instance
        story_id = (
            obj.story_id
            if isinstance(obj, m.Event)
            else getattr(data.get("article") or getattr(obj, "article", None), "story_id", None)
        )
        chosen = list(data.get("actors") or [])
        chosen += [data[name] for name in ("speaker", "event") if data.get(name) is not None]
        if story_id is not None and any(item.story_id != story_id for item in chosen):
            raise forms.ValidationError("Choose actors and events of this article's own story.")
        return data


class EvidenceForm(forms.ModelForm):
    """Existing evidence can only be detached or attached again; new evidence is checked against
    the article's text and attached as the editor's."""

    class Meta:
        model = m.EventSource
        fields = ("article", "sentence", "detached")
        widgets = {"sentence": forms.Textarea(attrs={"rows": 2, "cols": 70})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["article"].disabled = True
            self.fields["sentence"].disabled = True

    def clean(self):
        data = super().clean()
        if self.instance.pk or self.errors:
            return data
        article, sentence = data.get("article"), (data.get("sentence") or "").strip()
        if article is None or not sentence:
            return data
        event = data.get("event") or getattr(self.instance, "event", None)
        if event is not None and article.story_id != event.story_id:
            raise forms.ValidationError("This article belongs to another story.")
        at = article.raw_text.find(sentence)
        if at < 0:
            raise forms.ValidationError(
                "This sentence is not in the article; paste it exactly as the article has it."
            )
        self.instance.start, self.instance.end = at, at + len(sentence)
        data["sentence"] = sentence
        event = data.get("event")
        event_id = event.pk if event is not None else self.instance.event_id
        if (
            event_id
            and m.EventSource.objects.filter(
                event_id=event_id, article=article, sentence_key=m.text_key(sentence)
            ).exists()
        ):
            raise forms.ValidationError(
                "The event already has this evidence; untick “detached” to attach it again."
            )
        return data


class EventSourceInline(admin.TabularInline):
    model = m.EventSource
    form = EvidenceForm
    extra = 0
    fields = ("article", "sentence", "added_by", "detached")
    readonly_fields = ("added_by",)
    autocomplete_fields = ("article",)
    can_delete = False  # detach instead: a tombstone keeps ingest from attaching it again
    show_change_link = False
    verbose_name = "evidence"
    verbose_name_plural = "evidence (detach to remove; add a row to attach a sentence)"

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("article__outlet")

    @admin.display(description="added by")
    def added_by(self, obj: m.EventSource) -> str:
        # Words, not Django's red and green icons: a red cross reads as "delete".
        if obj.pk is None:
            return "you"
        return "an editor" if obj.by_editor else "the machine"


@admin.register(m.Event)
class EventAdmin(CorrectionActionsMixin, LockEditsMixin, admin.ModelAdmin):
    form = SameStoryForm
    lockable = ("title", "actors", "topics", *DATE_FIELDS)
    # The title gets the room: the story is a filter, the date is shown at its granularity.
    list_display = ("title", "when", "source_count", "verified", "hidden", "corrected")
    list_display_links = ("title",)
    # Undated events last, as on the timeline; a day's events in the story's order.
    ordering = (models.F("date_start").asc(nulls_last=True), "-date_end", "sequence", "pk")
    list_filter = (
        "story",
        "verified",
        "hidden",
        CorrectedFilter,
        "granularity",
        "date_basis",
        "topics",
    )
    list_select_related = ("story",)
    list_editable = ("verified", "hidden")
    search_fields = ("title", "sources__sentence")
    autocomplete_fields = ("actors", "topics")
    date_hierarchy = "date_start"
    inlines = [EventSourceInline]
    fieldsets = (
        (None, {"fields": ("story", "title", "verified", "hidden")}),
        (
            "Date",
            {"fields": ("date_start", "granularity", "date_qualifier", "date_text", "date_basis")},
        ),
        ("Who and what", {"fields": ("actors", "topics")}),
        ("Kept from the machine", {"fields": ("alternative_dates_list", "locked_list")}),
    )
    readonly_fields = ("story", "date_basis", "alternative_dates_list", "locked_list")
    actions = ["merge_events", "split_event", "mark_verified", "hide_events", "show_events"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(n_sources=Count("sources", filter=Q(sources__detached=False), distinct=True))
        )

    @admin.display(description="sources", ordering="n_sources")
    def source_count(self, obj: m.Event) -> int:
        return obj.n_sources

    @admin.display(description="date", ordering="date_start")
    def when(self, obj: m.Event) -> str:
        return obj.date_label

    @admin.display(description="other outlets' dates")
    def alternative_dates_list(self, obj: m.Event) -> str:
        alts = [a for a in obj.alternative_dates or [] if isinstance(a, dict)]
        if not alts:
            return "None: the outlets agree on the date."
        return format_html_join(
            "",
            "<p>{} from “{}” ({})</p>",
            ((a.get("label"), a.get("text"), a.get("file")) for a in alts),
        )

    def _selected(self, request, queryset):
        # The merge confirmation shows each candidate's outlets and evidence to choose by.
        return list(
            queryset.order_by("pk").prefetch_related(
                Prefetch(
                    "sources",
                    queryset=m.EventSource.objects.active().select_related("article__outlet"),
                    to_attr="active_sources",
                )
            )
        )

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "title":
            # Long titles wrap in a box that shows them whole.
            kwargs["widget"] = forms.Textarea(attrs={"rows": 2, "class": "vLargeTextField"})
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    @admin.display(boolean=True, description="corrected")
    def corrected(self, obj: m.Event) -> bool:
        return obj.corrected

    def save_related(self, request, form, formsets, change) -> None:
        super().save_related(request, form, formsets, change)
        # Its evidence or actors may have changed what its outlets contradict each other on.
        derived.refresh_disputes(form.instance.story, [form.instance])

    def save_formset(self, request, form, formset, change) -> None:
        if formset.model is not m.EventSource:
            return super().save_formset(request, form, formset, change)
        event = form.instance
        touched = False
        for source in formset.save(commit=False):
            if source.pk is None:
                source.by_editor = True  # attached by a person: kept whatever the machine says
            elif not source.detached:
                source.by_editor = True  # attached again by a person
            source.save()
            touched = True
        formset.save_m2m()
        if touched:
            event.lock("sources")
            event.save(update_fields=["locked_fields", "updated"])

    # --- actions ------------------------------------------------------------------------

    @admin.action(description="Merge the selected events into one…", permissions=["change"])
    def merge_events(self, request, queryset):
        objects = self._selected(request, queryset)
        if len(objects) < 2:
            self.message_user(request, "Select two or more events to merge.", messages.ERROR)
            return None
        if request.POST.get("post") == "yes":
            survivor = self._survivor(request, objects)
            if survivor is None:
                self.message_user(request, "Choose the event to keep.", messages.ERROR)
                return None
            # Named before the merge: the merged events are deleted by it.
            described = ", ".join(f"#{e.pk} “{e.title}”" for e in objects if e != survivor)
            try:
                merged = corrections.merge_events(survivor, objects)
            except CorrectionError as exc:
                self.message_user(request, str(exc), messages.ERROR)
                return None
            self.log_change(
                request,
                survivor,
                f"Merged {described} into this event, #{survivor.pk} “{survivor.title}”; "
                "it holds all their evidence, their addresses lead here, and its title and "
                "date are kept on re-ingest.",
            )
            self.message_user(
                request,
                f"Merged {counted(len(merged), 'event')} into “{survivor.title}”.",
                messages.SUCCESS,
            )
            return None
        return self._confirm(
            request,
            queryset,
            action="merge_events",
            title="Merge events",
            template="admin/stories/merge_confirmation.html",
            explanation=(
                "All evidence of the selected events moves to the event you keep, with their "
                "actors, topics and quotes; the others are deleted. The kept event's title and "
                "date stay as they are on every later ingest."
            ),
        )

    @admin.action(description="Split the selected event…", permissions=["change"])
    def split_event(self, request, queryset):
        if queryset.count() != 1:
            self.message_user(request, "Select exactly one event to split.", messages.ERROR)
            return None
        event = queryset.get()
        return HttpResponseRedirect(reverse("admin:stories_event_split", args=[event.pk]))

    @admin.action(description="Mark the selected events as verified", permissions=["change"])
    def mark_verified(self, request, queryset):
        self._set_flag(request, queryset, "verified", True, "Marked as verified.")

    @admin.action(description="Hide (reject) the selected events", permissions=["change"])
    def hide_events(self, request, queryset):
        self._set_flag(request, queryset, "hidden", True, "Hidden (rejected).")

    @admin.action(description="Show the selected events again", permissions=["change"])
    def show_events(self, request, queryset):
        self._set_flag(request, queryset, "hidden", False, "Shown again.")

    def _set_flag(self, request, queryset, flag: str, value: bool, message: str) -> None:
        changed = [e for e in queryset if getattr(e, flag) != value]
        for event in changed:
            setattr(event, flag, value)
            event.save(update_fields=[flag, "updated"])
            self.log_change(request, event, message)
        self.message_user(
            request, f"{message[:-1]}: {counted(len(changed), 'event')}.", messages.SUCCESS
        )

    # --- split page ---------------------------------------------------------------------

    def get_urls(self):
        return [
            path(
                "<int:object_id>/split/",
                self.admin_site.admin_view(self.split_view),
                name="stories_event_split",
            ),
            *super().get_urls(),
        ]

    def split_view(self, request, object_id: int):
        event = get_object_or_404(m.Event.objects.select_related("story"), pk=object_id)
        if not self.has_change_permission(request, event):
            raise PermissionDenied
        sources = list(event.sources.active().select_related("article__outlet"))
        error = ""
        if request.method == "POST":
            chosen = [s for s in sources if str(s.pk) in request.POST.getlist("source")]
            title = request.POST.get("title", "").strip()
            if len(chosen) == len(sources):
                error = "Leave at least one piece of evidence with this event."
            else:
                try:
                    new = corrections.split_event(event, chosen, title)
                except CorrectionError as exc:
                    error = str(exc)
                else:
                    moved = "; ".join(s.article.source_label for s in chosen)
                    self.log_change(
                        request, event, f"Split: evidence from {moved} moved to event #{new.pk}."
                    )
                    self.log_addition(
                        request, new, f"Split from event #{event.pk} “{event.title}”."
                    )
                    self.message_user(
                        request,
                        f"Split “{new.title}” off “{event.title}”.",
                        messages.SUCCESS,
                    )
                    return HttpResponseRedirect(
                        reverse("admin:stories_event_change", args=[new.pk])
                    )
        context = {
            **self.admin_site.each_context(request),
            "title": f"Split “{event.title}”",
            "opts": self.model._meta,
            "original": event,
            "sources": sources,
            "error": error,
        }
        return TemplateResponse(request, "admin/stories/event/split.html", context)


@admin.register(m.EventSource)
class EventSourceAdmin(admin.ModelAdmin):
    form = EvidenceForm
    list_display = ("event", "article", "by_editor", "detached")
    list_filter = ("by_editor", "detached", "article__outlet")
    list_select_related = ("event", "article")
    search_fields = ("sentence", "event__title")
    autocomplete_fields = ("event", "article")
    fields = ("event", "article", "sentence", "by_editor", "detached")
    readonly_fields = ("by_editor",)

    def get_readonly_fields(self, request, obj=None):
        return ("event", "by_editor") if obj else ("by_editor",)

    def save_model(self, request, obj, form, change) -> None:
        if not change or not obj.detached:
            obj.by_editor = True
        super().save_model(request, obj, form, change)
        obj.event.lock("sources")
        obj.event.save(update_fields=["locked_fields", "updated"])


@admin.register(m.Quote)
class QuoteAdmin(LockEditsMixin, admin.ModelAdmin):
    form = SameStoryForm
    lockable = ("speaker", "text", "start", "end", "direct", "event", "variant_group")
    list_display = (
        "short_text",
        "speaker",
        "direct",
        "article",
        "variant_group",
        "hidden",
        "corrected",
    )
    list_editable = ("hidden",)
    list_filter = ("direct", "hidden", CorrectedFilter, "article__story", "article__outlet")
    list_select_related = ("speaker", "article")
    search_fields = ("text", "speaker__name")
    autocomplete_fields = ("speaker", "event", "article")
    readonly_fields = ("cue", "via_interpreter", "locked_list", "variant_group_members")

    @admin.display(description="text")
    def short_text(self, obj: m.Quote) -> str:
        return obj.text if len(obj.text) <= 90 else obj.text[:89] + "…"

    @admin.display(boolean=True, description="corrected")
    def corrected(self, obj: m.Quote) -> bool:
        return obj.corrected

    @admin.display(description="same remark elsewhere")
    def variant_group_members(self, obj: m.Quote) -> str:
        if obj.variant_group is None:
            return "–"
        others = (
            m.Quote.objects.for_story(obj.article.story)
            .filter(variant_group=obj.variant_group)
            .exclude(pk=obj.pk)
            .select_related("article__outlet")
        )
        return format_html(
            "{}",
            "; ".join(f"{q.article.source_label}: {q.text[:60]}" for q in others) or "none",
        )


@admin.register(m.IngestJob)
class IngestJobAdmin(admin.ModelAdmin):
    """Every background run, for looking back at what was added and why a run failed."""

    list_display = ("__str__", "story", "kind", "status", "stage", "created", "finished")
    list_filter = ("status", "kind", "story")
    list_select_related = ("story", "requested_by")
    fields = (
        "story",
        "kind",
        "status",
        "stage",
        "done",
        "total",
        "message",
        "file_names",
        "requested_by",
        "created",
        "started",
        "finished",
    )
    readonly_fields = fields

    @admin.display(description="articles")
    def file_names(self, obj: m.IngestJob) -> str:
        return ", ".join(obj.files) or "—"

    def has_add_permission(self, request) -> bool:
        return False  # runs are queued from a story's page

    def has_change_permission(self, request, obj=None) -> bool:
        return False
