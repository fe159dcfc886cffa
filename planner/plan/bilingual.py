"""Bilingual text: the one way the core holds something said in Japanese and in English.

The core never branches on the language (``x if lang == "en" else y``) and never keeps
``*_ja``/``*_en`` pairs of its own: a sentence, a label or a message is a :class:`Text`,
and whoever prints it asks for one language with :meth:`Text.get`. Labels of codes come
from the vocabulary files through ``planner.plan.vocab``, already as ``Text``. The Qt UI
translates its own strings with Qt's catalogue instead (``planner.ui.i18n``); ``Text`` is
for what the core says (findings, document wording, CLI and error messages).

Japanese is the source language: an unknown language gets the Japanese text.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

#: The languages the plan's document, the findings and the app speak; the first is the default.
LANGS = ("ja", "en")


@dataclass(frozen=True, slots=True)
class Text:
    """One piece of text in Japanese and English."""

    ja: str
    en: str

    def get(self, lang: str = "ja") -> str:
        """The text in ``lang`` (``en``; anything else is Japanese)."""
        return self.en if lang == "en" else self.ja

    def format(self, *args: Any, **kwargs: Any) -> Text:
        """Both languages through :meth:`str.format` with the same arguments.

        An argument that is itself a ``Text`` is put in in the matching language.
        """
        def pick(value: Any, lang: str) -> Any:
            return value.get(lang) if isinstance(value, Text) else value

        return Text(*(
            getattr(self, lang).format(*(pick(a, lang) for a in args),
                                       **{k: pick(v, lang) for k, v in kwargs.items()})
            for lang in LANGS))

    def __add__(self, other: Text | str) -> Text:
        """Concatenation in both languages (a plain ``str`` is added to both)."""
        if isinstance(other, Text):
            return Text(self.ja + other.ja, self.en + other.en)
        return Text(self.ja + other, self.en + other)

    @classmethod
    def of(cls, value: Mapping[str, Any] | str) -> Text:
        """A ``Text`` from a vocabulary entry ``{ja: …, en: …}`` (a bare string is both)."""
        if isinstance(value, str):
            return cls(value, value)
        return cls(str(value["ja"]), str(value.get("en", value["ja"])))


def same(text: str) -> Text:
    """Text that reads the same in both languages (codes, numbers, names)."""
    return Text(text, text)


def join(parts: Iterable[Text], ja: str = "、", en: str = ", ") -> Text:
    """The parts joined with each language's list separator."""
    items = list(parts)
    return Text(ja.join(p.ja for p in items), en.join(p.en for p in items))
