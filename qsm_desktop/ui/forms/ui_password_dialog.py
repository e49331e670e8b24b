# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'password_dialog.ui'
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

class Ui_PasswordDialog(object):
    def setupUi(self, PasswordDialog):
        if not PasswordDialog.objectName():
            PasswordDialog.setObjectName(u"PasswordDialog")
        self.passwordForm = QFormLayout(PasswordDialog)
        self.passwordForm.setObjectName(u"passwordForm")
        self.loginLabel = QLabel(PasswordDialog)
        self.loginLabel.setObjectName(u"loginLabel")

        self.passwordForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.loginLabel)

        self.loginName = QLabel(PasswordDialog)
        self.loginName.setObjectName(u"loginName")

        self.passwordForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.loginName)

        self.passwordLabel = QLabel(PasswordDialog)
        self.passwordLabel.setObjectName(u"passwordLabel")

        self.passwordForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.passwordLabel)

        self.passwordEdit = QLineEdit(PasswordDialog)
        self.passwordEdit.setObjectName(u"passwordEdit")
        self.passwordEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.passwordForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.passwordEdit)

        self.againLabel = QLabel(PasswordDialog)
        self.againLabel.setObjectName(u"againLabel")

        self.passwordForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.againLabel)

        self.againEdit = QLineEdit(PasswordDialog)
        self.againEdit.setObjectName(u"againEdit")
        self.againEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.passwordForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.againEdit)

        self.hintLabel = QLabel(PasswordDialog)
        self.hintLabel.setObjectName(u"hintLabel")
        self.hintLabel.setWordWrap(True)

        self.passwordForm.setWidget(3, QFormLayout.ItemRole.SpanningRole, self.hintLabel)

        self.buttons = QDialogButtonBox(PasswordDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.passwordForm.setWidget(4, QFormLayout.ItemRole.SpanningRole, self.buttons)


        self.retranslateUi(PasswordDialog)

        QMetaObject.connectSlotsByName(PasswordDialog)
    # setupUi

    def retranslateUi(self, PasswordDialog):
        PasswordDialog.setWindowTitle(QCoreApplication.translate("PasswordDialog", u"Reset the password", None))
        self.loginLabel.setText(QCoreApplication.translate("PasswordDialog", u"Login:", None))
        self.passwordLabel.setText(QCoreApplication.translate("PasswordDialog", u"New password:", None))
        self.againLabel.setText(QCoreApplication.translate("PasswordDialog", u"Again:", None))
    # retranslateUi

