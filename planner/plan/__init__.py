"""The plan and its vocabulary: what a plan is, and the facts derived from it.

``model`` (the typed plan), ``codec`` (plan ⇄ plain data), ``pillars`` (the 施策体系 tree),
``wareki`` (和暦 years), ``bilingual`` (text in both languages), ``vocab`` (the code
lists in ``resources/``), ``opendata``
(open-data facts: 5-star levels, standard data sets), ``graph`` (the plan's relations)
and ``example_text`` (example sentences for each chapter). Qt-free.
"""
