# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'account_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel,
    QLineEdit, QSizePolicy, QToolButton, QWidget)

class Ui_AccountDialog(object):
    def setupUi(self, AccountDialog):
        if not AccountDialog.objectName():
            AccountDialog.setObjectName(u"AccountDialog")
        self.accountForm = QFormLayout(AccountDialog)
        self.accountForm.setObjectName(u"accountForm")
        self.loginLabel = QLabel(AccountDialog)
        self.loginLabel.setObjectName(u"loginLabel")

        self.accountForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.loginLabel)

        self.loginEdit = QLineEdit(AccountDialog)
        self.loginEdit.setObjectName(u"loginEdit")
        self.loginEdit.setMaxLength(63)

        self.accountForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.loginEdit)

        self.nameLabel = QLabel(AccountDialog)
        self.nameLabel.setObjectName(u"nameLabel")

        self.accountForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameEdit = QLineEdit(AccountDialog)
        self.nameEdit.setObjectName(u"nameEdit")

        self.accountForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.roleLabel = QLabel(AccountDialog)
        self.roleLabel.setObjectName(u"roleLabel")

        self.accountForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.roleLabel)

        self.roleCombo = QComboBox(AccountDialog)
        self.roleCombo.setObjectName(u"roleCombo")

        self.accountForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.roleCombo)

        self.orgLabel = QLabel(AccountDialog)
        self.orgLabel.setObjectName(u"orgLabel")

        self.accountForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.orgLabel)

        self.orgRow = QHBoxLayout()
        self.orgRow.setObjectName(u"orgRow")
        self.orgClearButton = QToolButton(AccountDialog)
        self.orgClearButton.setObjectName(u"orgClearButton")

        self.orgRow.addWidget(self.orgClearButton)


        self.accountForm.setLayout(3, QFormLayout.ItemRole.FieldRole, self.orgRow)

        self.passwordLabel = QLabel(AccountDialog)
        self.passwordLabel.setObjectName(u"passwordLabel")

        self.accountForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.passwordLabel)

        self.passwordEdit = QLineEdit(AccountDialog)
        self.passwordEdit.setObjectName(u"passwordEdit")
        self.passwordEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.accountForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.passwordEdit)

        self.againLabel = QLabel(AccountDialog)
        self.againLabel.setObjectName(u"againLabel")

        self.accountForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.againLabel)

        self.againEdit = QLineEdit(AccountDialog)
        self.againEdit.setObjectName(u"againEdit")
        self.againEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.accountForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.againEdit)

        self.hintLabel = QLabel(AccountDialog)
        self.hintLabel.setObjectName(u"hintLabel")
        self.hintLabel.setWordWrap(True)

        self.accountForm.setWidget(6, QFormLayout.ItemRole.SpanningRole, self.hintLabel)

        self.buttons = QDialogButtonBox(AccountDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.accountForm.setWidget(7, QFormLayout.ItemRole.SpanningRole, self.buttons)


        self.retranslateUi(AccountDialog)

        QMetaObject.connectSlotsByName(AccountDialog)
    # setupUi

    def retranslateUi(self, AccountDialog):
        AccountDialog.setWindowTitle(QCoreApplication.translate("AccountDialog", u"Add a login", None))
        self.loginLabel.setText(QCoreApplication.translate("AccountDialog", u"Login:", None))
        self.loginEdit.setPlaceholderText(QCoreApplication.translate("AccountDialog", u"lower-case letters, digits, _ (e.g. wang_li)", None))
        self.nameLabel.setText(QCoreApplication.translate("AccountDialog", u"Name:", None))
        self.nameEdit.setPlaceholderText(QCoreApplication.translate("AccountDialog", u"the person's name", None))
        self.roleLabel.setText(QCoreApplication.translate("AccountDialog", u"Role:", None))
        self.orgLabel.setText(QCoreApplication.translate("AccountDialog", u"Org unit:", None))
        self.orgClearButton.setText(QCoreApplication.translate("AccountDialog", u"None", None))
#if QT_CONFIG(tooltip)
        self.orgClearButton.setToolTip(QCoreApplication.translate("AccountDialog", u"No org unit (the whole bank)", None))
#endif // QT_CONFIG(tooltip)
        self.passwordLabel.setText(QCoreApplication.translate("AccountDialog", u"Password:", None))
        self.againLabel.setText(QCoreApplication.translate("AccountDialog", u"Again:", None))
    # retranslateUi

