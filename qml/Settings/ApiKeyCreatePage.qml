import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Vingt.Gui
import Vingt.Theme
import Vingt.Components

// Create key: Name (required, focused), Expiration presets, Role (Admin preselected). Save shows the token once.
SettingsPage {
    id: page
    objectName: "apiKeyCreatePage"
    property bool demo: false          // screenshot mode: fills the form and saves it
    property string token
    property string createdId
    property string error
    crumbs: [qsTr("APIs & Webhooks")]
    title: token.length > 0 ? qsTr("Key created") : qsTr("New API key")
    description: token.length > 0 ? "" : qsTr("The key authenticates as its role. You will see the token once, right after saving.")

    readonly property var presets: [
        { label: qsTr("7 days"), days: 7 }, { label: qsTr("30 days"), days: 30 },
        { label: qsTr("90 days"), days: 90 }, { label: qsTr("1 year"), days: 365 },
        { label: qsTr("Custom date"), days: -1 }, { label: qsTr("Never"), days: 0 }
    ]

    function expiresAt(): string {
        const preset = presets[expiration.currentIndex]
        if (preset.days > 0)
            return ApiKeysController.expiryInDays(preset.days)
        if (preset.days < 0)
            return customDate.text.trim().length > 0 ? customDate.text.trim() + "T00:00:00.000Z" : "invalid"
        return ""
    }
    function save() {
        page.error = ""
        ApiKeysController.createKey(nameField.text, expiresAt(), role.currentValue ?? "")
    }
    property bool demoSaved: false
    function selectAdmin() {
        const admin = role.find("Admin")
        if (admin >= 0 && role.currentIndex < 0)
            role.currentIndex = admin
        else if (role.currentIndex < 0 && role.count > 0)
            role.currentIndex = 0
        if (demo && !demoSaved && role.currentIndex >= 0) {
            demoSaved = true
            save()
        }
    }

    Component.onCompleted: {
        nameField.forceActiveFocus()
        if (demo) {
            nameField.text = "Zapier sync"
            expiration.currentIndex = 1
        }
        selectAdmin()
    }
    Connections {
        target: ApiKeysController
        function onCreated(id: string, token: string) {
            page.createdId = id
            page.token = token
        }
        function onCreateFailed(message: string) {
            page.error = message
        }
    }
    Connections {
        target: ApiKeysController.assignableRoles
        function onCountChanged() { page.selectAdmin() }
    }

    ConfirmDialog {
        id: leaveDialog
        title: qsTr("Leave without copying?")
        message: qsTr("The key will not be shown again. If you have not copied it, regenerate it later to get a new one.")
        confirmText: qsTr("Leave")
        onAccepted: page.StackView.view.pop()
    }

    Card {
        Layout.fillWidth: true
        visible: page.token.length === 0
        implicitHeight: form.implicitHeight + 40
        GridLayout {
            id: form
            x: 20
            y: 20
            width: parent.width - 40
            columns: 2
            columnSpacing: 24
            rowSpacing: 6

            VText { text: qsTr("Name"); font.weight: Font.Medium; Layout.preferredWidth: 120 }
            VTextField {
                id: nameField
                objectName: "keyNameField"
                Layout.fillWidth: true
                placeholderText: qsTr("e.g. Zapier sync")
                error: page.error.length > 0
                onAccepted: page.save()
                onTextChanged: page.error = ""
            }
            Item { width: 1; height: 1; visible: page.error.length > 0 }
            ErrorText {
                objectName: "createError"
                Layout.fillWidth: true
                text: page.error
            }

            VText { text: qsTr("Expiration"); font.weight: Font.Medium; Layout.topMargin: 10 }
            RowLayout {
                Layout.topMargin: 10
                spacing: 8
                VComboBox {
                    id: expiration
                    objectName: "expirationCombo"
                    Layout.preferredWidth: 200
                    model: page.presets
                    textRole: "label"
                    currentIndex: 3
                }
                VTextField {
                    id: customDate
                    visible: page.presets[expiration.currentIndex].days < 0
                    Layout.preferredWidth: 160
                    placeholderText: "YYYY-MM-DD"
                    inputMask: "9999-99-99"
                }
            }

            VText { text: qsTr("Role"); font.weight: Font.Medium; Layout.topMargin: 10 }
            VComboBox {
                id: role
                objectName: "roleCombo"
                Layout.topMargin: 10
                Layout.preferredWidth: 200
                model: ApiKeysController.assignableRoles
                textRole: "label"
                valueRole: "itemId"
            }

            Item { width: 1; height: 1 }
            RowLayout {
                Layout.topMargin: 16
                spacing: 8
                VButton {
                    objectName: "saveKeyButton"
                    text: ApiKeysController.busy ? qsTr("Saving…") : qsTr("Save")
                    variant: "primary"
                    enabled: nameField.text.trim().length > 0 && !ApiKeysController.busy
                    onClicked: page.save()
                }
                VButton {
                    text: qsTr("Cancel")
                    onClicked: page.StackView.view.pop()
                }
            }
        }
    }

    TokenPanel {
        id: tokenPanel
        objectName: "tokenPanel"
        Layout.fillWidth: true
        visible: page.token.length > 0
        token: page.token
    }
    VText {
        Layout.fillWidth: true
        visible: page.token.length > 0
        text: qsTr("Use it as a bearer token: Authorization: Bearer <key>. Server: %1").arg(ServerController.url)
        secondary: true
        wrapMode: Text.WordWrap
    }
    VButton {
        objectName: "doneButton"
        visible: page.token.length > 0
        text: qsTr("Done")
        onClicked: tokenPanel.copied ? page.StackView.view.pop() : leaveDialog.open()
    }
}
