# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'monitoring_visits.ui'
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
    QSplitter, QTabWidget, QTableView, QVBoxLayout,
    QWidget)

class Ui_MonitoringVisitsForm(object):
    def setupUi(self, MonitoringVisitsForm):
        if not MonitoringVisitsForm.objectName():
            MonitoringVisitsForm.setObjectName(u"MonitoringVisitsForm")
        self.layout = QVBoxLayout(MonitoringVisitsForm)
        self.layout.setObjectName(u"layout")
        self.layout.setContentsMargins(0, 0, 0, 0)
        self.bar = QHBoxLayout()
        self.bar.setObjectName(u"bar")
        self.quarterLabel = QLabel(MonitoringVisitsForm)
        self.quarterLabel.setObjectName(u"quarterLabel")

        self.bar.addWidget(self.quarterLabel)

        self.quarterCombo = QComboBox(MonitoringVisitsForm)
        self.quarterCombo.setObjectName(u"quarterCombo")
        self.quarterCombo.setMinimumContentsLength(16)
        self.quarterCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

        self.bar.addWidget(self.quarterCombo)

        self.summaryLabel = QLabel(MonitoringVisitsForm)
        self.summaryLabel.setObjectName(u"summaryLabel")
        self.summaryLabel.setWordWrap(True)
        self.summaryLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.bar.addWidget(self.summaryLabel)

        self.finaliseButton = QPushButton(MonitoringVisitsForm)
        self.finaliseButton.setObjectName(u"finaliseButton")

        self.bar.addWidget(self.finaliseButton)

        self.exportButton = QPushButton(MonitoringVisitsForm)
        self.exportButton.setObjectName(u"exportButton")

        self.bar.addWidget(self.exportButton)

        self.bar.setStretch(2, 1)

        self.layout.addLayout(self.bar)

        self.provisionalBanner = QLabel(MonitoringVisitsForm)
        self.provisionalBanner.setObjectName(u"provisionalBanner")
        self.provisionalBanner.setWordWrap(True)

        self.layout.addWidget(self.provisionalBanner)

        self.emptyLabel = QLabel(MonitoringVisitsForm)
        self.emptyLabel.setObjectName(u"emptyLabel")
        self.emptyLabel.setWordWrap(True)

        self.layout.addWidget(self.emptyLabel)

        self.tabs = QTabWidget(MonitoringVisitsForm)
        self.tabs.setObjectName(u"tabs")
        self.scoresTab = QWidget()
        self.scoresTab.setObjectName(u"scoresTab")
        self.scoresLayout = QVBoxLayout(self.scoresTab)
        self.scoresLayout.setObjectName(u"scoresLayout")
        self.crumbBar = QHBoxLayout()
        self.crumbBar.setObjectName(u"crumbBar")
        self.upButton = QPushButton(self.scoresTab)
        self.upButton.setObjectName(u"upButton")

        self.crumbBar.addWidget(self.upButton)

        self.crumbLabel = QLabel(self.scoresTab)
        self.crumbLabel.setObjectName(u"crumbLabel")
        self.crumbLabel.setWordWrap(True)

        self.crumbBar.addWidget(self.crumbLabel)

        self.crumbBar.setStretch(1, 1)

        self.scoresLayout.addLayout(self.crumbBar)

        self.scoreSplitter = QSplitter(self.scoresTab)
        self.scoreSplitter.setObjectName(u"scoreSplitter")
        self.scoreSplitter.setOrientation(Qt.Orientation.Vertical)
        self.scoreTable = QTableView(self.scoreSplitter)
        self.scoreTable.setObjectName(u"scoreTable")
        self.scoreSplitter.addWidget(self.scoreTable)
        self.itemPanel = QWidget(self.scoreSplitter)
        self.itemPanel.setObjectName(u"itemPanel")
        self.itemLayout = QVBoxLayout(self.itemPanel)
        self.itemLayout.setObjectName(u"itemLayout")
        self.itemLayout.setContentsMargins(0, 0, 0, 0)
        self.itemTitle = QLabel(self.itemPanel)
        self.itemTitle.setObjectName(u"itemTitle")
        self.itemTitle.setWordWrap(True)

        self.itemLayout.addWidget(self.itemTitle)

        self.itemTable = QTableView(self.itemPanel)
        self.itemTable.setObjectName(u"itemTable")

        self.itemLayout.addWidget(self.itemTable)

        self.itemLayout.setStretch(1, 1)
        self.scoreSplitter.addWidget(self.itemPanel)

        self.scoresLayout.addWidget(self.scoreSplitter)

        self.scoresLayout.setStretch(1, 1)
        self.tabs.addTab(self.scoresTab, "")
        self.appealsTab = QWidget()
        self.appealsTab.setObjectName(u"appealsTab")
        self.appealsLayout = QVBoxLayout(self.appealsTab)
        self.appealsLayout.setObjectName(u"appealsLayout")
        self.appealBar = QHBoxLayout()
        self.appealBar.setObjectName(u"appealBar")
        self.appealFilterLabel = QLabel(self.appealsTab)
        self.appealFilterLabel.setObjectName(u"appealFilterLabel")

        self.appealBar.addWidget(self.appealFilterLabel)

        self.appealFilter = QComboBox(self.appealsTab)
        self.appealFilter.setObjectName(u"appealFilter")

        self.appealBar.addWidget(self.appealFilter)

        self.appealSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.appealBar.addItem(self.appealSpacer)

        self.decideButton = QPushButton(self.appealsTab)
        self.decideButton.setObjectName(u"decideButton")

        self.appealBar.addWidget(self.decideButton)

        self.appealBar.setStretch(2, 1)

        self.appealsLayout.addLayout(self.appealBar)

        self.appealTable = QTableView(self.appealsTab)
        self.appealTable.setObjectName(u"appealTable")

        self.appealsLayout.addWidget(self.appealTable)

        self.appealDetail = QLabel(self.appealsTab)
        self.appealDetail.setObjectName(u"appealDetail")
        self.appealDetail.setWordWrap(True)
        self.appealDetail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.appealsLayout.addWidget(self.appealDetail)

        self.appealsLayout.setStretch(1, 1)
        self.tabs.addTab(self.appealsTab, "")

        self.layout.addWidget(self.tabs)

        self.layout.setStretch(3, 1)
