"""Showing the problems a use case of `pooling` found beside the form fields they concern."""

from __future__ import annotations

import re

from flask_wtf import FlaskForm

from pooling.errors import InvalidInput
from webui.navigation import current_language


def show_problems(form: FlaskForm, error: InvalidInput) -> None:
    """Each problem under its field (`sites[1]` goes to field `sites`), others above the form.

    Messages are translated into the page's language; a problem placed deeper than its field
    keeps its place in front (`sites[1]: ...`), so the person knows which entry is wrong.
    """
    language = current_language()
    for problem in error.problems:
        name = re.split(r"[.\[]", problem.where, maxsplit=1)[0]
        field = form._fields.get(name)
        if field is None:
            form.form_errors.append(problem.render(language))
        else:
            text = problem.text(language) if problem.where == name else problem.render(language)
            field.errors = [*field.errors, text]
