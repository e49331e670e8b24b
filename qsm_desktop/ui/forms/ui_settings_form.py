# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'settings_form.ui'
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
from PySide6.QtWidgets import (QApplication, QComboBox, QGridLayout, QGroupBox,
    QHBoxLayout, QLabel, QLineEdit, QPushButton,
    QRadioButton, QSizePolicy, QSpacerItem, QSpinBox,
    QVBoxLayout, QWidget)

class Ui_SettingsForm(object):
    def setupUi(self, SettingsForm):
        if not SettingsForm.objectName():
            SettingsForm.setObjectName(u"SettingsForm")
        SettingsForm.resize(820, 640)
        self.outerLayout = QVBoxLayout(SettingsForm)
        self.outerLayout.setSpacing(12)
        self.outerLayout.setObjectName(u"outerLayout")
        self.databaseGroup = QGroupBox(SettingsForm)
        self.databaseGroup.setObjectName(u"databaseGroup")
        self.databaseLayout = QGridLayout(self.databaseGroup)
        self.databaseLayout.setObjectName(u"databaseLayout")
        self.databaseLayout.setHorizontalSpacing(10)
        self.databaseLayout.setVerticalSpacing(8)
        self.sqliteRadio = QRadioButton(self.databaseGroup)
        self.sqliteRadio.setObjectName(u"sqliteRadio")
        self.sqliteRadio.setChecked(True)

        self.databaseLayout.addWidget(self.sqliteRadio, 0, 0, 1, 4)

        self.fileLabel = QLabel(self.databaseGroup)
        self.fileLabel.setObjectName(u"fileLabel")

        self.databaseLayout.addWidget(self.fileLabel, 1, 0, 1, 1)

        self.fileEdit = QLineEdit(self.databaseGroup)
        self.fileEdit.setObjectName(u"fileEdit")

        self.databaseLayout.addWidget(self.fileEdit, 1, 1, 1, 2)

        self.fileBrowseButton = QPushButton(self.databaseGroup)
        self.fileBrowseButton.setObjectName(u"fileBrowseButton")

        self.databaseLayout.addWidget(self.fileBrowseButton, 1, 3, 1, 1)

        self.serverRadio = QRadioButton(self.databaseGroup)
        self.serverRadio.setObjectName(u"serverRadio")

        self.databaseLayout.addWidget(self.serverRadio, 2, 0, 1, 4)

        self.hostLabel = QLabel(self.databaseGroup)
        self.hostLabel.setObjectName(u"hostLabel")

        self.databaseLayout.addWidget(self.hostLabel, 3, 0, 1, 1)

        self.hostEdit = QLineEdit(self.databaseGroup)
        self.hostEdit.setObjectName(u"hostEdit")

        self.databaseLayout.addWidget(self.hostEdit, 3, 1, 1, 1)

        self.portLabel = QLabel(self.databaseGroup)
        self.portLabel.setObjectName(u"portLabel")

        self.databaseLayout.addWidget(self.portLabel, 3, 2, 1, 1, Qt.AlignmentFlag.AlignRight)

        self.portSpin = QSpinBox(self.databaseGroup)
        self.portSpin.setObjectName(u"portSpin")
        self.portSpin.setMinimum(1)
        self.portSpin.setMaximum(65535)
        self.portSpin.setValue(5432)

        self.databaseLayout.addWidget(self.portSpin, 3, 3, 1, 1)

        self.nameLabel = QLabel(self.databaseGroup)
        self.nameLabel.setObjectName(u"nameLabel")

        self.databaseLayout.addWidget(self.nameLabel, 4, 0, 1, 1)

        self.nameEdit = QLineEdit(self.databaseGroup)
        self.nameEdit.setObjectName(u"nameEdit")
        self.nameEdit.setText(u"qsm")

        self.databaseLayout.addWidget(self.nameEdit, 4, 1, 1, 1)

        self.userLabel = QLabel(self.databaseGroup)
        self.userLabel.setObjectName(u"userLabel")

        self.databaseLayout.addWidget(self.userLabel, 5, 0, 1, 1)

        self.userEdit = QLineEdit(self.databaseGroup)
        self.userEdit.setObjectName(u"userEdit")

        self.databaseLayout.addWidget(self.userEdit, 5, 1, 1, 1)

        self.passwordLabel = QLabel(self.databaseGroup)
        self.passwordLabel.setObjectName(u"passwordLabel")

        self.databaseLayout.addWidget(self.passwordLabel, 6, 0, 1, 1)

        self.passwordEdit = QLineEdit(self.databaseGroup)
        self.passwordEdit.setObjectName(u"passwordEdit")
        self.passwordEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.databaseLayout.addWidget(self.passwordEdit, 6, 1, 1, 1)

        self.keyringLabel = QLabel(self.databaseGroup)
        self.keyringLabel.setObjectName(u"keyringLabel")
        self.keyringLabel.setWordWrap(True)

        self.databaseLayout.addWidget(self.keyringLabel, 7, 1, 1, 3)

        self.databaseButtons = QHBoxLayout()
        self.databaseButtons.setObjectName(u"databaseButtons")
        self.testButton = QPushButton(self.databaseGroup)
        self.testButton.setObjectName(u"testButton")

        self.databaseButtons.addWidget(self.testButton)

        self.saveDatabaseButton = QPushButton(self.databaseGroup)
        self.saveDatabaseButton.setObjectName(u"saveDatabaseButton")

        self.databaseButtons.addWidget(self.saveDatabaseButton)

        self.testResultLabel = QLabel(self.databaseGroup)
        self.testResultLabel.setObjectName(u"testResultLabel")
        self.testResultLabel.setWordWrap(True)
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.testResultLabel.sizePolicy().hasHeightForWidth())
        self.testResultLabel.setSizePolicy(sizePolicy)

        self.databaseButtons.addWidget(self.testResultLabel)


        self.databaseLayout.addLayout(self.databaseButtons, 8, 0, 1, 4)

        self.restartHintLabel = QLabel(self.databaseGroup)
        self.restartHintLabel.setObjectName(u"restartHintLabel")
        self.restartHintLabel.setWordWrap(True)

        self.databaseLayout.addWidget(self.restartHintLabel, 9, 0, 1, 4)


        self.outerLayout.addWidget(self.databaseGroup)

        self.languageGroup = QGroupBox(SettingsForm)
        self.languageGroup.setObjectName(u"languageGroup")
        self.languageLayout = QHBoxLayout(self.languageGroup)
        self.languageLayout.setObjectName(u"languageLayout")
        self.languageLabel = QLabel(self.languageGroup)
        self.languageLabel.setObjectName(u"languageLabel")

        self.languageLayout.addWidget(self.languageLabel)

        self.languageCombo = QComboBox(self.languageGroup)
        self.languageCombo.setObjectName(u"languageCombo")

        self.languageLayout.addWidget(self.languageCombo)

        self.languageSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.languageLayout.addItem(self.languageSpacer)


        self.outerLayout.addWidget(self.languageGroup)

        self.foldersGroup = QGroupBox(SettingsForm)
        self.foldersGroup.setObjectName(u"foldersGroup")
        self.foldersLayout = QGridLayout(self.foldersGroup)
        self.foldersLayout.setObjectName(u"foldersLayout")
        self.importDirLabel = QLabel(self.foldersGroup)
        self.importDirLabel.setObjectName(u"importDirLabel")

        self.foldersLayout.addWidget(self.importDirLabel, 0, 0, 1, 1)

        self.importDirEdit = QLineEdit(self.foldersGroup)
        self.importDirEdit.setObjectName(u"importDirEdit")

        self.foldersLayout.addWidget(self.importDirEdit, 0, 1, 1, 1)

        self.importDirButton = QPushButton(self.foldersGroup)
        self.importDirButton.setObjectName(u"importDirButton")

        self.foldersLayout.addWidget(self.importDirButton, 0, 2, 1, 1)

        self.exportDirLabel = QLabel(self.foldersGroup)
        self.exportDirLabel.setObjectName(u"exportDirLabel")

        self.foldersLayout.addWidget(self.exportDirLabel, 1, 0, 1, 1)

        self.exportDirEdit = QLineEdit(self.foldersGroup)
        self.exportDirEdit.setObjectName(u"exportDirEdit")

        self.foldersLayout.addWidget(self.exportDirEdit, 1, 1, 1, 1)

        self.exportDirButton = QPushButton(self.foldersGroup)
        self.exportDirButton.setObjectName(u"exportDirButton")

        self.foldersLayout.addWidget(self.exportDirButton, 1, 2, 1, 1)

        self.templateDirLabel = QLabel(self.foldersGroup)
        self.templateDirLabel.setObjectName(u"templateDirLabel")

        self.foldersLayout.addWidget(self.templateDirLabel, 2, 0, 1, 1)

        self.templateDirEdit = QLineEdit(self.foldersGroup)
        self.templateDirEdit.setObjectName(u"templateDirEdit")

        self.foldersLayout.addWidget(self.templateDirEdit, 2, 1, 1, 1)

        self.templateDirButton = QPushButton(self.foldersGroup)
        self.templateDirButton.setObjectName(u"templateDirButton")

        self.foldersLayout.addWidget(self.templateDirButton, 2, 2, 1, 1)


        self.outerLayout.addWidget(self.foldersGroup)

        self.settingsFileLabel = QLabel(SettingsForm)
        self.settingsFileLabel.setObjectName(u"settingsFileLabel")
        self.settingsFileLabel.setWordWrap(True)
        self.settingsFileLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.outerLayout.addWidget(self.settingsFileLabel)

        self.bottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.outerLayout.addItem(self.bottomSpacer)

