"""Every page of the real dashboard renders, filters narrow the timeline, bad parameters get a
400 page naming them, and article text is shown as text."""

from __future__ import annotations

import re

import httpx
import pytest

from .conftest import CASE, Server

PAGES = ("", "/timeline", "/ledger", "/positions", "/alerts", "/compare")


def event_ids(html: str) -> list[str]:
    return re.findall(r'data-event="([^"]+)"', html)


def test_every_page_renders_in_every_language(server: Server) -> None:
    with server.client() as c:
        assert c.get("/").status_code == 200
        assert CASE in c.get("/").text
        # every page in English, and the ones with their own text in both Chinese scripts too
        # (the others are the brief's sections, whose languages the brief's tests check)
        shown = [(p, "en") for p in PAGES] + [
            (p, lang) for p in ("", "/timeline", "/alerts") for lang in ("zh-Hant", "zh-Hans")
        ]
        for page, lang in shown:
            r = c.get(f"/cases/{CASE}{page}", params={"lang": lang})
            assert r.status_code == 200, (page, lang, r.text[-500:])
            assert f'<html lang="{lang}"' in r.text
        timeline = c.get(f"/cases/{CASE}/timeline").text
        first = event_ids(timeline)[0]
        assert c.get(f"/cases/{CASE}/events/{first}").status_code == 200
        doc = re.search(r'href="(/cases/[^"]+/docs/[^"?#]+)', timeline)
        assert doc and c.get(doc.group(1)).status_code == 200


def test_overview_shows_the_assessment_tracks_and_stored_outlook(server: Server) -> None:
    with server.client() as c:
        html = c.get(f"/cases/{CASE}").text
    for marker in ('data-chart="tracks"', 'data-chart="escalation"', 'data-chart="forecast"',
                   'id="history"', "2026-02-04", "Talking while fighting"):  # fmt: skip
        assert marker in html, marker


def test_timeline_filters(server: Server) -> None:
    with server.client() as c:
        url = f"/cases/{CASE}/timeline"
        everything = event_ids(c.get(url).text)
        isr = c.get(url, params={"actor": "ISR"}).text
        neg = c.get(url, params={"track": "negotiation"}).text
        sure = c.get(url, params={"min_confidence": "0.95"}).text
        day = c.get(url, params={"since": "2026-02-06", "until": "2026-02-06"}).text
        sanction = c.get(url, params={"category": "SANCTION"}).text
    assert len(everything) > 10
    for part in (isr, neg, sure, day, sanction):
        assert 0 < len(event_ids(part)) < len(everything)
    assert "confrontation" not in re.findall(r"track-(\w+)", neg)
    dates = re.findall(r'<span class="date">([^<]+)</span>', day)
    assert dates and set(dates) == {"2026-02-06"}
    assert all(c == "SANCTION" for c in re.findall(r'<span class="chip">([A-Z]+)</span>', sanction))


@pytest.mark.parametrize(
    ("query", "name"),
    [
        ({"since": "2026-13-40"}, "since"),
        ({"until": "yesterday"}, "until"),
        ({"min_confidence": "1.5"}, "min_confidence"),
        ({"min_confidence": "high"}, "min_confidence"),
        ({"track": "sideways"}, "track"),
        ({"lang": "fr"}, "lang"),
        ({"asof": "2027-01-01"}, "asof"),
        ({"rejected": "yes"}, "rejected"),
    ],
)
def test_bad_parameters_get_a_400_page_naming_them(
    server: Server, query: dict[str, str], name: str
) -> None:
    with server.client() as c:
        r = c.get(f"/cases/{CASE}/timeline", params=query)
    assert r.status_code == 400
    assert f"“{name}”" in r.text
    assert "Traceback" not in r.text


def test_unknown_things_are_404(server: Server) -> None:
    with server.client() as c:
        assert c.get("/cases/no-such-case").status_code == 404
        assert c.get("/cases/..%2F..%2Fetc%2Fpasswd").status_code == 404
        assert c.get(f"/cases/{CASE}/events/nope").status_code == 404
        assert c.get(f"/cases/{CASE}/docs/nope").status_code == 404
        assert c.get("/no/such/page").status_code == 404


def test_markup_in_an_article_is_shown_as_text(server: Server) -> None:
    with server.client() as c:
        timeline = c.get(f"/cases/{CASE}/timeline", params={"since": "2026-02-07"}).text
        links = re.findall(r'href="(/cases/[^"]+/docs/[^"?#]+)', timeline)
        pages = [c.get(link).text for link in dict.fromkeys(links)]
        alerts = c.get(f"/cases/{CASE}/alerts").text
    page = next(p for p in pages if "Iranian oil shippers" in p)
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in page
    assert "<script>alert" not in page and "<b>Officials" not in page
    assert "<mark" in page
    assert "&lt;i&gt;here&lt;/i&gt;" in alerts


def test_a_page_is_sent_with_protective_headers(server: Server) -> None:
    r = httpx.get(f"{server.base}/cases/{CASE}", timeout=60)
    assert "default-src 'self'" in r.headers["content-security-policy"]
    assert r.headers["x-content-type-options"] == "nosniff"
