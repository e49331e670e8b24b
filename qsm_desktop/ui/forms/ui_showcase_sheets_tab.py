# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'showcase_sheets_tab.ui'
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
from PySide6.QtWidgets import (QApplication, QComboBox, QFormLayout, QGroupBox,
    QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QPushButton, QSizePolicy, QSplitter, QTableView,
    QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

class Ui_ShowcaseSheetsTab(object):
    def setupUi(self, ShowcaseSheetsTab):
        if not ShowcaseSheetsTab.objectName():
            ShowcaseSheetsTab.setObjectName(u"ShowcaseSheetsTab")
        self.layout = QVBoxLayout(ShowcaseSheetsTab)
        self.layout.setObjectName(u"layout")
        self.top = QHBoxLayout()
        self.top.setObjectName(u"top")
        self.scoreApplicationLabel = QLabel(ShowcaseSheetsTab)
        self.scoreApplicationLabel.setObjectName(u"scoreApplicationLabel")

        self.top.addWidget(self.scoreApplicationLabel)

        self.scoreApplicationCombo = QComboBox(ShowcaseSheetsTab)
        self.scoreApplicationCombo.setObjectName(u"scoreApplicationCombo")

        self.top.addWidget(self.scoreApplicationCombo)

        self.top.setStretch(1, 1)

        self.layout.addLayout(self.top)

        self.splitter = QSplitter(ShowcaseSheetsTab)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Vertical)
        self.sheetTable = QTableView(self.splitter)
        self.sheetTable.setObjectName(u"sheetTable")
        self.splitter.addWidget(self.sheetTable)
        self.gridBox = QGroupBox(self.splitter)
        self.gridBox.setObjectName(u"gridBox")
        self.gridLayout = QVBoxLayout(self.gridBox)
        self.gridLayout.setObjectName(u"gridLayout")
        self.reviewerForm = QFormLayout()
        self.reviewerForm.setObjectName(u"reviewerForm")
        self.reviewerLabel = QLabel(self.gridBox)
        self.reviewerLabel.setObjectName(u"reviewerLabel")

        self.reviewerForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.reviewerLabel)

        self.reviewerEdit = QLineEdit(self.gridBox)
        self.reviewerEdit.setObjectName(u"reviewerEdit")

        self.reviewerForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.reviewerEdit)

        self.reviewerOrgLabel = QLabel(self.gridBox)
        self.reviewerOrgLabel.setObjectName(u"reviewerOrgLabel")

        self.reviewerForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.reviewerOrgLabel)

        self.reviewerOrgEdit = QLineEdit(self.gridBox)
        self.reviewerOrgEdit.setObjectName(u"reviewerOrgEdit")

        self.reviewerForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.reviewerOrgEdit)


        self.gridLayout.addLayout(self.reviewerForm)

        self.scoreGrid = QTableWidget(self.gridBox)
        if (self.scoreGrid.columnCount() < 4):
            self.scoreGrid.setColumnCount(4)
        __qtablewidgetitem = QTableWidgetItem()
        self.scoreGrid.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.scoreGrid.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        __qtablewidgetitem2 = QTableWidgetItem()
        self.scoreGrid.setHorizontalHeaderItem(2, __qtablewidgetitem2)
        __qtablewidgetitem3 = QTableWidgetItem()
        self.scoreGrid.setHorizontalHeaderItem(3, __qtablewidgetitem3)
        self.scoreGrid.setObjectName(u"scoreGrid")
        self.scoreGrid.setColumnCount(4)
        self.scoreGrid.horizontalHeader().setStretchLastSection(True)
        self.scoreGrid.verticalHeader().setVisible(False)

        self.gridLayout.addWidget(self.scoreGrid)

        self.messageRow = QHBoxLayout()
        self.messageRow.setObjectName(u"messageRow")
        self.gridMessage = QLabel(self.gridBox)
        self.gridMessage.setObjectName(u"gridMessage")
        self.gridMessage.setWordWrap(True)

        self.messageRow.addWidget(self.gridMessage)

        self.saveSheetButton = QPushButton(self.gridBox)
        self.saveSheetButton.setObjectName(u"saveSheetButton")

        self.messageRow.addWidget(self.saveSheetButton)

        self.messageRow.setStretch(0, 1)

        self.gridLayout.addLayout(self.messageRow)

        self.gridLayout.setStretch(1, 1)
        self.splitter.addWidget(self.gridBox)

        self.layout.addWidget(self.splitter)

        self.layout.setStretch(1, 1)
#if QT_CONFIG(shortcut)
        self.scoreApplicationLabel.setBuddy(self.scoreApplicationCombo)
        self.reviewerLabel.setBuddy(self.reviewerEdit)
        self.reviewerOrgLabel.setBuddy(self.reviewerOrgEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.scoreApplicationCombo, self.sheetTable)
        QWidget.setTabOrder(self.sheetTable, self.reviewerEdit)
        QWidget.setTabOrder(self.reviewerEdit, self.reviewerOrgEdit)
        QWidget.setTabOrder(self.reviewerOrgEdit, self.scoreGrid)
        QWidget.setTabOrder(self.scoreGrid, self.saveSheetButton)

        self.retranslateUi(ShowcaseSheetsTab)

        QMetaObject.connectSlotsByName(ShowcaseSheetsTab)
    # setupUi

    def retranslateUi(self, ShowcaseSheetsTab):
        self.scoreApplicationLabel.setText(QCoreApplication.translate("ShowcaseSheetsTab", u"Application:", None))
        self.gridBox.setTitle(QCoreApplication.translate("ShowcaseSheetsTab", u"Score grid (a score above the item's points is refused)", None))
        self.reviewerLabel.setText(QCoreApplication.translate("ShowcaseSheetsTab", u"Reviewer:", None))
        self.reviewerOrgLabel.setText(QCoreApplication.translate("ShowcaseSheetsTab", u"Reviewer's org code:", None))
        ___qtablewidgetitem = self.scoreGrid.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("ShowcaseSheetsTab", u"Item", None))
        ___qtablewidgetitem1 = self.scoreGrid.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("ShowcaseSheetsTab", u"Points", None))
        ___qtablewidgetitem2 = self.scoreGrid.horizontalHeaderItem(2)
        ___qtablewidgetitem2.setText(QCoreApplication.translate("ShowcaseSheetsTab", u"Score", None))
        ___qtablewidgetitem3 = self.scoreGrid.horizontalHeaderItem(3)
        ___qtablewidgetitem3.setText(QCoreApplication.translate("ShowcaseSheetsTab", u"Reason for deduction", None))
        self.saveSheetButton.setText(QCoreApplication.translate("ShowcaseSheetsTab", u"Save sheet", None))
        pass
    # retranslateUi

