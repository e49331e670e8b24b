# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'showcase_applications_tab.ui'
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
from PySide6.QtWidgets import (QApplication, QComboBox, QGridLayout, QHBoxLayout,
    QHeaderView, QLabel, QPushButton, QSizePolicy,
    QSpacerItem, QSplitter, QTableView, QTextBrowser,
    QVBoxLayout, QWidget)

class Ui_ShowcaseApplicationsTab(object):
    def setupUi(self, ShowcaseApplicationsTab):
        if not ShowcaseApplicationsTab.objectName():
            ShowcaseApplicationsTab.setObjectName(u"ShowcaseApplicationsTab")
        self.layout = QVBoxLayout(ShowcaseApplicationsTab)
        self.layout.setObjectName(u"layout")
        self.filters = QHBoxLayout()
        self.filters.setObjectName(u"filters")
        self.levelFilterLabel = QLabel(ShowcaseApplicationsTab)
        self.levelFilterLabel.setObjectName(u"levelFilterLabel")

        self.filters.addWidget(self.levelFilterLabel)

        self.levelFilter = QComboBox(ShowcaseApplicationsTab)
        self.levelFilter.setObjectName(u"levelFilter")

        self.filters.addWidget(self.levelFilter)

        self.branchFilterLabel = QLabel(ShowcaseApplicationsTab)
        self.branchFilterLabel.setObjectName(u"branchFilterLabel")

        self.filters.addWidget(self.branchFilterLabel)

        self.branchFilter = QComboBox(ShowcaseApplicationsTab)
        self.branchFilter.setObjectName(u"branchFilter")

        self.filters.addWidget(self.branchFilter)

        self.statusFilterLabel = QLabel(ShowcaseApplicationsTab)
        self.statusFilterLabel.setObjectName(u"statusFilterLabel")

        self.filters.addWidget(self.statusFilterLabel)

        self.statusFilter = QComboBox(ShowcaseApplicationsTab)
        self.statusFilter.setObjectName(u"statusFilter")

        self.filters.addWidget(self.statusFilter)

        self.filtersSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.filters.addItem(self.filtersSpacer)

        self.filters.setStretch(6, 1)

        self.layout.addLayout(self.filters)

        self.splitter = QSplitter(ShowcaseApplicationsTab)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Horizontal)
        self.applicationTable = QTableView(self.splitter)
        self.applicationTable.setObjectName(u"applicationTable")
        self.splitter.addWidget(self.applicationTable)
        self.detail = QWidget(self.splitter)
        self.detail.setObjectName(u"detail")
        self.detailLayout = QVBoxLayout(self.detail)
        self.detailLayout.setObjectName(u"detailLayout")
        self.applicationDetail = QTextBrowser(self.detail)
        self.applicationDetail.setObjectName(u"applicationDetail")

        self.detailLayout.addWidget(self.applicationDetail)

        self.moreButtons = QHBoxLayout()
        self.moreButtons.setObjectName(u"moreButtons")
        self.attachButton = QPushButton(self.detail)
        self.attachButton.setObjectName(u"attachButton")

        self.moreButtons.addWidget(self.attachButton)

        self.outsideTitleButton = QPushButton(self.detail)
        self.outsideTitleButton.setObjectName(u"outsideTitleButton")

        self.moreButtons.addWidget(self.outsideTitleButton)

        self.moreSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.moreButtons.addItem(self.moreSpacer)

        self.moreButtons.setStretch(2, 1)

        self.detailLayout.addLayout(self.moreButtons)

        self.actionButtons = QGridLayout()
        self.actionButtons.setObjectName(u"actionButtons")
        self.action_submit = QPushButton(self.detail)
        self.action_submit.setObjectName(u"action_submit")

        self.actionButtons.addWidget(self.action_submit, 0, 0, 1, 1)

        self.action_recommend = QPushButton(self.detail)
        self.action_recommend.setObjectName(u"action_recommend")

        self.actionButtons.addWidget(self.action_recommend, 0, 1, 1, 1)

        self.action_start_review = QPushButton(self.detail)
        self.action_start_review.setObjectName(u"action_start_review")

        self.actionButtons.addWidget(self.action_start_review, 1, 0, 1, 1)

        self.action_reject = QPushButton(self.detail)
        self.action_reject.setObjectName(u"action_reject")

        self.actionButtons.addWidget(self.action_reject, 1, 1, 1, 1)

        self.action_withdraw = QPushButton(self.detail)
        self.action_withdraw.setObjectName(u"action_withdraw")

        self.actionButtons.addWidget(self.action_withdraw, 2, 0, 1, 1)

        self.action_return = QPushButton(self.detail)
        self.action_return.setObjectName(u"action_return")

        self.actionButtons.addWidget(self.action_return, 2, 1, 1, 1)

        self.nominateButton = QPushButton(self.detail)
        self.nominateButton.setObjectName(u"nominateButton")

        self.actionButtons.addWidget(self.nominateButton, 3, 0, 1, 2)


        self.detailLayout.addLayout(self.actionButtons)

        self.detailLayout.setStretch(0, 1)
        self.splitter.addWidget(self.detail)

        self.layout.addWidget(self.splitter)

        self.layout.setStretch(1, 1)
#if QT_CONFIG(shortcut)
        self.levelFilterLabel.setBuddy(self.levelFilter)
        self.branchFilterLabel.setBuddy(self.branchFilter)
        self.statusFilterLabel.setBuddy(self.statusFilter)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.levelFilter, self.branchFilter)
        QWidget.setTabOrder(self.branchFilter, self.statusFilter)
        QWidget.setTabOrder(self.statusFilter, self.applicationTable)
        QWidget.setTabOrder(self.applicationTable, self.applicationDetail)

        self.retranslateUi(ShowcaseApplicationsTab)

        QMetaObject.connectSlotsByName(ShowcaseApplicationsTab)
    # setupUi

    def retranslateUi(self, ShowcaseApplicationsTab):
        self.levelFilterLabel.setText(QCoreApplication.translate("ShowcaseApplicationsTab", u"Level:", None))
        self.branchFilterLabel.setText(QCoreApplication.translate("ShowcaseApplicationsTab", u"Branch:", None))
        self.statusFilterLabel.setText(QCoreApplication.translate("ShowcaseApplicationsTab", u"Status:", None))
        self.attachButton.setText(QCoreApplication.translate("ShowcaseApplicationsTab", u"Add attachment\u2026", None))
        self.outsideTitleButton.setText(QCoreApplication.translate("ShowcaseApplicationsTab", u"Record a title won outside\u2026", None))
        self.action_submit.setText(QCoreApplication.translate("ShowcaseApplicationsTab", u"Submit", None))
        self.action_recommend.setText(QCoreApplication.translate("ShowcaseApplicationsTab", u"Recommend (branch)", None))
        self.action_start_review.setText(QCoreApplication.translate("ShowcaseApplicationsTab", u"Start review", None))
        self.action_reject.setText(QCoreApplication.translate("ShowcaseApplicationsTab", u"Not awarded", None))
        self.action_withdraw.setText(QCoreApplication.translate("ShowcaseApplicationsTab", u"Withdraw", None))
        self.action_return.setText(QCoreApplication.translate("ShowcaseApplicationsTab", u"Return for changes", None))
        self.nominateButton.setText(QCoreApplication.translate("ShowcaseApplicationsTab", u"Nominate to next level", None))
        pass
    # retranslateUi

