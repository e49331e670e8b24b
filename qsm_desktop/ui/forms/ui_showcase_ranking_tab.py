# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'showcase_ranking_tab.ui'
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
from PySide6.QtWidgets import (QApplication, QDateEdit, QHBoxLayout, QHeaderView,
    QLabel, QLineEdit, QPushButton, QSizePolicy,
    QSpacerItem, QSpinBox, QSplitter, QTableView,
    QVBoxLayout, QWidget)

class Ui_ShowcaseRankingTab(object):
    def setupUi(self, ShowcaseRankingTab):
        if not ShowcaseRankingTab.objectName():
            ShowcaseRankingTab.setObjectName(u"ShowcaseRankingTab")
        self.layout = QVBoxLayout(ShowcaseRankingTab)
        self.layout.setObjectName(u"layout")
        self.top = QHBoxLayout()
        self.top.setObjectName(u"top")
        self.quotaLabel = QLabel(ShowcaseRankingTab)
        self.quotaLabel.setObjectName(u"quotaLabel")

        self.top.addWidget(self.quotaLabel)

        self.quotaSpin = QSpinBox(ShowcaseRankingTab)
        self.quotaSpin.setObjectName(u"quotaSpin")
        self.quotaSpin.setMaximum(999)

        self.top.addWidget(self.quotaSpin)

        self.decisionDateLabel = QLabel(ShowcaseRankingTab)
        self.decisionDateLabel.setObjectName(u"decisionDateLabel")

        self.top.addWidget(self.decisionDateLabel)

        self.decisionDate = QDateEdit(ShowcaseRankingTab)
        self.decisionDate.setObjectName(u"decisionDate")
        self.decisionDate.setCalendarPopup(True)
        self.decisionDate.setDisplayFormat(u"yyyy-MM-dd")

        self.top.addWidget(self.decisionDate)

        self.meetingLabel = QLabel(ShowcaseRankingTab)
        self.meetingLabel.setObjectName(u"meetingLabel")

        self.top.addWidget(self.meetingLabel)

        self.meetingEdit = QLineEdit(ShowcaseRankingTab)
        self.meetingEdit.setObjectName(u"meetingEdit")

        self.top.addWidget(self.meetingEdit)

        self.awardButton = QPushButton(ShowcaseRankingTab)
        self.awardButton.setObjectName(u"awardButton")

        self.top.addWidget(self.awardButton)

        self.topSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.top.addItem(self.topSpacer)

        self.top.setStretch(7, 1)

        self.layout.addLayout(self.top)

        self.lineMessage = QLabel(ShowcaseRankingTab)
        self.lineMessage.setObjectName(u"lineMessage")
        self.lineMessage.setWordWrap(True)

        self.layout.addWidget(self.lineMessage)

        self.splitter = QSplitter(ShowcaseRankingTab)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Vertical)
        self.rankTable = QTableView(self.splitter)
        self.rankTable.setObjectName(u"rankTable")
        self.splitter.addWidget(self.rankTable)
        self.progressTable = QTableView(self.splitter)
        self.progressTable.setObjectName(u"progressTable")
        self.splitter.addWidget(self.progressTable)

        self.layout.addWidget(self.splitter)

        self.layout.setStretch(2, 1)
#if QT_CONFIG(shortcut)
        self.quotaLabel.setBuddy(self.quotaSpin)
        self.decisionDateLabel.setBuddy(self.decisionDate)
        self.meetingLabel.setBuddy(self.meetingEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.quotaSpin, self.decisionDate)
        QWidget.setTabOrder(self.decisionDate, self.meetingEdit)
        QWidget.setTabOrder(self.meetingEdit, self.awardButton)
        QWidget.setTabOrder(self.awardButton, self.rankTable)
        QWidget.setTabOrder(self.rankTable, self.progressTable)

        self.retranslateUi(ShowcaseRankingTab)

        QMetaObject.connectSlotsByName(ShowcaseRankingTab)
    # setupUi

    def retranslateUi(self, ShowcaseRankingTab):
        self.quotaLabel.setText(QCoreApplication.translate("ShowcaseRankingTab", u"Quota:", None))
        self.decisionDateLabel.setText(QCoreApplication.translate("ShowcaseRankingTab", u"Decision date:", None))
        self.meetingLabel.setText(QCoreApplication.translate("ShowcaseRankingTab", u"Meeting ref.:", None))
        self.meetingEdit.setPlaceholderText(QCoreApplication.translate("ShowcaseRankingTab", u"e.g. SQC [2007] No. 5", None))
        pass
    # retranslateUi

