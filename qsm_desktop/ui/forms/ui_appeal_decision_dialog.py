# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'appeal_decision_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QDialogButtonBox,
    QDoubleSpinBox, QGridLayout, QGroupBox, QLabel,
    QLineEdit, QRadioButton, QSizePolicy, QVBoxLayout,
    QWidget)

class Ui_AppealDecisionDialog(object):
    def setupUi(self, AppealDecisionDialog):
        if not AppealDecisionDialog.objectName():
            AppealDecisionDialog.setObjectName(u"AppealDecisionDialog")
        AppealDecisionDialog.setMinimumSize(QSize(520, 0))
        self.layout = QVBoxLayout(AppealDecisionDialog)
        self.layout.setObjectName(u"layout")
        self.appealText = QLabel(AppealDecisionDialog)
        self.appealText.setObjectName(u"appealText")
        self.appealText.setWordWrap(True)
        self.appealText.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.layout.addWidget(self.appealText)

        self.decisionGroup = QGroupBox(AppealDecisionDialog)
        self.decisionGroup.setObjectName(u"decisionGroup")
        self.decisionLayout = QGridLayout(self.decisionGroup)
        self.decisionLayout.setObjectName(u"decisionLayout")
        self.fullRadio = QRadioButton(self.decisionGroup)
        self.fullRadio.setObjectName(u"fullRadio")
        self.fullRadio.setChecked(True)

        self.decisionLayout.addWidget(self.fullRadio, 0, 0, 1, 2)

        self.scoreRadio = QRadioButton(self.decisionGroup)
        self.scoreRadio.setObjectName(u"scoreRadio")

        self.decisionLayout.addWidget(self.scoreRadio, 1, 0, 1, 1)

        self.scoreSpin = QDoubleSpinBox(self.decisionGroup)
        self.scoreSpin.setObjectName(u"scoreSpin")
        self.scoreSpin.setDecimals(1)
        self.scoreSpin.setSingleStep(0.500000000000000)

        self.decisionLayout.addWidget(self.scoreSpin, 1, 1, 1, 1)

        self.rejectRadio = QRadioButton(self.decisionGroup)
        self.rejectRadio.setObjectName(u"rejectRadio")

        self.decisionLayout.addWidget(self.rejectRadio, 2, 0, 1, 2)


        self.layout.addWidget(self.decisionGroup)

        self.reasonLabel = QLabel(AppealDecisionDialog)
        self.reasonLabel.setObjectName(u"reasonLabel")

        self.layout.addWidget(self.reasonLabel)

        self.reasonEdit = QLineEdit(AppealDecisionDialog)
        self.reasonEdit.setObjectName(u"reasonEdit")
        self.reasonEdit.setMaxLength(500)

        self.layout.addWidget(self.reasonEdit)

        self.problemLabel = QLabel(AppealDecisionDialog)
        self.problemLabel.setObjectName(u"problemLabel")
        self.problemLabel.setWordWrap(True)

        self.layout.addWidget(self.problemLabel)

        self.buttons = QDialogButtonBox(AppealDecisionDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.reasonLabel.setBuddy(self.reasonEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.fullRadio, self.scoreRadio)
        QWidget.setTabOrder(self.scoreRadio, self.scoreSpin)
        QWidget.setTabOrder(self.scoreSpin, self.rejectRadio)
        QWidget.setTabOrder(self.rejectRadio, self.reasonEdit)

        self.retranslateUi(AppealDecisionDialog)

        QMetaObject.connectSlotsByName(AppealDecisionDialog)
    # setupUi

    def retranslateUi(self, AppealDecisionDialog):
        AppealDecisionDialog.setWindowTitle(QCoreApplication.translate("AppealDecisionDialog", u"Decide the appeal", None))
        self.decisionGroup.setTitle(QCoreApplication.translate("AppealDecisionDialog", u"Decision", None))
        self.fullRadio.setText(QCoreApplication.translate("AppealDecisionDialog", u"Uphold: the item gets its full points", None))
        self.scoreRadio.setText(QCoreApplication.translate("AppealDecisionDialog", u"Uphold with the score:", None))
        self.rejectRadio.setText(QCoreApplication.translate("AppealDecisionDialog", u"Reject: the deduction stands", None))
        self.reasonLabel.setText(QCoreApplication.translate("AppealDecisionDialog", u"Reason (needed for a rejection):", None))
        self.reasonEdit.setPlaceholderText(QCoreApplication.translate("AppealDecisionDialog", u"e.g. \u5f55\u50cf\u663e\u793a\u786e\u6709\u6263\u5206\u60c5\u5f62", None))
    # retranslateUi