#if QT_CONFIG(shortcut)
        self.quarterLabel.setBuddy(self.quarterCombo)
        self.appealFilterLabel.setBuddy(self.appealFilter)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.quarterCombo, self.finaliseButton)
        QWidget.setTabOrder(self.finaliseButton, self.exportButton)
        QWidget.setTabOrder(self.exportButton, self.tabs)
        QWidget.setTabOrder(self.tabs, self.upButton)
        QWidget.setTabOrder(self.upButton, self.scoreTable)
        QWidget.setTabOrder(self.scoreTable, self.itemTable)
        QWidget.setTabOrder(self.itemTable, self.appealFilter)
        QWidget.setTabOrder(self.appealFilter, self.decideButton)
        QWidget.setTabOrder(self.decideButton, self.appealTable)

        self.retranslateUi(MonitoringVisitsForm)

        QMetaObject.connectSlotsByName(MonitoringVisitsForm)
    # setupUi

    def retranslateUi(self, MonitoringVisitsForm):
        self.quarterLabel.setText(QCoreApplication.translate("MonitoringVisitsForm", u"Quarter:", None))
        self.finaliseButton.setText(QCoreApplication.translate("MonitoringVisitsForm", u"Finalise the quarter\u2026", None))
        self.exportButton.setText(QCoreApplication.translate("MonitoringVisitsForm", u"Export to Excel", None))
        self.upButton.setText(QCoreApplication.translate("MonitoringVisitsForm", u"\u2039 Up", None))
        self.tabs.setTabText(self.tabs.indexOf(self.scoresTab), QCoreApplication.translate("MonitoringVisitsForm", u"Scores", None))
        self.appealFilterLabel.setText(QCoreApplication.translate("MonitoringVisitsForm", u"Show:", None))
        self.decideButton.setText(QCoreApplication.translate("MonitoringVisitsForm", u"Decide\u2026", None))
        self.tabs.setTabText(self.tabs.indexOf(self.appealsTab), QCoreApplication.translate("MonitoringVisitsForm", u"Appeals", None))
        pass
    # retranslateUi

