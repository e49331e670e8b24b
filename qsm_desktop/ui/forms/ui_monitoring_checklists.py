# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'monitoring_checklists.ui'
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
from PySide6.QtWidgets import (QApplication, QComboBox, QHBoxLayout, QHeaderView,
    QLabel, QPushButton, QSizePolicy, QSpacerItem,
    QSplitter, QTableWidget, QTableWidgetItem, QVBoxLayout,
    QWidget)

class Ui_MonitoringChecklistsForm(object):
    def setupUi(self, MonitoringChecklistsForm):
        if not MonitoringChecklistsForm.objectName():
            MonitoringChecklistsForm.setObjectName(u"MonitoringChecklistsForm")
        self.layout = QVBoxLayout(MonitoringChecklistsForm)
        self.layout.setObjectName(u"layout")
        self.layout.setContentsMargins(0, 0, 0, 0)
        self.bar = QHBoxLayout()
        self.bar.setObjectName(u"bar")
        self.editionLabel = QLabel(MonitoringChecklistsForm)
        self.editionLabel.setObjectName(u"editionLabel")

        self.bar.addWidget(self.editionLabel)

        self.editionCombo = QComboBox(MonitoringChecklistsForm)
        self.editionCombo.setObjectName(u"editionCombo")
        self.editionCombo.setMinimumContentsLength(18)
        self.editionCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

        self.bar.addWidget(self.editionCombo)

        self.editionInfo = QLabel(MonitoringChecklistsForm)
        self.editionInfo.setObjectName(u"editionInfo")
        self.editionInfo.setWordWrap(True)
        self.editionInfo.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.bar.addWidget(self.editionInfo)

        self.newEditionButton = QPushButton(MonitoringChecklistsForm)
        self.newEditionButton.setObjectName(u"newEditionButton")

        self.bar.addWidget(self.newEditionButton)

        self.editButton = QPushButton(MonitoringChecklistsForm)
        self.editButton.setObjectName(u"editButton")

        self.bar.addWidget(self.editButton)

        self.saveButton = QPushButton(MonitoringChecklistsForm)
        self.saveButton.setObjectName(u"saveButton")

        self.bar.addWidget(self.saveButton)

        self.discardButton = QPushButton(MonitoringChecklistsForm)
        self.discardButton.setObjectName(u"discardButton")

        self.bar.addWidget(self.discardButton)

        self.bar.setStretch(2, 1)

        self.layout.addLayout(self.bar)

        self.messageLabel = QLabel(MonitoringChecklistsForm)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setWordWrap(True)
        self.messageLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.layout.addWidget(self.messageLabel)

        self.splitter = QSplitter(MonitoringChecklistsForm)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Horizontal)
        self.moduleTable = QTableWidget(self.splitter)
        self.moduleTable.setObjectName(u"moduleTable")
        self.splitter.addWidget(self.moduleTable)
        self.itemPanel = QWidget(self.splitter)
        self.itemPanel.setObjectName(u"itemPanel")
        self.itemLayout = QVBoxLayout(self.itemPanel)
        self.itemLayout.setObjectName(u"itemLayout")
        self.itemLayout.setContentsMargins(0, 0, 0, 0)
        self.itemTitle = QLabel(self.itemPanel)
        self.itemTitle.setObjectName(u"itemTitle")
        self.itemTitle.setWordWrap(True)

        self.itemLayout.addWidget(self.itemTitle)

        self.itemTable = QTableWidget(self.itemPanel)
        self.itemTable.setObjectName(u"itemTable")

        self.itemLayout.addWidget(self.itemTable)

        self.itemBar = QHBoxLayout()
        self.itemBar.setObjectName(u"itemBar")
        self.addItemButton = QPushButton(self.itemPanel)
        self.addItemButton.setObjectName(u"addItemButton")

        self.itemBar.addWidget(self.addItemButton)

        self.removeItemButton = QPushButton(self.itemPanel)
        self.removeItemButton.setObjectName(u"removeItemButton")

        self.itemBar.addWidget(self.removeItemButton)

        self.itemSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.itemBar.addItem(self.itemSpacer)

        self.totalLabel = QLabel(self.itemPanel)
        self.totalLabel.setObjectName(u"totalLabel")

        self.itemBar.addWidget(self.totalLabel)

        self.itemBar.setStretch(2, 1)

        self.itemLayout.addLayout(self.itemBar)

        self.itemLayout.setStretch(1, 1)
        self.splitter.addWidget(self.itemPanel)

        self.layout.addWidget(self.splitter)

        self.layout.setStretch(2, 1)
#if QT_CONFIG(shortcut)
        self.editionLabel.setBuddy(self.editionCombo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.editionCombo, self.newEditionButton)
        QWidget.setTabOrder(self.newEditionButton, self.editButton)
        QWidget.setTabOrder(self.editButton, self.saveButton)
        QWidget.setTabOrder(self.saveButton, self.discardButton)
        QWidget.setTabOrder(self.discardButton, self.moduleTable)
        QWidget.setTabOrder(self.moduleTable, self.itemTable)
        QWidget.setTabOrder(self.itemTable, self.addItemButton)
        QWidget.setTabOrder(self.addItemButton, self.removeItemButton)

        self.retranslateUi(MonitoringChecklistsForm)

        QMetaObject.connectSlotsByName(MonitoringChecklistsForm)
    # setupUi

    def retranslateUi(self, MonitoringChecklistsForm):
        self.editionLabel.setText(QCoreApplication.translate("MonitoringChecklistsForm", u"Edition:", None))
        self.newEditionButton.setText(QCoreApplication.translate("MonitoringChecklistsForm", u"New edition\u2026", None))
        self.editButton.setText(QCoreApplication.translate("MonitoringChecklistsForm", u"Edit", None))
        self.saveButton.setText(QCoreApplication.translate("MonitoringChecklistsForm", u"Save", None))
        self.discardButton.setText(QCoreApplication.translate("MonitoringChecklistsForm", u"Discard changes", None))
        self.addItemButton.setText(QCoreApplication.translate("MonitoringChecklistsForm", u"Add item", None))
        self.removeItemButton.setText(QCoreApplication.translate("MonitoringChecklistsForm", u"Remove item", None))
        pass
    # retranslateUi

