"""Read the forms of a page the way a browser would: each ``<form method=post>`` with its
action and its fields (inputs, selects with their options, textareas)."""

from dataclasses import dataclass, field
from html.parser import HTMLParser

SKIPPED_TYPES = {"submit", "button", "reset", "image"}


@dataclass
class Field:
    name: str
    kind: str  # text, number, date, checkbox, radio, file, hidden, select, textarea, …
    value: str = ""
    options: list = field(default_factory=list)


@dataclass
class Form:
    action: str
    enctype: str
    fields: dict = field(default_factory=dict)


class _FormParser(HTMLParser):
    def __init__(self, url):
        super().__init__()
        self.url, self.forms, self._form, self._select, self._textarea = url, [], None, None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and (attrs.get("method") or "get").lower() == "post":
            self._form = Form(attrs.get("action") or self.url, attrs.get("enctype") or "")
            self.forms.append(self._form)
        if self._form is None or not attrs.get("name"):
            return
        name = attrs["name"]
        if tag == "input":
            kind = (attrs.get("type") or "text").lower()
            if kind in SKIPPED_TYPES:
                return
            known = self._form.fields.get(name)
            if known and kind in ("radio", "checkbox"):
                known.options.append(attrs.get("value") or "on")
                return
            self._form.fields[name] = Field(
                name, kind, attrs.get("value") or "", [attrs.get("value") or "on"]
            )
        elif tag == "select":
            self._select = Field(name, "select")
            self._form.fields[name] = self._select
        elif tag == "textarea":
            self._textarea = Field(name, "textarea")
            self._form.fields[name] = self._textarea
        elif tag == "option" and self._select is not None:
            self._select.options.append(attrs.get("value", ""))

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea.value += data


def post_forms(html, url):
    parser = _FormParser(url)
    parser.feed(html)
    return [form for form in parser.forms if "csrfmiddlewaretoken" in form.fields]
