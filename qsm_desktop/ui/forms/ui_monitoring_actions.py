# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'monitoring_actions.ui'
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
from PySide6.QtWidgets import (QApplication, QCheckBox, QComboBox, QDateEdit,
    QHBoxLayout, QHeaderView, QLabel, QPushButton,
    QSizePolicy, QSpacerItem, QTabWidget, QTableView,
    QVBoxLayout, QWidget)

class Ui_MonitoringActionsForm(object):
    def setupUi(self, MonitoringActionsForm):
        if not MonitoringActionsForm.objectName():
            MonitoringActionsForm.setObjectName(u"MonitoringActionsForm")
        self.layout = QVBoxLayout(MonitoringActionsForm)
        self.layout.setObjectName(u"layout")
        self.layout.setContentsMargins(0, 0, 0, 0)
        self.bar = QHBoxLayout()
        self.bar.setObjectName(u"bar")
        self.sourceLabel = QLabel(MonitoringActionsForm)
        self.sourceLabel.setObjectName(u"sourceLabel")

        self.bar.addWidget(self.sourceLabel)

        self.sourceCombo = QComboBox(MonitoringActionsForm)
        self.sourceCombo.setObjectName(u"sourceCombo")

        self.bar.addWidget(self.sourceCombo)

        self.statusLabel = QLabel(MonitoringActionsForm)
        self.statusLabel.setObjectName(u"statusLabel")

        self.bar.addWidget(self.statusLabel)

        self.statusCombo = QComboBox(MonitoringActionsForm)
        self.statusCombo.setObjectName(u"statusCombo")

        self.bar.addWidget(self.statusCombo)

        self.branchLabel = QLabel(MonitoringActionsForm)
        self.branchLabel.setObjectName(u"branchLabel")

        self.bar.addWidget(self.branchLabel)

        self.branchCombo = QComboBox(MonitoringActionsForm)
        self.branchCombo.setObjectName(u"branchCombo")
        self.branchCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

        self.bar.addWidget(self.branchCombo)

        self.asOfLabel = QLabel(MonitoringActionsForm)
        self.asOfLabel.setObjectName(u"asOfLabel")

        self.bar.addWidget(self.asOfLabel)

        self.asOfEdit = QDateEdit(MonitoringActionsForm)
        self.asOfEdit.setObjectName(u"asOfEdit")
        self.asOfEdit.setCalendarPopup(True)
        self.asOfEdit.setDisplayFormat(u"yyyy-MM-dd")

        self.bar.addWidget(self.asOfEdit)

        self.overdueCheck = QCheckBox(MonitoringActionsForm)
        self.overdueCheck.setObjectName(u"overdueCheck")

        self.bar.addWidget(self.overdueCheck)

        self.barSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.bar.addItem(self.barSpacer)

        self.verifyButton = QPushButton(MonitoringActionsForm)
        self.verifyButton.setObjectName(u"verifyButton")

        self.bar.addWidget(self.verifyButton)

        self.templateButton = QPushButton(MonitoringActionsForm)
        self.templateButton.setObjectName(u"templateButton")

        self.bar.addWidget(self.templateButton)

        self.exportButton = QPushButton(MonitoringActionsForm)
        self.exportButton.setObjectName(u"exportButton")

        self.bar.addWidget(self.exportButton)

        self.bar.setStretch(9, 1)

        self.layout.addLayout(self.bar)

        self.emptyLabel = QLabel(MonitoringActionsForm)
        self.emptyLabel.setObjectName(u"emptyLabel")
        self.emptyLabel.setWordWrap(True)

        self.layout.addWidget(self.emptyLabel)

        self.tabs = QTabWidget(MonitoringActionsForm)
        self.tabs.setObjectName(u"tabs")
        self.registerTab = QWidget()
        self.registerTab.setObjectName(u"registerTab")
        self.registerLayout = QVBoxLayout(self.registerTab)
        self.registerLayout.setObjectName(u"registerLayout")
        self.actionTable = QTableView(self.registerTab)
        self.actionTable.setObjectName(u"actionTable")

        self.registerLayout.addWidget(self.actionTable)

        self.actionDetail = QLabel(self.registerTab)
        self.actionDetail.setObjectName(u"actionDetail")
        self.actionDetail.setWordWrap(True)
        self.actionDetail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.registerLayout.addWidget(self.actionDetail)

        self.registerLayout.setStretch(0, 1)
        self.tabs.addTab(self.registerTab, "")
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

        self.layout.addWidget(self.tabs)

        self.layout.setStretch(2, 1)
#if QT_CONFIG(shortcut)
        self.sourceLabel.setBuddy(self.sourceCombo)
        self.statusLabel.setBuddy(self.statusCombo)
        self.branchLabel.setBuddy(self.branchCombo)
        self.asOfLabel.setBuddy(self.asOfEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.sourceCombo, self.statusCombo)
        QWidget.setTabOrder(self.statusCombo, self.branchCombo)
        QWidget.setTabOrder(self.branchCombo, self.asOfEdit)
        QWidget.setTabOrder(self.asOfEdit, self.overdueCheck)
        QWidget.setTabOrder(self.overdueCheck, self.verifyButton)
        QWidget.setTabOrder(self.verifyButton, self.templateButton)
        QWidget.setTabOrder(self.templateButton, self.exportButton)
        QWidget.setTabOrder(self.exportButton, self.tabs)
        QWidget.setTabOrder(self.tabs, self.actionTable)
        QWidget.setTabOrder(self.actionTable, self.figuresTable)

        self.retranslateUi(MonitoringActionsForm)

        QMetaObject.connectSlotsByName(MonitoringActionsForm)
    # setupUi

    def retranslateUi(self, MonitoringActionsForm):
        self.sourceLabel.setText(QCoreApplication.translate("MonitoringActionsForm", u"Source:", None))
        self.statusLabel.setText(QCoreApplication.translate("MonitoringActionsForm", u"Status:", None))
        self.branchLabel.setText(QCoreApplication.translate("MonitoringActionsForm", u"Branch:", None))
        self.asOfLabel.setText(QCoreApplication.translate("MonitoringActionsForm", u"As of:", None))
        self.overdueCheck.setText(QCoreApplication.translate("MonitoringActionsForm", u"Overdue only", None))
        self.verifyButton.setText(QCoreApplication.translate("MonitoringActionsForm", u"Verify\u2026", None))
        self.templateButton.setText(QCoreApplication.translate("MonitoringActionsForm", u"Feedback template\u2026", None))
        self.exportButton.setText(QCoreApplication.translate("MonitoringActionsForm", u"Export to Excel", None))
        self.tabs.setTabText(self.tabs.indexOf(self.registerTab), QCoreApplication.translate("MonitoringActionsForm", u"Register", None))
        self.tabs.setTabText(self.tabs.indexOf(self.figuresTab), QCoreApplication.translate("MonitoringActionsForm", u"On time per branch", None))
        pass
    # retranslateUi

