# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'login_dialog.ui'
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
from PySide6.QtWidgets import (QApplication, QDialog, QFormLayout, QHBoxLayout,
    QLabel, QLineEdit, QProgressBar, QPushButton,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_LoginDialog(object):
    def setupUi(self, LoginDialog):
        if not LoginDialog.objectName():
            LoginDialog.setObjectName(u"LoginDialog")
        LoginDialog.resize(460, 360)
        LoginDialog.setMinimumSize(QSize(420, 0))
        self.outerLayout = QVBoxLayout(LoginDialog)
        self.outerLayout.setSpacing(0)
        self.outerLayout.setObjectName(u"outerLayout")
        self.outerLayout.setContentsMargins(0, 0, 0, 0)
        self.demoBanner = QLabel(LoginDialog)
        self.demoBanner.setObjectName(u"demoBanner")
        self.demoBanner.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.outerLayout.addWidget(self.demoBanner)

        self.body = QWidget(LoginDialog)
        self.body.setObjectName(u"body")
        self.bodyLayout = QVBoxLayout(self.body)
        self.bodyLayout.setSpacing(10)
        self.bodyLayout.setObjectName(u"bodyLayout")
        self.bodyLayout.setContentsMargins(24, 20, 24, 20)
        self.titleLabel = QLabel(self.body)
        self.titleLabel.setObjectName(u"titleLabel")

        self.bodyLayout.addWidget(self.titleLabel)

        self.introLabel = QLabel(self.body)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.bodyLayout.addWidget(self.introLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setHorizontalSpacing(12)
        self.formLayout.setVerticalSpacing(8)
        self.nameLabel = QLabel(self.body)
        self.nameLabel.setObjectName(u"nameLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameEdit = QLineEdit(self.body)
        self.nameEdit.setObjectName(u"nameEdit")
        self.nameEdit.setMaxLength(64)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.passwordLabel = QLabel(self.body)
        self.passwordLabel.setObjectName(u"passwordLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.passwordLabel)

        self.passwordEdit = QLineEdit(self.body)
        self.passwordEdit.setObjectName(u"passwordEdit")
        self.passwordEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.passwordEdit)

        self.folderLabel = QLabel(self.body)
        self.folderLabel.setObjectName(u"folderLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.folderLabel)

        self.folderValue = QLabel(self.body)
        self.folderValue.setObjectName(u"folderValue")
        self.folderValue.setText(u"-")
        self.folderValue.setWordWrap(True)
        self.folderValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.folderValue)


        self.bodyLayout.addLayout(self.formLayout)

        self.demoHint = QLabel(self.body)
        self.demoHint.setObjectName(u"demoHint")
        self.demoHint.setText(u"")
        self.demoHint.setWordWrap(True)
        self.demoHint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.bodyLayout.addWidget(self.demoHint)

        self.errorLabel = QLabel(self.body)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setText(u"")
        self.errorLabel.setWordWrap(True)

        self.bodyLayout.addWidget(self.errorLabel)

        self.busyLayout = QHBoxLayout()
        self.busyLayout.setObjectName(u"busyLayout")
        self.busyBar = QProgressBar(self.body)
        self.busyBar.setObjectName(u"busyBar")
        self.busyBar.setMaximum(0)
        self.busyBar.setTextVisible(False)
        self.busyBar.setMaximumSize(QSize(120, 16777215))

        self.busyLayout.addWidget(self.busyBar)

        self.busyLabel = QLabel(self.body)
        self.busyLabel.setObjectName(u"busyLabel")

        self.busyLayout.addWidget(self.busyLabel)


        self.bodyLayout.addLayout(self.busyLayout)

        self.verticalSpacer = QSpacerItem(0, 4, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.bodyLayout.addItem(self.verticalSpacer)

        self.buttonLayout = QHBoxLayout()
        self.buttonLayout.setObjectName(u"buttonLayout")
        self.buttonSpacer = QSpacerItem(40, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonLayout.addItem(self.buttonSpacer)

        self.quitButton = QPushButton(self.body)
        self.quitButton.setObjectName(u"quitButton")
        self.quitButton.setAutoDefault(False)

        self.buttonLayout.addWidget(self.quitButton)

        self.signInButton = QPushButton(self.body)
        self.signInButton.setObjectName(u"signInButton")

        self.buttonLayout.addWidget(self.signInButton)


        self.bodyLayout.addLayout(self.buttonLayout)


        self.outerLayout.addWidget(self.body)

#if QT_CONFIG(shortcut)
        self.nameLabel.setBuddy(self.nameEdit)
        self.passwordLabel.setBuddy(self.passwordEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.nameEdit, self.passwordEdit)
        QWidget.setTabOrder(self.passwordEdit, self.signInButton)
        QWidget.setTabOrder(self.signInButton, self.quitButton)

        self.retranslateUi(LoginDialog)

        self.signInButton.setDefault(True)


        QMetaObject.connectSlotsByName(LoginDialog)
    # setupUi

    def retranslateUi(self, LoginDialog):
        LoginDialog.setWindowTitle(QCoreApplication.translate("LoginDialog", u"Aanmelden \u2014 Convenantwerkplek", None))
        self.demoBanner.setText(QCoreApplication.translate("LoginDialog", u"DEMO \u2014 oefenwerkplek, geen echte gegevens", None))
        self.titleLabel.setText(QCoreApplication.translate("LoginDialog", u"Convenantwerkplek AIVD\u2013IND", None))
        self.introLabel.setText(QCoreApplication.translate("LoginDialog", u"Meld u aan met uw naam en wachtwoord.", None))
        self.nameLabel.setText(QCoreApplication.translate("LoginDialog", u"&Naam", None))
#if QT_CONFIG(accessibility)
        self.nameEdit.setAccessibleName(QCoreApplication.translate("LoginDialog", u"Naam", None))
#endif // QT_CONFIG(accessibility)
        self.nameEdit.setPlaceholderText(QCoreApplication.translate("LoginDialog", u"gebruikersnaam", None))
        self.passwordLabel.setText(QCoreApplication.translate("LoginDialog", u"&Wachtwoord", None))
#if QT_CONFIG(accessibility)
        self.passwordEdit.setAccessibleName(QCoreApplication.translate("LoginDialog", u"Wachtwoord", None))
#endif // QT_CONFIG(accessibility)
        self.folderLabel.setText(QCoreApplication.translate("LoginDialog", u"Werkplekmap", None))
        self.busyLabel.setText(QCoreApplication.translate("LoginDialog", u"Bezig met aanmelden\u2026", None))
        self.quitButton.setText(QCoreApplication.translate("LoginDialog", u"A&fsluiten", None))
        self.signInButton.setText(QCoreApplication.translate("LoginDialog", u"&Aanmelden", None))
    # retranslateUi

