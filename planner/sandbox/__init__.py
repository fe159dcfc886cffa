"""Other people's template packs render in a separate, limited process.

``parent`` (starts the child, waits with a timeout and a memory cap, moves the result
into place), ``child`` (limits itself, renders one job behind an audit hook) and
``winjob`` (the Windows Job Object that caps the child's memory). Qt-free.
"""
