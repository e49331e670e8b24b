# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'action_verify_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDateEdit, QDialog,
    QDialogButtonBox, QGroupBox, QHBoxLayout, QLabel,
    QRadioButton, QSizePolicy, QSpacerItem, QVBoxLayout,
    QWidget)

class Ui_ActionVerifyDialog(object):
    def setupUi(self, ActionVerifyDialog):
        if not ActionVerifyDialog.objectName():
            ActionVerifyDialog.setObjectName(u"ActionVerifyDialog")
        ActionVerifyDialog.setMinimumSize(QSize(520, 0))
        self.layout = QVBoxLayout(ActionVerifyDialog)
        self.layout.setObjectName(u"layout")
        self.actionText = QLabel(ActionVerifyDialog)
        self.actionText.setObjectName(u"actionText")
        self.actionText.setWordWrap(True)
        self.actionText.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.layout.addWidget(self.actionText)

        self.resultGroup = QGroupBox(ActionVerifyDialog)
        self.resultGroup.setObjectName(u"resultGroup")
        self.resultLayout = QVBoxLayout(self.resultGroup)
        self.resultLayout.setObjectName(u"resultLayout")
        self.effectiveRadio = QRadioButton(self.resultGroup)
        self.effectiveRadio.setObjectName(u"effectiveRadio")
        self.effectiveRadio.setChecked(True)

        self.resultLayout.addWidget(self.effectiveRadio)

        self.ineffectiveRadio = QRadioButton(self.resultGroup)
        self.ineffectiveRadio.setObjectName(u"ineffectiveRadio")

        self.resultLayout.addWidget(self.ineffectiveRadio)


        self.layout.addWidget(self.resultGroup)

        self.dateRow = QHBoxLayout()
        self.dateRow.setObjectName(u"dateRow")
        self.dateLabel = QLabel(ActionVerifyDialog)
        self.dateLabel.setObjectName(u"dateLabel")

        self.dateRow.addWidget(self.dateLabel)

        self.dateEdit = QDateEdit(ActionVerifyDialog)
        self.dateEdit.setObjectName(u"dateEdit")
        self.dateEdit.setCalendarPopup(True)
        self.dateEdit.setDisplayFormat(u"yyyy-MM-dd")

        self.dateRow.addWidget(self.dateEdit)

        self.dateSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.dateRow.addItem(self.dateSpacer)

        self.dateRow.setStretch(2, 1)

        self.layout.addLayout(self.dateRow)

        self.buttons = QDialogButtonBox(ActionVerifyDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.dateLabel.setBuddy(self.dateEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ActionVerifyDialog)
        self.buttons.accepted.connect(ActionVerifyDialog.accept)
        self.buttons.rejected.connect(ActionVerifyDialog.reject)

        QMetaObject.connectSlotsByName(ActionVerifyDialog)
    # setupUi

    def retranslateUi(self, ActionVerifyDialog):
        ActionVerifyDialog.setWindowTitle(QCoreApplication.translate("ActionVerifyDialog", u"Verify the action", None))
        self.resultGroup.setTitle(QCoreApplication.translate("ActionVerifyDialog", u"Result of the verification", None))
        self.effectiveRadio.setText(QCoreApplication.translate("ActionVerifyDialog", u"Effective: close the action", None))
        self.ineffectiveRadio.setText(QCoreApplication.translate("ActionVerifyDialog", u"Ineffective: back to the branch to correct", None))
        self.dateLabel.setText(QCoreApplication.translate("ActionVerifyDialog", u"Verified on:", None))
    # retranslateUi

