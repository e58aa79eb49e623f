"""Every reader page passes axe-core's WCAG 2.1 A/AA checks with no serious or critical
violation, at a desktop's and a phone's width.

axe-core is vendored (tests/e2e/vendor/, MPL-2.0, its licence beside it) and checked against
the published hash of that release before it is injected: nothing is loaded from a CDN.
"""

import base64
import hashlib
import json
from pathlib import Path

import pytest

from stories import derived
from tests.e2e.conftest import SCREENSHOTS
from tests.factories import make_summit_story

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

AXE = Path(__file__).parent / "vendor" / "axe-4.10.2.min.js"
# sri-history.json of the axe-core 4.10.2 package.
AXE_SRI = "sha256-tRHNnewBx29LKtFyO2a22zfUwutO0ZkHbhgp2e57deM="
WIDTHS = {"desktop": 1280, "phone": 390}
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def axe_source() -> str:
    data = AXE.read_bytes()
    digest = "sha256-" + base64.b64encode(hashlib.sha256(data).digest()).decode()
    assert digest == AXE_SRI, "the vendored axe-core is not the published 4.10.2 file"
    return data.decode("utf-8")


def reader_pages(story) -> dict[str, str]:
    base = f"/stories/{story.slug}"
    event = story.events.get(title="North Korea launches two ballistic missiles")
    actor = story.actors.get(name="Kim Jong Un")
    article = story.articles.order_by("file_name").last()
    hidden = story.events.get(title="The leaders may agree an arms deal")
    hidden.hidden = True
    hidden.save()
    return {
        "stories": "/",
        "timeline": f"{base}/",
        "timeline-filtered": f"{base}/?actor=kim-jong-un&outlet=switch-tv",
        "event": f"{base}/events/{event.pk}/",
        "event-hidden-404": f"{base}/events/{hidden.pk}/",
        "coverage": f"{base}/coverage/",
        "quotes": f"{base}/quotes/",
        "quotes-filtered": f"{base}/quotes/?speaker=kim-jong-un",
        "articles": f"{base}/articles/",
        "article": f"{base}/articles/{article.pk}/",
        "actor": f"{base}/actors/{actor.slug}/",
    }


def test_every_reader_page_has_no_serious_or_critical_violation(live_server, browser):
    story = make_summit_story()
    derived.refresh(story)
    source = axe_source()
    pages = reader_pages(story)
    report: dict[str, dict] = {}
    failures = []
    for size, width in WIDTHS.items():
        # The audit script is injected inline, which the site's CSP rightly refuses; the
        # browser lets this context alone ignore the policy.
        context = browser.new_context(viewport={"width": width, "height": 900}, bypass_csp=True)
        page = context.new_page()
        for name, path in pages.items():
            page.goto(live_server.url + path)
            page.add_script_tag(content=source)
            result = page.evaluate(
                "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", TAGS
            )
            found = [
                {
                    "id": v["id"],
                    "impact": v["impact"],
                    "help": v["help"],
                    "nodes": [n["target"] for n in v["nodes"]][:5],
                }
                for v in result["violations"]
            ]
            report[f"{size} {name}"] = {
                "passes": len(result["passes"]),
                "violations": found,
            }
            failures += [
                f"{size} {name}: {v['id']} ({v['impact']}) {v['help']} at {v['nodes']}"
                for v in found
                if v["impact"] in ("serious", "critical")
            ]
        context.close()
    SCREENSHOTS.mkdir(exist_ok=True)
    (SCREENSHOTS / "accessibility.json").write_text(json.dumps(report, indent=1))
    assert failures == []
