"""Editors' corrections. Whatever an editor changes is locked against the next ingest."""

from __future__ import annotations

import calendar
from datetime import date

from django import forms
from django.contrib import admin
from django.db import models
from django.db.models import Count

from stories import models as m

# Fields that move together: correcting one part of a date takes the whole date from the editor.
DATE_FIELDS = ("date_start", "date_end", "granularity", "date_text", "date_basis", "date_qualifier")


def period_end(start: date, granularity: str) -> date:
    if granularity == "year":
        return date(start.year, 12, 31)
    if granularity == "month":
        return date(start.year, start.month, calendar.monthrange(start.year, start.month)[1])
    return start


class LockEditsMixin:
    """Records the fields an editor changed, so ingest keeps the editor's values."""

    lockable: tuple[str, ...] = ()

    def save_model(self, request, obj, form, change) -> None:
        changed = {f for f in form.changed_data if f in self.lockable}
        if changed & set(DATE_FIELDS):
            changed |= set(DATE_FIELDS)
            if obj.date_start and obj.granularity:
                obj.date_end = period_end(obj.date_start, obj.granularity)
            obj.date_basis = "editor"
        if changed:
            obj.locked_fields = sorted(set(obj.locked_fields) | changed)
        super().save_model(request, obj, form, change)


@admin.register(m.Story)
class StoryAdmin(admin.ModelAdmin):
    list_display = ("title", "slug", "article_count", "created")
    search_fields = ("title", "slug")
    prepopulated_fields = {"slug": ("title",)}

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(n_articles=Count("articles"))

    @admin.display(description="articles", ordering="n_articles")
    def article_count(self, obj: m.Story) -> int:
        return obj.n_articles


@admin.register(m.Outlet)
class OutletAdmin(admin.ModelAdmin):
    list_display = ("name", "slug")
    search_fields = ("name",)
    prepopulated_fields = {"slug": ("name",)}


@admin.register(m.Article)
class ArticleAdmin(LockEditsMixin, admin.ModelAdmin):
    lockable = ("outlet", "author", "published", "url")
    list_display = ("file_name", "headline", "outlet", "author", "published", "published_basis")
    list_filter = ("story", "outlet", "published_basis")
    list_select_related = ("outlet", "story")
    search_fields = ("file_name", "headline", "author")
    readonly_fields = ("story", "file_name", "content_hash", "headline", "published_basis", "body")
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
    )
    autocomplete_fields = ("outlet",)
    formfield_overrides = {
        models.URLField: {"widget": forms.URLInput, "assume_scheme": "https"},
    }

    def save_model(self, request, obj, form, change) -> None:
        if "published" in form.changed_data:
            obj.published_basis = "editor"
        super().save_model(request, obj, form, change)


class ActorAliasInline(admin.TabularInline):
    model = m.ActorAlias
    extra = 1
    fields = ("name", "by_editor")
    readonly_fields = ("by_editor",)

    def save_new_instance(self, parent, instance):
        instance.by_editor = True
        return super().save_new_instance(parent, instance)


@admin.register(m.Actor)
class ActorAdmin(LockEditsMixin, admin.ModelAdmin):
    lockable = ("name", "kind")
    list_display = ("name", "kind", "story", "event_count")
    list_filter = ("story", "kind")
    list_select_related = ("story",)
    search_fields = ("name", "aliases__name")
    inlines = [ActorAliasInline]
    readonly_fields = ("locked_fields",)

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(n_events=Count("events", distinct=True))

    @admin.display(description="events", ordering="n_events")
    def event_count(self, obj: m.Actor) -> int:
        return obj.n_events

    def save_formset(self, request, form, formset, change) -> None:
        aliases = formset.save(commit=False)
        for alias in aliases:
            alias.by_editor = True
            alias.save()
        for alias in formset.deleted_objects:
            alias.delete()
        formset.save_m2m()


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


class EventSourceInline(admin.TabularInline):
    model = m.EventSource
    extra = 0
    fields = ("article", "sentence", "by_editor", "detached")
    readonly_fields = ("by_editor",)
    autocomplete_fields = ("article",)
    show_change_link = False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("article")


@admin.register(m.Event)
class EventAdmin(LockEditsMixin, admin.ModelAdmin):
    lockable = ("title", "actors", "topics", *DATE_FIELDS)
    list_display = (
        "title",
        "date_start",
        "granularity",
        "story",
        "source_count",
        "verified",
        "hidden",
    )
    list_filter = ("story", "granularity", "date_basis", "verified", "hidden", "topics")
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
        ("Machine", {"fields": ("alternative_dates", "locked_fields"), "classes": ("collapse",)}),
    )
    readonly_fields = ("story", "date_basis", "alternative_dates", "locked_fields")

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(n_sources=Count("sources", distinct=True))

    @admin.display(description="sources", ordering="n_sources")
    def source_count(self, obj: m.Event) -> int:
        return obj.n_sources


@admin.register(m.EventSource)
class EventSourceAdmin(admin.ModelAdmin):
    list_display = ("event", "article", "by_editor", "detached")
    list_filter = ("by_editor", "detached", "article__outlet")
    list_select_related = ("event", "article")
    search_fields = ("sentence", "event__title")
    autocomplete_fields = ("event", "article")


@admin.register(m.Quote)
class QuoteAdmin(LockEditsMixin, admin.ModelAdmin):
    lockable = ("speaker", "text", "start", "end", "direct", "event", "variant_group")
    list_display = ("short_text", "speaker", "direct", "article", "variant_group", "hidden")
    list_filter = ("direct", "hidden", "article__story", "article__outlet")
    list_select_related = ("speaker", "article")
    search_fields = ("text", "speaker__name")
    autocomplete_fields = ("speaker", "event", "article")
    readonly_fields = ("cue", "via_interpreter", "locked_fields")

    @admin.display(description="text")
    def short_text(self, obj: m.Quote) -> str:
        return obj.text if len(obj.text) <= 90 else obj.text[:89] + "…"
