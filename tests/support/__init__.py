"""Plans built in code, shared by the tests and the benchmarks (one import root: the repository).

``tests.support.plans`` has the small plans the checker tests start from (``clean_plan``,
``personal_source``, ``open_source``), the deterministic prefecture-scale generator
(``generate_plan``) and the dense shapes of issue 10 (``dense_plan``). It imports only
``planner.plan.model`` and ``planner.plan.vocab``, so a benchmark can use it without pytest.

The other modules serve the tests alone: ``packs`` (a user's copy of a built-in template
pack, the one-issue plan pack tests render), ``roundtrip`` (the save/load identity) and
``crash`` (ending a child process as a crash would).
"""
