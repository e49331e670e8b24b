# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'indicator_system_editor.ui'
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
from PySide6.QtWidgets import (QApplication, QComboBox, QDateEdit, QDoubleSpinBox,
    QFormLayout, QGroupBox, QHeaderView, QLabel,
    QLineEdit, QSizePolicy, QSpacerItem, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWidget)

class Ui_IndicatorSystemEditor(object):
    def setupUi(self, IndicatorSystemEditor):
        if not IndicatorSystemEditor.objectName():
            IndicatorSystemEditor.setObjectName(u"IndicatorSystemEditor")
        IndicatorSystemEditor.resize(460, 640)
        self.editorLayout = QVBoxLayout(IndicatorSystemEditor)
        self.editorLayout.setObjectName(u"editorLayout")
        self.editorLayout.setContentsMargins(8, 0, 0, 0)
        self.versionGroup = QGroupBox(IndicatorSystemEditor)
        self.versionGroup.setObjectName(u"versionGroup")
        self.versionForm = QFormLayout(self.versionGroup)
        self.versionForm.setObjectName(u"versionForm")
        self.nameLabel = QLabel(self.versionGroup)
        self.nameLabel.setObjectName(u"nameLabel")

        self.versionForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameEdit = QLineEdit(self.versionGroup)
        self.nameEdit.setObjectName(u"nameEdit")

        self.versionForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.versionLabelLabel = QLabel(self.versionGroup)
        self.versionLabelLabel.setObjectName(u"versionLabelLabel")

        self.versionForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.versionLabelLabel)

        self.versionLabel = QLineEdit(self.versionGroup)
        self.versionLabel.setObjectName(u"versionLabel")

        self.versionForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.versionLabel)

        self.effectiveLabel = QLabel(self.versionGroup)
        self.effectiveLabel.setObjectName(u"effectiveLabel")

        self.versionForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.effectiveLabel)

        self.effectiveEdit = QDateEdit(self.versionGroup)
        self.effectiveEdit.setObjectName(u"effectiveEdit")
        self.effectiveEdit.setDisplayFormat(u"yyyy-MM-dd")
        self.effectiveEdit.setCalendarPopup(True)

        self.versionForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.effectiveEdit)

        self.noteLabel = QLabel(self.versionGroup)
        self.noteLabel.setObjectName(u"noteLabel")

        self.versionForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.noteLabel)

        self.noteEdit = QLineEdit(self.versionGroup)
        self.noteEdit.setObjectName(u"noteEdit")

        self.versionForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.noteEdit)


        self.editorLayout.addWidget(self.versionGroup)

        self.indicatorGroup = QGroupBox(IndicatorSystemEditor)
        self.indicatorGroup.setObjectName(u"indicatorGroup")
        self.indicatorForm = QFormLayout(self.indicatorGroup)
        self.indicatorForm.setObjectName(u"indicatorForm")
        self.codeLabel = QLabel(self.indicatorGroup)
        self.codeLabel.setObjectName(u"codeLabel")

        self.indicatorForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.codeLabel)

        self.codeEdit = QLineEdit(self.indicatorGroup)
        self.codeEdit.setObjectName(u"codeEdit")
        self.codeEdit.setReadOnly(True)

        self.indicatorForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.codeEdit)

        self.indicatorNameLabel = QLabel(self.indicatorGroup)
        self.indicatorNameLabel.setObjectName(u"indicatorNameLabel")

        self.indicatorForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.indicatorNameLabel)

        self.indicatorNameEdit = QLineEdit(self.indicatorGroup)
        self.indicatorNameEdit.setObjectName(u"indicatorNameEdit")

        self.indicatorForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.indicatorNameEdit)

        self.unitLabel = QLabel(self.indicatorGroup)
        self.unitLabel.setObjectName(u"unitLabel")

        self.indicatorForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.unitLabel)

        self.unitEdit = QLineEdit(self.indicatorGroup)
        self.unitEdit.setObjectName(u"unitEdit")

        self.indicatorForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.unitEdit)

        self.directionLabel = QLabel(self.indicatorGroup)
        self.directionLabel.setObjectName(u"directionLabel")

        self.indicatorForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.directionLabel)

        self.directionCombo = QComboBox(self.indicatorGroup)
        self.directionCombo.setObjectName(u"directionCombo")

        self.indicatorForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.directionCombo)

        self.weightLabel = QLabel(self.indicatorGroup)
        self.weightLabel.setObjectName(u"weightLabel")

        self.indicatorForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.weightLabel)

        self.weightSpin = QDoubleSpinBox(self.indicatorGroup)
        self.weightSpin.setObjectName(u"weightSpin")
        self.weightSpin.setDecimals(2)
        self.weightSpin.setMaximum(100.000000000000000)

        self.indicatorForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.weightSpin)

        self.sourceLabel = QLabel(self.indicatorGroup)
        self.sourceLabel.setObjectName(u"sourceLabel")

        self.indicatorForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.sourceLabel)

        self.sourceCombo = QComboBox(self.indicatorGroup)
        self.sourceCombo.setObjectName(u"sourceCombo")

        self.indicatorForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.sourceCombo)

        self.ruleLabel = QLabel(self.indicatorGroup)
        self.ruleLabel.setObjectName(u"ruleLabel")

        self.indicatorForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.ruleLabel)

        self.ruleCombo = QComboBox(self.indicatorGroup)
        self.ruleCombo.setObjectName(u"ruleCombo")

        self.indicatorForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.ruleCombo)


        self.editorLayout.addWidget(self.indicatorGroup)

        self.gradesGroup = QGroupBox(IndicatorSystemEditor)
        self.gradesGroup.setObjectName(u"gradesGroup")
        self.gradesLayout = QVBoxLayout(self.gradesGroup)
        self.gradesLayout.setObjectName(u"gradesLayout")
        self.gradesTable = QTableWidget(self.gradesGroup)
        if (self.gradesTable.columnCount() < 2):
            self.gradesTable.setColumnCount(2)
        __qtablewidgetitem = QTableWidgetItem()
        self.gradesTable.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.gradesTable.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        self.gradesTable.setObjectName(u"gradesTable")
        self.gradesTable.setMaximumSize(QSize(16777215, 170))
        self.gradesTable.setColumnCount(2)
        self.gradesTable.verticalHeader().setVisible(False)
        self.gradesTable.verticalHeader().setDefaultSectionSize(24)

        self.gradesLayout.addWidget(self.gradesTable)


        self.editorLayout.addWidget(self.gradesGroup)

        self.editorStretch = QSpacerItem(20, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.editorLayout.addItem(self.editorStretch)


        self.retranslateUi(IndicatorSystemEditor)

        QMetaObject.connectSlotsByName(IndicatorSystemEditor)
    # setupUi

    def retranslateUi(self, IndicatorSystemEditor):
        self.versionGroup.setTitle(QCoreApplication.translate("IndicatorSystemEditor", u"New version", None))
        self.nameLabel.setText(QCoreApplication.translate("IndicatorSystemEditor", u"Name:", None))
        self.versionLabelLabel.setText(QCoreApplication.translate("IndicatorSystemEditor", u"Version:", None))
        self.effectiveLabel.setText(QCoreApplication.translate("IndicatorSystemEditor", u"In force from:", None))
        self.noteLabel.setText(QCoreApplication.translate("IndicatorSystemEditor", u"Note:", None))
        self.indicatorGroup.setTitle(QCoreApplication.translate("IndicatorSystemEditor", u"Indicator", None))
        self.codeLabel.setText(QCoreApplication.translate("IndicatorSystemEditor", u"Code:", None))
        self.indicatorNameLabel.setText(QCoreApplication.translate("IndicatorSystemEditor", u"Name:", None))
        self.unitLabel.setText(QCoreApplication.translate("IndicatorSystemEditor", u"Unit:", None))
        self.directionLabel.setText(QCoreApplication.translate("IndicatorSystemEditor", u"Direction:", None))
        self.weightLabel.setText(QCoreApplication.translate("IndicatorSystemEditor", u"Weight (points):", None))
        self.sourceLabel.setText(QCoreApplication.translate("IndicatorSystemEditor", u"Data source:", None))
        self.ruleLabel.setText(QCoreApplication.translate("IndicatorSystemEditor", u"Scoring rule:", None))
        self.gradesGroup.setTitle(QCoreApplication.translate("IndicatorSystemEditor", u"Grade bands", None))
        ___qtablewidgetitem = self.gradesTable.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("IndicatorSystemEditor", u"Grade", None))
        ___qtablewidgetitem1 = self.gradesTable.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("IndicatorSystemEditor", u"Lowest total", None))
        pass
    # retranslateUi

