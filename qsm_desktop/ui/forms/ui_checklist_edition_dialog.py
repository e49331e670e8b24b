# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'checklist_edition_dialog.ui'
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
    QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
    QSizePolicy, QVBoxLayout, QWidget)

class Ui_ChecklistEditionDialog(object):
    def setupUi(self, ChecklistEditionDialog):
        if not ChecklistEditionDialog.objectName():
            ChecklistEditionDialog.setObjectName(u"ChecklistEditionDialog")
        ChecklistEditionDialog.setMinimumSize(QSize(460, 0))
        self.layout = QVBoxLayout(ChecklistEditionDialog)
        self.layout.setObjectName(u"layout")
        self.basedOnLabel = QLabel(ChecklistEditionDialog)
        self.basedOnLabel.setObjectName(u"basedOnLabel")
        self.basedOnLabel.setWordWrap(True)

        self.layout.addWidget(self.basedOnLabel)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.nameLabel = QLabel(ChecklistEditionDialog)
        self.nameLabel.setObjectName(u"nameLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameEdit = QLineEdit(ChecklistEditionDialog)
        self.nameEdit.setObjectName(u"nameEdit")
        self.nameEdit.setMaxLength(100)

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.labelLabel = QLabel(ChecklistEditionDialog)
        self.labelLabel.setObjectName(u"labelLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.labelLabel)

        self.labelEdit = QLineEdit(ChecklistEditionDialog)
        self.labelEdit.setObjectName(u"labelEdit")
        self.labelEdit.setMaxLength(40)

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.labelEdit)

        self.effectiveLabel = QLabel(ChecklistEditionDialog)
        self.effectiveLabel.setObjectName(u"effectiveLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.effectiveLabel)

        self.effectiveEdit = QDateEdit(ChecklistEditionDialog)
        self.effectiveEdit.setObjectName(u"effectiveEdit")
        self.effectiveEdit.setCalendarPopup(True)
        self.effectiveEdit.setDisplayFormat(u"yyyy-MM-dd")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.effectiveEdit)


        self.layout.addLayout(self.form)

        self.buttons = QDialogButtonBox(ChecklistEditionDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.nameLabel.setBuddy(self.nameEdit)
        self.labelLabel.setBuddy(self.labelEdit)
        self.effectiveLabel.setBuddy(self.effectiveEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ChecklistEditionDialog)
        self.buttons.accepted.connect(ChecklistEditionDialog.accept)
        self.buttons.rejected.connect(ChecklistEditionDialog.reject)

        QMetaObject.connectSlotsByName(ChecklistEditionDialog)
    # setupUi

    def retranslateUi(self, ChecklistEditionDialog):
        ChecklistEditionDialog.setWindowTitle(QCoreApplication.translate("ChecklistEditionDialog", u"New checklist edition", None))
        self.nameLabel.setText(QCoreApplication.translate("ChecklistEditionDialog", u"Name:", None))
        self.labelLabel.setText(QCoreApplication.translate("ChecklistEditionDialog", u"Version:", None))
        self.labelEdit.setPlaceholderText(QCoreApplication.translate("ChecklistEditionDialog", u"e.g. 2008\u7248", None))
        self.effectiveLabel.setText(QCoreApplication.translate("ChecklistEditionDialog", u"In force from:", None))
    # retranslateUi

