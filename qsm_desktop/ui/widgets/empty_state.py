"""What an empty table says (空状态): a hint over the table — what would fill it — and the action
that does, or a disabled button whose tooltip says why it cannot act (issue 14 item 4).

:class:`EmptyState` sits over an item view's viewport and shows itself while the view's model has
no rows (and the page has said what to show with :meth:`EmptyState.set_hint`). The page connects
:attr:`EmptyState.sig_action` to the action, e.g. the awards tab's "Go to the ranking" or the
administration page's "Add account…".
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QFrame, QLabel, QPushButton, QVBoxLayout, QWidget


class EmptyState(QFrame):
    """A hint and an optional action button over ``view`` while it has no rows.

    ``view``: the table or tree (the hint covers its viewport and follows its size); the model may
    be replaced later. Call :meth:`set_hint` with the sentence and the button's text (``None``: no
    button); ``enabled=False`` with ``reason`` shows the button disabled with the reason as its
    tooltip. :attr:`label` and :attr:`button` are public for tests.
    """

    sig_action = Signal()

    def __init__(self, view: QAbstractItemView) -> None:
        super().__init__(view.viewport())
        self.setObjectName("emptyState")
        self.view = view
        self._model = None
        self._hint = ""
        self._forced: bool | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.setSpacing(10)
        layout.addStretch(1)
        self.label = QLabel(self)
        self.label.setObjectName("emptyHint")
        self.label.setWordWrap(True)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.label)
        self.button = QPushButton(self)
        self.button.setObjectName("emptyAction")
        self.button.setVisible(False)
        self.button.clicked.connect(self.sig_action)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        view.viewport().installEventFilter(self)
        self.setVisible(False)
        self.refresh()

    def set_hint(self, text: str, action: str | None = None, *, enabled: bool = True, reason: str = "",
                 empty: bool | None = None) -> None:
        """Say ``text`` while the view is empty, with a button ``action`` (``None``: none). A button that
        cannot act is disabled with ``reason`` as its tooltip. An empty ``text`` hides the hint.
        ``empty``: the page's own verdict (e.g. units listed but no visit in the quarter); ``None``:
        empty when the model has no rows."""
        self._hint = text
        self._forced = empty
        self.label.setText(text)
        self.button.setVisible(bool(action))
        self.button.setText(action or "")
        self.button.setEnabled(enabled)
        self.button.setToolTip("" if enabled else reason)
        self.refresh()

    def is_empty(self) -> bool:
        """Whether there is nothing to show: the page's verdict given to :meth:`set_hint`, else no
        model or a model without rows."""
        if self._forced is not None:
            return self._forced
        model = self.view.model()
        return model is None or model.rowCount() == 0

    def refresh(self) -> None:
        """Show or hide the hint for the model's rows now (also called on every model change)."""
        model = self.view.model()
        if model is not self._model:
            self._model = model
            if model is not None:
                for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved, model.layoutChanged):
                    signal.connect(self.refresh)
        show = bool(self._hint) and self.is_empty()
        self.setGeometry(self.view.viewport().rect())
        self.setVisible(show)
        if show:
            self.raise_()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Resize:
            self.setGeometry(self.view.viewport().rect())
        return False


def empty_state(view: QAbstractItemView) -> EmptyState:
    """The :class:`EmptyState` of ``view``, made on first use."""
    existing = view.viewport().findChild(EmptyState, options=Qt.FindChildOption.FindDirectChildrenOnly)
    return existing if existing is not None else EmptyState(view)



def set_disabled_reason(widget: QWidget, reason: str | None, tooltip: str = "") -> None:
    """Enable ``widget`` when ``reason`` is ``None`` (tooltip ``tooltip``), else disable it and say
    why in its tooltip (buttons that cannot act say so)."""
    widget.setEnabled(reason is None)
    widget.setToolTip(tooltip if reason is None else reason)
