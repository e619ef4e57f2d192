"""The people picker: a search field with suggestions instead of a select of every person.

``PersonPicker`` replaces the widget of a ``ModelChoiceField`` (or ``ModelMultipleChoiceField``)
of people. It never lists the field's queryset: it shows the chosen people and, once the
person searched, at most ``LIMIT`` matches of the queryset, as radio buttons (checkboxes for
several people), labelled with name and address.

- With JavaScript, htmx asks ``meetings:people`` for the matches while the person types and
  puts them under the field (the endpoint checks access and offers only the people the field
  offers).
- Without JavaScript, the "Search" button submits the form; a ``PickerFormMixin`` form then
  shows the matches without validating or saving (nothing typed is lost), and the person
  picks and submits again.

Query cost: the chosen people (one query, none without a choice) and the matches (one query,
only while searching).
"""

from django import forms
from django.db.models import Q
from django.forms.utils import ErrorDict
from django.template.loader import render_to_string

LIMIT = 20
RESULTS_TEMPLATE = "meetings/fragments/person_picker_results.html"


def search_people(queryset, query: str, *, exclude=()):
    """Up to LIMIT + 1 people of the queryset whose name or address contains the query."""
    query = query.strip()
    if not query:
        return []
    matches = queryset.filter(Q(name__icontains=query) | Q(email__icontains=query))
    if exclude:
        matches = matches.exclude(pk__in=list(exclude))
    return list(matches[: LIMIT + 1])


def picker_context(*, queryset, name, html_id, multiple, optional, chosen_ids, query) -> dict:
    """What the results fragment shows: the chosen people first, then the matches."""
    chosen_ids = [int(pk) for pk in chosen_ids if str(pk).isdigit()]
    chosen = list(queryset.filter(pk__in=chosen_ids)) if chosen_ids else []
    matches = search_people(queryset, query, exclude=[p.pk for p in chosen])
    return {
        "name": name,
        "html_id": html_id,
        "input_type": "checkbox" if multiple else "radio",
        "optional": optional and not multiple,
        "chosen": chosen,
        "matches": matches[:LIMIT],
        "more": len(matches) > LIMIT,
        "query": query.strip(),
        "searched": bool(query.strip()),
        "limit": LIMIT,
    }


def render_results(**kwargs) -> str:
    return render_to_string(RESULTS_TEMPLATE, picker_context(**kwargs))


class PersonPicker(forms.Widget):
    template_name = "meetings/widgets/person_picker.html"

    def __init__(self, *, url: str, multiple: bool = False, search_action: str = "", attrs=None):
        super().__init__(attrs)
        self.url = url
        self.search_action = search_action
        self.multiple = multiple
        self.allow_multiple_selected = multiple
        self.query = ""
        self.choices = []  # set by the field; holds the queryset, never iterated

    def value_from_datadict(self, data, files, name):
        if self.multiple:
            return data.getlist(name) if hasattr(data, "getlist") else data.get(name)
        return data.get(name)

    def value_omitted_from_data(self, data, files, name):
        return False if self.multiple else name not in data

    def format_value(self, value):
        if value in (None, ""):
            return []
        values = value if isinstance(value, list | tuple) else [value]
        return [str(getattr(v, "pk", v)) for v in values if v not in (None, "")]

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        html_id = context["widget"]["attrs"].get("id") or f"id_{name}"
        context["picker"] = picker_context(
            queryset=self.choices.queryset,
            name=name,
            html_id=html_id,
            multiple=self.multiple,
            optional=not self.is_required,
            chosen_ids=self.format_value(value),
            query=self.query,
        )
        context["picker"]["url"] = self.url
        context["picker"]["search_action"] = self.search_action
        context["picker"]["results_template"] = RESULTS_TEMPLATE
        return context


class PickerFormMixin:
    """A form with people pickers: the pickers' "Search" buttons re-show the form with the
    matches, without validating or saving."""

    def pickers(self):
        return [
            (name, field)
            for name, field in self.fields.items()
            if isinstance(field.widget, PersonPicker)
        ]

    def use_picker(self, name: str, *, url: str, multiple: bool = False, search_action=""):
        """``search_action``: where the "Search" button sends the form without JavaScript
        (default: where the form goes)."""
        field = self.fields[name]
        queryset = field.queryset
        field.widget = PersonPicker(url=url, multiple=multiple, search_action=search_action)
        field.widget.is_required = field.required
        field.queryset = queryset  # hands the queryset to the widget
        if self.is_bound:
            field.widget.query = self.data.get(self.add_prefix(f"{name}_q"), "")

    @property
    def is_searching(self) -> bool:
        return self.is_bound and any(
            self.add_prefix(f"{name}_search") in self.data for name, _field in self.pickers()
        )

    def full_clean(self):
        if self.is_searching:
            self._errors = ErrorDict()
            self.cleaned_data = {}
            return
        super().full_clean()

    def is_valid(self):
        return not self.is_searching and super().is_valid()
