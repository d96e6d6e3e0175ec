"""Read a page as a user (or a screen reader) does: by role and text, not by markup.

The page is parsed into a small tree; a control is found by its name, its errors by the
page's error summary (the alert at the top of <main> that links each error to its field),
a table by its id and its column headers, a message by its role. Nothing here knows how
crispy-forms, Bootstrap or a template lays a form out."""

import re
from html.parser import HTMLParser

from django.test import Client

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source"}
CONTROLS = {"input", "select", "textarea"}


class Node:
    def __init__(self, tag, attrs, parent):
        self.tag, self.attrs, self.parent, self.children = tag, dict(attrs), parent, []

    def __getitem__(self, name):
        return self.attrs.get(name) or ""

    def walk(self):
        for child in self.children:
            if isinstance(child, Node):
                yield child
                yield from child.walk()

    def find_all(self, test):
        return [node for node in self.walk() if test(node)]

    def find(self, test):
        return next((node for node in self.walk() if test(node)), None)

    def text(self):
        """The text as it reads, white space folded (hidden options and scripts included)."""
        parts = []
        for child in self.children:
            parts.append(child.text() if isinstance(child, Node) else child)
        return " ".join("".join(parts).split())


class _Tree(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = self.current = Node("document", {}, None)

    def handle_starttag(self, tag, attrs):
        node = Node(tag, [(k, v if v is not None else k) for k, v in attrs], self.current)
        self.current.children.append(node)
        if tag not in VOID:
            self.current = node

    def handle_startendtag(self, tag, attrs):
        self.current.children.append(
            Node(tag, [(k, v if v is not None else k) for k, v in attrs], self.current)
        )

    def handle_endtag(self, tag):
        node = self.current
        while node is not self.root and node.tag != tag:
            node = node.parent
        if node is not self.root:
            self.current = node.parent

    def handle_data(self, data):
        self.current.children.append(data)


def page(response):
    """The parsed page of ``response`` (parsed once)."""
    if not hasattr(response, "_parsed_page"):
        tree = _Tree()
        tree.feed(response.content.decode())
        response._parsed_page = tree.root
    return response._parsed_page


def main(response):
    return page(response).find(lambda n: n.tag == "main") or page(response)


def link_texts(response, pattern):
    """Texts of the links in <main> whose address matches the regex ``pattern``, in order."""
    return [
        a.text()
        for a in main(response).find_all(lambda n: n.tag == "a" and re.match(pattern, n["href"]))
    ]


def controls(response, name):
    """The inputs, selects and text areas called ``name``."""
    return page(response).find_all(lambda n: n.tag in CONTROLS and n["name"] == name)


def label_of(response, control):
    """The text of the <label> of ``control`` (its required-field mark left out)."""
    label = page(response).find(lambda n: n.tag == "label" and n["for"] == control["id"])
    return label.text().rstrip(" *") if label else ""


def summary(response):
    """The error summary: the alert at the top of <main> titled by a heading, or None."""
    return main(response).find(lambda n: n["role"] == "alert" and n["aria-labelledby"])


def error_summary(response):
    """Each line of the error summary: (the address it links to, or None; its text)."""
    lines = []
    for item in _summary_items(response):
        link = item.find(lambda n: n.tag == "a")
        lines.append((link["href"] if link else None, item.text()))
    return lines


def _summary_items(response):
    found = summary(response)
    return found.find_all(lambda n: n.tag == "li") if found else []


def _anchors(control):
    """The ids a link to ``control`` may name: its own, and for a box of a group (id_x_0)
    the group's (id_x)."""
    own = control["id"]
    return {own, re.sub(r"_\d+$", "", own)}


def _names_of(response, control):
    """What the page calls ``control``: its label, and the legend of its group."""
    names = [label_of(response, control)]
    node = control.parent
    while node is not None and node.tag != "fieldset":
        node = node.parent
    if node is not None:
        legend = node.find(lambda n: n.tag == "legend")
        names.append(legend.text().rstrip(" *") if legend else "")
    return [name for name in names if name]


def field_errors(response, name):
    """The errors shown for the field ``name``: the summary's lines that link to it, each
    without the field's name in front ("Họ và tên: …")."""
    named = controls(response, name)
    anchors = {f"#{anchor}" for control in named for anchor in _anchors(control)}
    names = [n for control in named[:1] for n in _names_of(response, control)]
    errors = []
    for item in _summary_items(response):
        link = item.find(lambda n: n.tag == "a")
        if link is None or link["href"] not in anchors:
            continue
        text = link.text()
        prefix = next((f"{n}: " for n in names if text.startswith(f"{n}: ")), None)
        if prefix is None:
            prefix = text.split(": ", 1)[0] + ": " if ": " in text else ""
        errors.append(text.removeprefix(prefix))
    return errors


def descriptions(response, name):
    """What a screen reader reads with the field ``name``: the texts of the elements its
    ``aria-describedby`` names (its help, and its errors while it is invalid)."""
    texts = []
    for control in controls(response, name):
        for ref in control["aria-describedby"].split():
            found = page(response).find(lambda n, ref=ref: n["id"] == ref)
            if found is not None:
                texts.append(found.text())
    return texts


def form_errors(response):
    """The errors not tied to one field (the summary's lines that link to no field)."""
    return [
        item.text()
        for item in _summary_items(response)
        if item.find(lambda n: n.tag == "a") is None
    ]


def input_value(response, name):
    """The value a text-like input called ``name`` shows (what the user typed)."""
    for control in controls(response, name):
        if control.tag == "input":
            return control["value"]
    raise AssertionError(f"no input named {name}")


def textarea_value(response, name):
    area = next((c for c in controls(response, name) if c.tag == "textarea"), None)
    if area is None:
        raise AssertionError(f"no text area named {name}")
    return "".join(child for child in area.children if isinstance(child, str)).strip()


def _select(response, name):
    return next((c for c in controls(response, name) if c.tag == "select"), None)


def options(response, name):
    """The (value, label) pairs the <select> called ``name`` offers."""
    select = _select(response, name)
    return [(option["value"], option.text()) for option in select.find_all(_is_option)]


def _is_option(node):
    return node.tag == "option"


def selected_values(response, name):
    """Options selected in the <select> called ``name`` (or checked boxes of that name)."""
    select = _select(response, name)
    if select is not None:
        return [o["value"] for o in select.find_all(_is_option) if "selected" in o.attrs]
    return [c["value"] for c in controls(response, name) if "checked" in c.attrs]


def messages(response):
    """The messages shown at the top of <main> (alerts that are not the error summary)."""
    return [
        alert.text()
        for alert in main(response).find_all(
            lambda n: n["role"] == "alert" and not n["aria-labelledby"]
        )
    ]


def table_rows(response, table_id):
    """The data cells' texts of each row of the table ``table_id``'s body."""
    table = page(response).find(lambda n: n.tag == "table" and n["id"] == table_id)
    body = table.find(lambda n: n.tag == "tbody")
    return [
        [cell.text() for cell in row.children if isinstance(cell, Node) and cell.tag == "td"]
        for row in body.children
        if isinstance(row, Node) and row.tag == "tr"
    ]


def table(response, table_id):
    """Each row of the table ``table_id``'s body as ``{column header: cell text}`` (rows
    with a cell for every column)."""
    found = page(response).find(lambda n: n.tag == "table" and n["id"] == table_id)
    head = found.find(lambda n: n.tag == "thead")
    headers = [th.text() for th in head.find_all(lambda n: n.tag == "th")]
    rows = []
    for row in found.find(lambda n: n.tag == "tbody").children:
        if not isinstance(row, Node) or row.tag != "tr":
            continue
        cells = [c.text() for c in row.children if isinstance(c, Node) and c.tag in ("td", "th")]
        if len(cells) == len(headers):
            rows.append(dict(zip(headers, cells, strict=True)))
    return rows


def sessions_with_tokens(user, url, form, count=2):
    """``count`` sessions of ``user`` (CSRF checked), each with the token its page at ``url``
    put in the form ``form`` (a pattern, the token its group 1); the later pages come from
    the cache, so each must carry its own session's token and no slot left unfilled."""
    sessions = []
    for _ in range(count):
        client = Client(enforce_csrf_checks=True)
        client.force_login(user)
        html = client.get(url).content.decode()
        assert "\x00" not in html
        sessions.append((client, re.search(form, html).group(1)))
    return sessions
