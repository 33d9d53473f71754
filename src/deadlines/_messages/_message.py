"""A message in both languages, and the words every table of the catalogue shares."""

from __future__ import annotations

from typing import Final, NamedTuple

#: Monday to Sunday in Chinese (周一 … 周日): the one table of weekday names.
WEEKDAYS_ZH: Final = "一二三四五六日"

#: The opinion, cited by title and date as 公文 cite a document transmitted without a number.
OPINION_ZH: Final = (
    "《关于进一步提高政府系统运转效率推动工作落实的意见》（上高县，2020年4月21日印发）"
)
CIVIL_CODE_ZH: Final = "《中华人民共和国民法典》"


class Message(NamedTuple):
    """One sentence in both languages, with the same named placeholders."""

    zh: str
    en: str
