# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'showcase_awards_tab.ui'
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
from PySide6.QtWidgets import (QApplication, QHBoxLayout, QHeaderView, QLabel,
    QLineEdit, QPushButton, QSizePolicy, QSplitter,
    QTableView, QVBoxLayout, QWidget)

class Ui_ShowcaseAwardsTab(object):
    def setupUi(self, ShowcaseAwardsTab):
        if not ShowcaseAwardsTab.objectName():
            ShowcaseAwardsTab.setObjectName(u"ShowcaseAwardsTab")
        self.layout = QVBoxLayout(ShowcaseAwardsTab)
        self.layout.setObjectName(u"layout")
        self.verify = QHBoxLayout()
        self.verify.setObjectName(u"verify")
        self.verifyLabel = QLabel(ShowcaseAwardsTab)
        self.verifyLabel.setObjectName(u"verifyLabel")

        self.verify.addWidget(self.verifyLabel)

        self.verifyEdit = QLineEdit(ShowcaseAwardsTab)
        self.verifyEdit.setObjectName(u"verifyEdit")

        self.verify.addWidget(self.verifyEdit)

        self.verifyButton = QPushButton(ShowcaseAwardsTab)
        self.verifyButton.setObjectName(u"verifyButton")

        self.verify.addWidget(self.verifyButton)

        self.verifyResult = QLabel(ShowcaseAwardsTab)
        self.verifyResult.setObjectName(u"verifyResult")
        self.verifyResult.setWordWrap(True)

        self.verify.addWidget(self.verifyResult)

        self.verify.setStretch(1, 2)
        self.verify.setStretch(3, 3)

        self.layout.addLayout(self.verify)

        self.countsLabel = QLabel(ShowcaseAwardsTab)
        self.countsLabel.setObjectName(u"countsLabel")
        self.countsLabel.setWordWrap(True)

        self.layout.addWidget(self.countsLabel)

        self.splitter = QSplitter(ShowcaseAwardsTab)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Horizontal)
        self.register = QWidget(self.splitter)
        self.register.setObjectName(u"register")
        self.registerLayout = QVBoxLayout(self.register)
        self.registerLayout.setObjectName(u"registerLayout")
        self.registerLayout.setContentsMargins(0, 0, 0, 0)
        self.awardTable = QTableView(self.register)
        self.awardTable.setObjectName(u"awardTable")

        self.registerLayout.addWidget(self.awardTable)

        self.registerButtons = QHBoxLayout()
        self.registerButtons.setObjectName(u"registerButtons")
        self.printButton = QPushButton(self.register)
        self.printButton.setObjectName(u"printButton")

        self.registerButtons.addWidget(self.printButton)

        self.savePdfButton = QPushButton(self.register)
        self.savePdfButton.setObjectName(u"savePdfButton")

        self.registerButtons.addWidget(self.savePdfButton)

        self.revokeButton = QPushButton(self.register)
        self.revokeButton.setObjectName(u"revokeButton")

        self.registerButtons.addWidget(self.revokeButton)

        self.exportRegisterButton = QPushButton(self.register)
        self.exportRegisterButton.setObjectName(u"exportRegisterButton")

        self.registerButtons.addWidget(self.exportRegisterButton)


        self.registerLayout.addLayout(self.registerButtons)

        self.registerLayout.setStretch(0, 1)
        self.splitter.addWidget(self.register)

        self.layout.addWidget(self.splitter)

        self.layout.setStretch(2, 1)
#if QT_CONFIG(shortcut)
        self.verifyLabel.setBuddy(self.verifyEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.verifyEdit, self.verifyButton)
        QWidget.setTabOrder(self.verifyButton, self.awardTable)
        QWidget.setTabOrder(self.awardTable, self.printButton)
        QWidget.setTabOrder(self.printButton, self.savePdfButton)
        QWidget.setTabOrder(self.savePdfButton, self.revokeButton)
        QWidget.setTabOrder(self.revokeButton, self.exportRegisterButton)

        self.retranslateUi(ShowcaseAwardsTab)

        QMetaObject.connectSlotsByName(ShowcaseAwardsTab)
    # setupUi

    def retranslateUi(self, ShowcaseAwardsTab):
        self.verifyLabel.setText(QCoreApplication.translate("ShowcaseAwardsTab", u"Verify a certificate:", None))
        self.verifyEdit.setPlaceholderText(QCoreApplication.translate("ShowcaseAwardsTab", u"certificate number or scanned QR text", None))
        self.verifyButton.setText(QCoreApplication.translate("ShowcaseAwardsTab", u"Verify", None))
        self.printButton.setText(QCoreApplication.translate("ShowcaseAwardsTab", u"Print\u2026", None))
        self.savePdfButton.setText(QCoreApplication.translate("ShowcaseAwardsTab", u"Save PDF\u2026", None))
        self.revokeButton.setText(QCoreApplication.translate("ShowcaseAwardsTab", u"Revoke\u2026", None))
        self.exportRegisterButton.setText(QCoreApplication.translate("ShowcaseAwardsTab", u"Export register\u2026", None))
        pass
    # retranslateUi

