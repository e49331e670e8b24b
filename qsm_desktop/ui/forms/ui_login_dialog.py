# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'login_dialog.ui'
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
from PySide6.QtWidgets import (QApplication, QCheckBox, QDialog, QFormLayout,
    QHBoxLayout, QLabel, QLineEdit, QPushButton,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_LoginDialog(object):
    def setupUi(self, LoginDialog):
        if not LoginDialog.objectName():
            LoginDialog.setObjectName(u"LoginDialog")
        LoginDialog.setMinimumSize(QSize(520, 0))
        self.loginLayout = QVBoxLayout(LoginDialog)
        self.loginLayout.setSpacing(10)
        self.loginLayout.setObjectName(u"loginLayout")
        self.loginLayout.setContentsMargins(22, 18, 22, 16)
        self.titleLabel = QLabel(LoginDialog)
        self.titleLabel.setObjectName(u"titleLabel")

        self.loginLayout.addWidget(self.titleLabel)

        self.databaseLabel = QLabel(LoginDialog)
        self.databaseLabel.setObjectName(u"databaseLabel")
        self.databaseLabel.setWordWrap(True)

        self.loginLayout.addWidget(self.databaseLabel)

        self.credentialsForm = QFormLayout()
        self.credentialsForm.setObjectName(u"credentialsForm")
        self.credentialsForm.setHorizontalSpacing(12)
        self.credentialsForm.setVerticalSpacing(8)
        self.loginLabel = QLabel(LoginDialog)
        self.loginLabel.setObjectName(u"loginLabel")

        self.credentialsForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.loginLabel)

        self.loginEdit = QLineEdit(LoginDialog)
        self.loginEdit.setObjectName(u"loginEdit")

        self.credentialsForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.loginEdit)

        self.passwordLabel = QLabel(LoginDialog)
        self.passwordLabel.setObjectName(u"passwordLabel")

        self.credentialsForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.passwordLabel)

        self.passwordEdit = QLineEdit(LoginDialog)
        self.passwordEdit.setObjectName(u"passwordEdit")
        self.passwordEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.credentialsForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.passwordEdit)

        self.rememberBox = QCheckBox(LoginDialog)
        self.rememberBox.setObjectName(u"rememberBox")

        self.credentialsForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.rememberBox)


        self.loginLayout.addLayout(self.credentialsForm)

        self.messageLabel = QLabel(LoginDialog)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setWordWrap(True)
        self.messageLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.loginLayout.addWidget(self.messageLabel)

        self.sqliteWarning = QLabel(LoginDialog)
        self.sqliteWarning.setObjectName(u"sqliteWarning")
        self.sqliteWarning.setWordWrap(True)

        self.loginLayout.addWidget(self.sqliteWarning)

        self.buttonRow = QHBoxLayout()
        self.buttonRow.setObjectName(u"buttonRow")
        self.localButton = QPushButton(LoginDialog)
        self.localButton.setObjectName(u"localButton")
        self.localButton.setAutoDefault(False)

        self.buttonRow.addWidget(self.localButton)

        self.buttonSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonRow.addItem(self.buttonSpacer)

        self.quitButton = QPushButton(LoginDialog)
        self.quitButton.setObjectName(u"quitButton")
        self.quitButton.setAutoDefault(False)

        self.buttonRow.addWidget(self.quitButton)

        self.signInButton = QPushButton(LoginDialog)
        self.signInButton.setObjectName(u"signInButton")

        self.buttonRow.addWidget(self.signInButton)


        self.loginLayout.addLayout(self.buttonRow)

#if QT_CONFIG(shortcut)
        self.loginLabel.setBuddy(self.loginEdit)
        self.passwordLabel.setBuddy(self.passwordEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.loginEdit, self.passwordEdit)
        QWidget.setTabOrder(self.passwordEdit, self.rememberBox)
        QWidget.setTabOrder(self.rememberBox, self.signInButton)
        QWidget.setTabOrder(self.signInButton, self.quitButton)

        self.retranslateUi(LoginDialog)

        self.signInButton.setDefault(True)


        QMetaObject.connectSlotsByName(LoginDialog)
    # setupUi

    def retranslateUi(self, LoginDialog):
        LoginDialog.setWindowTitle(QCoreApplication.translate("LoginDialog", u"Sign in \u2014 QSM Desktop", None))
        self.titleLabel.setText(QCoreApplication.translate("LoginDialog", u"Sign in", None))
        self.loginLabel.setText(QCoreApplication.translate("LoginDialog", u"&Login:", None))
        self.loginEdit.setPlaceholderText(QCoreApplication.translate("LoginDialog", u"e.g. li_li", None))
        self.passwordLabel.setText(QCoreApplication.translate("LoginDialog", u"&Password:", None))
        self.rememberBox.setText(QCoreApplication.translate("LoginDialog", u"&Remember the password (system keyring)", None))
        self.localButton.setText(QCoreApplication.translate("LoginDialog", u"Open the local database instead", None))
        self.quitButton.setText(QCoreApplication.translate("LoginDialog", u"Quit", None))
        self.signInButton.setText(QCoreApplication.translate("LoginDialog", u"Sign in", None))
    # retranslateUi