#if QT_CONFIG(shortcut)
        self.fileLabel.setBuddy(self.fileEdit)
        self.hostLabel.setBuddy(self.hostEdit)
        self.portLabel.setBuddy(self.portSpin)
        self.nameLabel.setBuddy(self.nameEdit)
        self.userLabel.setBuddy(self.userEdit)
        self.passwordLabel.setBuddy(self.passwordEdit)
        self.languageLabel.setBuddy(self.languageCombo)
        self.importDirLabel.setBuddy(self.importDirEdit)
        self.exportDirLabel.setBuddy(self.exportDirEdit)
        self.templateDirLabel.setBuddy(self.templateDirEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.sqliteRadio, self.fileEdit)
        QWidget.setTabOrder(self.fileEdit, self.fileBrowseButton)
        QWidget.setTabOrder(self.fileBrowseButton, self.serverRadio)
        QWidget.setTabOrder(self.serverRadio, self.hostEdit)
        QWidget.setTabOrder(self.hostEdit, self.portSpin)
        QWidget.setTabOrder(self.portSpin, self.nameEdit)
        QWidget.setTabOrder(self.nameEdit, self.userEdit)
        QWidget.setTabOrder(self.userEdit, self.passwordEdit)
        QWidget.setTabOrder(self.passwordEdit, self.testButton)
        QWidget.setTabOrder(self.testButton, self.saveDatabaseButton)
        QWidget.setTabOrder(self.saveDatabaseButton, self.languageCombo)
        QWidget.setTabOrder(self.languageCombo, self.importDirEdit)
        QWidget.setTabOrder(self.importDirEdit, self.exportDirEdit)
        QWidget.setTabOrder(self.exportDirEdit, self.templateDirEdit)

        self.retranslateUi(SettingsForm)

        QMetaObject.connectSlotsByName(SettingsForm)
    # setupUi

    def retranslateUi(self, SettingsForm):
        self.databaseGroup.setTitle(QCoreApplication.translate("SettingsForm", u"Database", None))
        self.sqliteRadio.setText(QCoreApplication.translate("SettingsForm", u"Local database file (SQLite) \u2014 one workstation, nothing to set up", None))
        self.fileLabel.setText(QCoreApplication.translate("SettingsForm", u"File:", None))
        self.fileEdit.setPlaceholderText(QCoreApplication.translate("SettingsForm", u"Default: qsm.db in your user data folder", None))
        self.fileBrowseButton.setText(QCoreApplication.translate("SettingsForm", u"Browse\u2026", None))
        self.serverRadio.setText(QCoreApplication.translate("SettingsForm", u"Shared database server (PostgreSQL) \u2014 several workstations", None))
        self.hostLabel.setText(QCoreApplication.translate("SettingsForm", u"Server:", None))
        self.hostEdit.setPlaceholderText(QCoreApplication.translate("SettingsForm", u"host name or address", None))
        self.portLabel.setText(QCoreApplication.translate("SettingsForm", u"Port:", None))
        self.nameLabel.setText(QCoreApplication.translate("SettingsForm", u"Database name:", None))
        self.userLabel.setText(QCoreApplication.translate("SettingsForm", u"User:", None))
        self.passwordLabel.setText(QCoreApplication.translate("SettingsForm", u"Password:", None))
        self.testButton.setText(QCoreApplication.translate("SettingsForm", u"Test connection", None))
        self.saveDatabaseButton.setText(QCoreApplication.translate("SettingsForm", u"Save", None))
        self.restartHintLabel.setText(QCoreApplication.translate("SettingsForm", u"A new database is used from the next start of QSM Desktop.", None))
        self.languageGroup.setTitle(QCoreApplication.translate("SettingsForm", u"Language", None))
        self.languageLabel.setText(QCoreApplication.translate("SettingsForm", u"Interface language:", None))
        self.foldersGroup.setTitle(QCoreApplication.translate("SettingsForm", u"Folders", None))
        self.importDirLabel.setText(QCoreApplication.translate("SettingsForm", u"Returns to import:", None))
        self.importDirButton.setText(QCoreApplication.translate("SettingsForm", u"Browse\u2026", None))
        self.exportDirLabel.setText(QCoreApplication.translate("SettingsForm", u"Exports:", None))
        self.exportDirButton.setText(QCoreApplication.translate("SettingsForm", u"Browse\u2026", None))
        self.templateDirLabel.setText(QCoreApplication.translate("SettingsForm", u"Templates:", None))
        self.templateDirButton.setText(QCoreApplication.translate("SettingsForm", u"Browse\u2026", None))
        pass
    # retranslateUi

