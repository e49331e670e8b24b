"""Use cases over the store (服务层): one transaction per call, permission and audit here.

Every public service method takes the acting user (:class:`~qsm_desktop.services.context.Actor`)
first and returns frozen dataclasses, so callers (the window, the CLI) never hold sessions.
Build the whole set with :func:`qsm_desktop.services.context.build_services`.
"""
