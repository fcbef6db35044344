"""A static check of rendered HTML for the WCAG rules axe-core will later test in a browser."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}


@dataclass
class Link:
    href: str
    text: str = ""
    attrs: dict = field(default_factory=dict)


class Audit(HTMLParser):
    """Collects headings, links, images, form fields, landmarks, ids and JSON-LD of a page."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.html_lang = ""
        self.headings: list[tuple[int, str]] = []
        self.links: list[Link] = []
        self.images: list[dict] = []
        self.fields: list[dict] = []
        self.labels_for: set[str] = set()
        self.ids: Counter = Counter()
        self.navs: list[str] = []
        self.landmarks: Counter = Counter()
        self.json_ld: list[dict] = []
        self._open_links: list[Link] = []
        self._heading: list | None = None
        self._script: list[str] | None = None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids[attrs["id"]] += 1
        if tag == "html":
            self.html_lang = attrs.get("lang", "")
        elif tag in HEADINGS:
            self._heading = [HEADINGS[tag], ""]
        elif tag == "a":
            link = Link(href=attrs.get("href", ""), attrs=attrs)
            link.text = attrs.get("aria-label", "")
            self._open_links.append(link)
        elif tag == "img":
            self.images.append(attrs)
            for link in self._open_links:
                link.text += attrs.get("alt") or ""
        elif tag in ("input", "select", "textarea") and attrs.get("type") not in (
            "hidden",
            "submit",
            "button",
        ):
            self.fields.append(attrs)
        elif tag == "label" and attrs.get("for"):
            self.labels_for.add(attrs["for"])
        elif tag == "nav":
            self.navs.append(attrs.get("aria-label", ""))
        elif tag == "script" and attrs.get("type") == "application/ld+json":
            self._script = []
        if tag in ("header", "main", "footer", "nav") or attrs.get("role") == "search":
            self.landmarks[attrs.get("role", tag)] += 1

    def handle_endtag(self, tag):
        if tag in HEADINGS and self._heading is not None:
            self.headings.append((self._heading[0], self._heading[1].strip()))
            self._heading = None
        elif tag == "a" and self._open_links:
            self.links.append(self._open_links.pop())
        elif tag == "script" and self._script is not None:
            self.json_ld.append(json.loads("".join(self._script)))
            self._script = None

    def handle_data(self, data):
        if self._script is not None:
            self._script.append(data)
            return
        if self._heading is not None:
            self._heading[1] += data
        for link in self._open_links:
            link.text += data

    def problems(self) -> list[str]:
        """What a page gets wrong; an empty list for a page that passes."""
        found = []
        if not self.html_lang:
            found.append("<html> has no lang")
        levels = [level for level, _text in self.headings]
        if levels.count(1) != 1:
            found.append(f"{levels.count(1)} h1 elements")
        for previous, current in zip(levels, levels[1:], strict=False):
            if current > previous + 1:
                found.append(f"heading jumps from h{previous} to h{current}")
        found += [f"empty heading h{level}" for level, text in self.headings if not text]
        found += [
            f"image without alt: {image.get('src')}" for image in self.images if "alt" not in image
        ]
        found += [
            f"link without a name: {link.href}" for link in self.links if not link.text.strip()
        ]
        for attrs in self.fields:
            if attrs.get("id") not in self.labels_for and not attrs.get("aria-label"):
                found.append(f"unlabelled field {attrs.get('name')}")
        found += [f"duplicate id {name}" for name, count in self.ids.items() if count > 1]
        if self.landmarks["main"] != 1:
            found.append(f"{self.landmarks['main']} main landmarks")
        if self.landmarks["header"] < 1 or self.landmarks["footer"] < 1:
            found.append("no banner or contentinfo")
        if any(not label for label in self.navs) or len(set(self.navs)) != len(self.navs):
            found.append(f"nav landmarks need distinct labels: {self.navs}")
        return found

    def types(self) -> list[str]:
        """The @type of every JSON-LD node of the page."""
        return [node["@type"] for document in self.json_ld for node in document.get("@graph", [])]

    def node(self, type_name: str) -> dict:
        """The first JSON-LD node of the given @type."""
        for document in self.json_ld:
            for node in document.get("@graph", []):
                if node["@type"] == type_name:
                    return node
        raise AssertionError(f"no {type_name} in {self.types()}")
