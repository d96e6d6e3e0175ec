"""Read what a user sees on a page: link texts, field errors, typed values, messages."""

import re
from html import unescape
from html.parser import HTMLParser


class _Links(HTMLParser):
    def __init__(self, pattern):
        super().__init__()
        self.pattern, self.links, self._href, self._text = pattern, [], None, []
        self._in_main = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "main":
            self._in_main = True
        if tag == "a" and self._in_main and re.match(self.pattern, attrs.get("href") or ""):
            self._href, self._text = attrs["href"], []

    def handle_endtag(self, tag):
        if tag == "main":
            self._in_main = False
        if tag == "a" and self._href is not None:
            self.links.append(" ".join("".join(self._text).split()))
            self._href = None

    def handle_data(self, data):
        if self._href is not None:
            self._text.append(data)


def _html(response):
    return response.content.decode()


def link_texts(response, pattern):
    """Texts of the links in <main> whose address matches the regex ``pattern``, in order."""
    parser = _Links(pattern)
    parser.feed(_html(response))
    return parser.links


def _strip(fragment):
    return " ".join(unescape(re.sub(r"<[^>]+>", "", fragment)).split())


def field_errors(response, name):
    """The error messages crispy renders under the field ``name``."""
    pattern = rf'<p id="error_\d+_id_{name}">(.*?)</p>'
    return [_strip(m) for m in re.findall(pattern, _html(response), re.S)]


def form_errors(response):
    """Errors not tied to one field (the alert above the form)."""
    blocks = re.findall(
        r'<div class="alert alert-block alert-danger">(.*?)</div>', _html(response), re.S
    )
    return [_strip(li) for block in blocks for li in re.findall(r"<li>(.*?)</li>", block, re.S)]


def input_value(response, name):
    """The value a text-like input called ``name`` shows (what the user typed)."""
    for tag in re.findall(r"<input[^>]*>", _html(response)):
        if f'name="{name}"' in tag:
            found = re.search(r'value="([^"]*)"', tag)
            return unescape(found.group(1)) if found else ""
    raise AssertionError(f"no input named {name}")


def textarea_value(response, name):
    found = re.search(rf'<textarea name="{name}"[^>]*>(.*?)</textarea>', _html(response), re.S)
    return unescape(found.group(1)).strip()


def _select(html, name):
    return re.search(rf'<select[^>]* name="{name}"[^>]*>(.*?)</select>', html, re.S)


def options(response, name):
    """The (value, label) pairs the <select> called ``name`` offers."""
    select = _select(_html(response), name)
    return [
        (value, _strip(label))
        for value, label in re.findall(
            r'<option value="([^"]*)"[^>]*>(.*?)</option>', select.group(1)
        )
    ]


def selected_values(response, name):
    """Options selected in the <select> called ``name`` (or checked boxes of that name)."""
    html = _html(response)
    select = _select(html, name)
    if select:
        return re.findall(r'<option value="([^"]*)"[^>]*selected', select.group(1))
    return [
        re.search(r'value="([^"]*)"', tag).group(1)
        for tag in re.findall(r"<input[^>]*>", html)
        if f'name="{name}"' in tag and " checked" in tag
    ]


def messages(response):
    """The flash messages shown at the top of <main>."""
    return [
        _strip(m)
        for m in re.findall(
            r'<div class="alert alert-\w+" role="alert">(.*?)</div>', _html(response), re.S
        )
    ]
