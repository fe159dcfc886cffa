"""Internals of reading and writing plan files; the public API is ``planner.files.planfile``.

Stages, each in its own module: ``reading`` (bytes → text), ``yamlparse`` (text → plain
data, keeping the YAML nodes for line/column), ``migrate`` (older schema versions →
current), ``schema`` (validation against ``plan_schema/plan.schema.json``), ``messages``
(violations → bilingual problems), ``items`` (which issue, measure, data source or KPI
a problem lies in, named in its message) and ``writing`` (deterministic YAML, atomic save).
"""
