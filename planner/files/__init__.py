"""The app's files on disk, kept safe: where they live, how they are written and locked.

``paths`` (the install's data folders), ``appdirs`` (the user's folders), ``atomic``
(no half-written file, ever), ``process`` (who holds a lock, and whether it still lives),
``locking`` (one editor per plan file), ``planfile`` (load and save a plan: the public
face of ``planner.io``) and ``recovery`` (unsaved edits survive a crash). Qt-free.
"""
