# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'monitoring_complaints.ui'
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
from PySide6.QtWidgets import (QApplication, QComboBox, QDateEdit, QHBoxLayout,
    QHeaderView, QLabel, QPushButton, QSizePolicy,
    QSplitter, QTabWidget, QTableView, QVBoxLayout,
    QWidget)

class Ui_MonitoringComplaintsForm(object):
    def setupUi(self, MonitoringComplaintsForm):
        if not MonitoringComplaintsForm.objectName():
            MonitoringComplaintsForm.setObjectName(u"MonitoringComplaintsForm")
        self.layout = QVBoxLayout(MonitoringComplaintsForm)
        self.layout.setObjectName(u"layout")
        self.layout.setContentsMargins(0, 0, 0, 0)
        self.bar = QHBoxLayout()
        self.bar.setObjectName(u"bar")
        self.quarterLabel = QLabel(MonitoringComplaintsForm)
        self.quarterLabel.setObjectName(u"quarterLabel")

        self.bar.addWidget(self.quarterLabel)

        self.quarterCombo = QComboBox(MonitoringComplaintsForm)
        self.quarterCombo.setObjectName(u"quarterCombo")
        self.quarterCombo.setMinimumContentsLength(12)
        self.quarterCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

        self.bar.addWidget(self.quarterCombo)

        self.asOfLabel = QLabel(MonitoringComplaintsForm)
        self.asOfLabel.setObjectName(u"asOfLabel")

        self.bar.addWidget(self.asOfLabel)

        self.asOfEdit = QDateEdit(MonitoringComplaintsForm)
        self.asOfEdit.setObjectName(u"asOfEdit")
        self.asOfEdit.setCalendarPopup(True)
        self.asOfEdit.setDisplayFormat(u"yyyy-MM-dd")

        self.bar.addWidget(self.asOfEdit)

        self.summaryLabel = QLabel(MonitoringComplaintsForm)
        self.summaryLabel.setObjectName(u"summaryLabel")
        self.summaryLabel.setWordWrap(True)
        self.summaryLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.bar.addWidget(self.summaryLabel)

        self.exportButton = QPushButton(MonitoringComplaintsForm)
        self.exportButton.setObjectName(u"exportButton")

        self.bar.addWidget(self.exportButton)

        self.bar.setStretch(4, 1)

        self.layout.addLayout(self.bar)

        self.emptyLabel = QLabel(MonitoringComplaintsForm)
        self.emptyLabel.setObjectName(u"emptyLabel")
        self.emptyLabel.setWordWrap(True)

        self.layout.addWidget(self.emptyLabel)

        self.tabs = QTabWidget(MonitoringComplaintsForm)
        self.tabs.setObjectName(u"tabs")
        self.figuresTab = QWidget()
        self.figuresTab.setObjectName(u"figuresTab")
        self.figuresLayout = QVBoxLayout(self.figuresTab)
        self.figuresLayout.setObjectName(u"figuresLayout")
        self.figuresHint = QLabel(self.figuresTab)
        self.figuresHint.setObjectName(u"figuresHint")
        self.figuresHint.setWordWrap(True)

        self.figuresLayout.addWidget(self.figuresHint)

        self.figuresTable = QTableView(self.figuresTab)
        self.figuresTable.setObjectName(u"figuresTable")

        self.figuresLayout.addWidget(self.figuresTable)

        self.figuresLayout.setStretch(1, 1)
        self.tabs.addTab(self.figuresTab, "")
        self.causesTab = QWidget()
        self.causesTab.setObjectName(u"causesTab")
        self.causesLayout = QVBoxLayout(self.causesTab)
        self.causesLayout.setObjectName(u"causesLayout")
        self.causesHint = QLabel(self.causesTab)
        self.causesHint.setObjectName(u"causesHint")
        self.causesHint.setWordWrap(True)

        self.causesLayout.addWidget(self.causesHint)

        self.causeSplitter = QSplitter(self.causesTab)
        self.causeSplitter.setObjectName(u"causeSplitter")
        self.causeSplitter.setOrientation(Qt.Orientation.Vertical)
        self.causeSplitter.setChildrenCollapsible(False)
        self.causeChartHost = QWidget(self.causeSplitter)
        self.causeChartHost.setObjectName(u"causeChartHost")
        self.causeChartLayout = QVBoxLayout(self.causeChartHost)
        self.causeChartLayout.setObjectName(u"causeChartLayout")
        self.causeChartLayout.setContentsMargins(0, 0, 0, 0)
        self.causeSplitter.addWidget(self.causeChartHost)
        self.causeTable = QTableView(self.causeSplitter)
        self.causeTable.setObjectName(u"causeTable")
        self.causeSplitter.addWidget(self.causeTable)

        self.causesLayout.addWidget(self.causeSplitter)

        self.causesLayout.setStretch(1, 1)
        self.tabs.addTab(self.causesTab, "")
        self.overdueTab = QWidget()
        self.overdueTab.setObjectName(u"overdueTab")
        self.overdueLayout = QVBoxLayout(self.overdueTab)
        self.overdueLayout.setObjectName(u"overdueLayout")
        self.overdueHint = QLabel(self.overdueTab)
        self.overdueHint.setObjectName(u"overdueHint")
        self.overdueHint.setWordWrap(True)

        self.overdueLayout.addWidget(self.overdueHint)

        self.overdueTable = QTableView(self.overdueTab)
        self.overdueTable.setObjectName(u"overdueTable")

        self.overdueLayout.addWidget(self.overdueTable)

        self.overdueLayout.setStretch(1, 1)
        self.tabs.addTab(self.overdueTab, "")

        self.layout.addWidget(self.tabs)

        self.layout.setStretch(2, 1)
#if QT_CONFIG(shortcut)
        self.quarterLabel.setBuddy(self.quarterCombo)
        self.asOfLabel.setBuddy(self.asOfEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.quarterCombo, self.asOfEdit)
        QWidget.setTabOrder(self.asOfEdit, self.exportButton)
        QWidget.setTabOrder(self.exportButton, self.tabs)
        QWidget.setTabOrder(self.tabs, self.figuresTable)
        QWidget.setTabOrder(self.figuresTable, self.causeTable)
        QWidget.setTabOrder(self.causeTable, self.overdueTable)

        self.retranslateUi(MonitoringComplaintsForm)

        QMetaObject.connectSlotsByName(MonitoringComplaintsForm)
    # setupUi

    def retranslateUi(self, MonitoringComplaintsForm):
        self.quarterLabel.setText(QCoreApplication.translate("MonitoringComplaintsForm", u"Quarter:", None))
        self.asOfLabel.setText(QCoreApplication.translate("MonitoringComplaintsForm", u"As of:", None))
        self.exportButton.setText(QCoreApplication.translate("MonitoringComplaintsForm", u"Export to Excel", None))
        self.tabs.setTabText(self.tabs.indexOf(self.figuresTab), QCoreApplication.translate("MonitoringComplaintsForm", u"Figures", None))
        self.tabs.setTabText(self.tabs.indexOf(self.causesTab), QCoreApplication.translate("MonitoringComplaintsForm", u"Causes (Pareto)", None))
        self.tabs.setTabText(self.tabs.indexOf(self.overdueTab), QCoreApplication.translate("MonitoringComplaintsForm", u"Overdue", None))
        pass
    # retranslateUi

