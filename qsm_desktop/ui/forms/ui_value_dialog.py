# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'value_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QDialogButtonBox,
    QFormLayout, QLabel, QLineEdit, QSizePolicy,
    QWidget)

class Ui_ValueDialog(object):
    def setupUi(self, ValueDialog):
        if not ValueDialog.objectName():
            ValueDialog.setObjectName(u"ValueDialog")
        self.valueForm = QFormLayout(ValueDialog)
        self.valueForm.setObjectName(u"valueForm")
        self.unitLabel = QLabel(ValueDialog)
        self.unitLabel.setObjectName(u"unitLabel")

        self.valueForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.unitLabel)

        self.unitName = QLabel(ValueDialog)
        self.unitName.setObjectName(u"unitName")

        self.valueForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.unitName)

        self.indicatorLabel = QLabel(ValueDialog)
        self.indicatorLabel.setObjectName(u"indicatorLabel")

        self.valueForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.indicatorLabel)

        self.indicatorName = QLabel(ValueDialog)
        self.indicatorName.setObjectName(u"indicatorName")

        self.valueForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.indicatorName)

        self.valueLabel = QLabel(ValueDialog)
        self.valueLabel.setObjectName(u"valueLabel")

        self.valueForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.valueLabel)

        self.valueEdit = QLineEdit(ValueDialog)
        self.valueEdit.setObjectName(u"valueEdit")

        self.valueForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.valueEdit)

        self.reasonLabel = QLabel(ValueDialog)
        self.reasonLabel.setObjectName(u"reasonLabel")

        self.valueForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.reasonLabel)

        self.reasonEdit = QLineEdit(ValueDialog)
        self.reasonEdit.setObjectName(u"reasonEdit")

        self.valueForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.reasonEdit)

        self.buttons = QDialogButtonBox(ValueDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.valueForm.setWidget(4, QFormLayout.ItemRole.SpanningRole, self.buttons)


        self.retranslateUi(ValueDialog)

        QMetaObject.connectSlotsByName(ValueDialog)
    # setupUi

    def retranslateUi(self, ValueDialog):
        ValueDialog.setWindowTitle(QCoreApplication.translate("ValueDialog", u"Enter a value", None))
        self.unitLabel.setText(QCoreApplication.translate("ValueDialog", u"Unit:", None))
        self.indicatorLabel.setText(QCoreApplication.translate("ValueDialog", u"Indicator:", None))
        self.valueLabel.setText(QCoreApplication.translate("ValueDialog", u"Value:", None))
        self.valueEdit.setPlaceholderText(QCoreApplication.translate("ValueDialog", u"e.g. 97, 0.97 or 97%", None))
        self.reasonLabel.setText(QCoreApplication.translate("ValueDialog", u"Reason:", None))
        self.reasonEdit.setPlaceholderText(QCoreApplication.translate("ValueDialog", u"Why the value is entered by hand", None))
    # retranslateUi

