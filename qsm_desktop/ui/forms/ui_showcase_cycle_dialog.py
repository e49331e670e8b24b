# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'showcase_cycle_dialog.ui'
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
    QPushButton, QSizePolicy, QSpinBox, QWidget)

class Ui_CycleDialog(object):
    def setupUi(self, CycleDialog):
        if not CycleDialog.objectName():
            CycleDialog.setObjectName(u"CycleDialog")
        self.form = QFormLayout(CycleDialog)
        self.form.setObjectName(u"form")
        self.titleLabel = QLabel(CycleDialog)
        self.titleLabel.setObjectName(u"titleLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.titleLabel)

        self.titleEdit = QLineEdit(CycleDialog)
        self.titleEdit.setObjectName(u"titleEdit")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.titleEdit)

        self.announcedLabel = QLabel(CycleDialog)
        self.announcedLabel.setObjectName(u"announcedLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.announcedLabel)

        self.announcedEdit = QDateEdit(CycleDialog)
        self.announcedEdit.setObjectName(u"announcedEdit")
        self.announcedEdit.setCalendarPopup(True)
        self.announcedEdit.setDisplayFormat(u"yyyy-MM-dd")
        self.announcedEdit.setMinimumDate(QDate(1990, 1, 1))

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.announcedEdit)

        self.windowStartLabel = QLabel(CycleDialog)
        self.windowStartLabel.setObjectName(u"windowStartLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.windowStartLabel)

        self.windowStartEdit = QDateEdit(CycleDialog)
        self.windowStartEdit.setObjectName(u"windowStartEdit")
        self.windowStartEdit.setCalendarPopup(True)
        self.windowStartEdit.setDisplayFormat(u"yyyy-MM-dd")
        self.windowStartEdit.setMinimumDate(QDate(1990, 1, 1))

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.windowStartEdit)

        self.windowEndLabel = QLabel(CycleDialog)
        self.windowEndLabel.setObjectName(u"windowEndLabel")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.windowEndLabel)

        self.windowEndEdit = QDateEdit(CycleDialog)
        self.windowEndEdit.setObjectName(u"windowEndEdit")
        self.windowEndEdit.setCalendarPopup(True)
        self.windowEndEdit.setDisplayFormat(u"yyyy-MM-dd")
        self.windowEndEdit.setMinimumDate(QDate(1990, 1, 1))

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.windowEndEdit)

        self.quotaLabel = QLabel(CycleDialog)
        self.quotaLabel.setObjectName(u"quotaLabel")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.quotaLabel)

        self.quotaSpin = QSpinBox(CycleDialog)
        self.quotaSpin.setObjectName(u"quotaSpin")
        self.quotaSpin.setMinimum(-1)
        self.quotaSpin.setMaximum(999)

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.quotaSpin)

        self.attachmentsLabel = QLabel(CycleDialog)
        self.attachmentsLabel.setObjectName(u"attachmentsLabel")

        self.form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.attachmentsLabel)

        self.attachmentsEdit = QLineEdit(CycleDialog)
        self.attachmentsEdit.setObjectName(u"attachmentsEdit")

        self.form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.attachmentsEdit)

        self.patternLabel = QLabel(CycleDialog)
        self.patternLabel.setObjectName(u"patternLabel")

        self.form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.patternLabel)

        self.patternEdit = QLineEdit(CycleDialog)
        self.patternEdit.setObjectName(u"patternEdit")

        self.form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.patternEdit)

        self.issuerLabel = QLabel(CycleDialog)
        self.issuerLabel.setObjectName(u"issuerLabel")

        self.form.setWidget(7, QFormLayout.ItemRole.LabelRole, self.issuerLabel)

        self.issuerEdit = QLineEdit(CycleDialog)
        self.issuerEdit.setObjectName(u"issuerEdit")

        self.form.setWidget(7, QFormLayout.ItemRole.FieldRole, self.issuerEdit)

        self.reinspectionLabel = QLabel(CycleDialog)
        self.reinspectionLabel.setObjectName(u"reinspectionLabel")

        self.form.setWidget(8, QFormLayout.ItemRole.LabelRole, self.reinspectionLabel)

        self.reinspectionSpin = QSpinBox(CycleDialog)
        self.reinspectionSpin.setObjectName(u"reinspectionSpin")
        self.reinspectionSpin.setMinimum(1)
        self.reinspectionSpin.setMaximum(10)

        self.form.setWidget(8, QFormLayout.ItemRole.FieldRole, self.reinspectionSpin)

        self.sheetLabel = QLabel(CycleDialog)
        self.sheetLabel.setObjectName(u"sheetLabel")

        self.form.setWidget(9, QFormLayout.ItemRole.LabelRole, self.sheetLabel)

        self.sheetButton = QPushButton(CycleDialog)
        self.sheetButton.setObjectName(u"sheetButton")

        self.form.setWidget(9, QFormLayout.ItemRole.FieldRole, self.sheetButton)

        self.buttons = QDialogButtonBox(CycleDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.form.setWidget(10, QFormLayout.ItemRole.SpanningRole, self.buttons)

#if QT_CONFIG(shortcut)
        self.titleLabel.setBuddy(self.titleEdit)
        self.announcedLabel.setBuddy(self.announcedEdit)
        self.windowStartLabel.setBuddy(self.windowStartEdit)
        self.windowEndLabel.setBuddy(self.windowEndEdit)
        self.quotaLabel.setBuddy(self.quotaSpin)
        self.attachmentsLabel.setBuddy(self.attachmentsEdit)
        self.patternLabel.setBuddy(self.patternEdit)
        self.issuerLabel.setBuddy(self.issuerEdit)
        self.reinspectionLabel.setBuddy(self.reinspectionSpin)
        self.sheetLabel.setBuddy(self.sheetButton)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(CycleDialog)

        QMetaObject.connectSlotsByName(CycleDialog)
    # setupUi

    def retranslateUi(self, CycleDialog):
        self.titleLabel.setText(QCoreApplication.translate("CycleDialog", u"Official title:", None))
        self.announcedLabel.setText(QCoreApplication.translate("CycleDialog", u"Announced on:", None))
        self.announcedEdit.setSpecialValueText(QCoreApplication.translate("CycleDialog", u"not set", None))
        self.windowStartLabel.setText(QCoreApplication.translate("CycleDialog", u"Applications from:", None))
        self.windowStartEdit.setSpecialValueText(QCoreApplication.translate("CycleDialog", u"not set", None))
        self.windowEndLabel.setText(QCoreApplication.translate("CycleDialog", u"Applications until:", None))
        self.windowEndEdit.setSpecialValueText(QCoreApplication.translate("CycleDialog", u"not set", None))
        self.quotaLabel.setText(QCoreApplication.translate("CycleDialog", u"Quota:", None))
        self.quotaSpin.setSpecialValueText(QCoreApplication.translate("CycleDialog", u"not set", None))
        self.attachmentsLabel.setText(QCoreApplication.translate("CycleDialog", u"Required attachments (separated by \u3001):", None))
        self.patternLabel.setText(QCoreApplication.translate("CycleDialog", u"Certificate number pattern:", None))
        self.issuerLabel.setText(QCoreApplication.translate("CycleDialog", u"Issuing body:", None))
        self.reinspectionLabel.setText(QCoreApplication.translate("CycleDialog", u"Re-inspection after (years):", None))
        self.sheetLabel.setText(QCoreApplication.translate("CycleDialog", u"Score sheet: {name}", None))
        self.sheetButton.setText(QCoreApplication.translate("CycleDialog", u"Load another score sheet (TOML)\u2026", None))
        pass
    # retranslateUi

