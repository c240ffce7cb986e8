import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Vingt.Gui
import Vingt.Theme
import Vingt.Components

// One key: name (editable), role (changeable), expiry, created, last used, requests of the last 24 h,
// Regenerate (confirms, shows the new token once) and Delete (confirms; revokes).
SettingsPage {
    id: page
    objectName: "apiKeyDetailPage"
    property string keyId
    property var key: ({})
    property string token
    property string error
    property var usage: []
    property int usageTotal: 0
    property string lastUsed: ""
    readonly property bool revoked: page.key.revoked ?? false
    crumbs: [qsTr("APIs & Webhooks")]
    title: page.key.name ?? ""

    function reload() {
        page.key = ApiKeysController.key(page.keyId)
    }
    onKeyIdChanged: {
        reload()
        ApiKeysController.loadUsage(keyId)
    }
    Connections {
        target: ApiKeysController.keys
        function onDataChanged() { page.reload() }
        function onModelReset() { page.reload() }
    }
    Connections {
        target: ApiKeysController
        function onRegenerated(oldId: string, newId: string, token: string) {
            if (oldId !== page.keyId)
                return
            page.token = token
            page.keyId = newId
        }
        function onRemoved(id: string) {
            if (id === page.keyId)
                page.StackView.view.pop()
        }
        function onActionFailed(id: string, message: string) {
            if (id === page.keyId)
                page.error = message
        }
        function onUsageLoaded(id: string, perHour: list<int>, total: int, lastUsedAt: string) {
            if (id !== page.keyId)
                return
            page.usage = perHour
            page.usageTotal = total
            page.lastUsed = lastUsedAt
        }
    }

    ConfirmDialog {
        id: regenerateDialog
        objectName: "regenerateDialog"
        title: qsTr("Regenerate %1?").arg(page.key.name ?? "")
        message: qsTr("A new key replaces this one and the current key stops working immediately. Apps using it need the new key.")
        confirmText: qsTr("Regenerate")
        onAccepted: {
            page.error = ""
            ApiKeysController.regenerate(page.keyId)
        }
    }
    ConfirmDialog {
        id: deleteDialog
        objectName: "deleteDialog"
        title: qsTr("Delete %1?").arg(page.key.name ?? "")
        message: qsTr("The key %1 is revoked: every app using it stops working immediately. This cannot be undone.").arg(page.key.name ?? "")
        confirmText: qsTr("Delete key")
        danger: true
        onAccepted: {
            page.error = ""
            ApiKeysController.remove(page.keyId)
        }
    }

    TokenPanel {
        objectName: "tokenPanel"
        Layout.fillWidth: true
        visible: page.token.length > 0
        token: page.token
    }

    Card {
        Layout.fillWidth: true
        implicitHeight: grid.implicitHeight + 40
        GridLayout {
            id: grid
            x: 20
            y: 20
            width: parent.width - 40
            columns: 2
            columnSpacing: 24
            rowSpacing: 14

            VText { text: qsTr("Name"); secondary: true; Layout.preferredWidth: 140 }
            RowLayout {
                spacing: 8
                VTextField {
                    id: nameField
                    Layout.preferredWidth: 320
                    text: page.key.name ?? ""
                    enabled: !page.revoked
                    onAccepted: if (text !== page.key.name) ApiKeysController.rename(page.keyId, text)
                }
                VButton {
                    visible: nameField.text !== (page.key.name ?? "")
                    text: qsTr("Save name")
                    onClicked: ApiKeysController.rename(page.keyId, nameField.text)
                }
                Badge { visible: page.revoked; text: qsTr("Revoked"); tone: "danger" }
            }

            VText { text: qsTr("Role"); secondary: true }
            VComboBox {
                id: roleCombo
                Layout.preferredWidth: 200
                enabled: !page.revoked
                model: ApiKeysController.assignableRoles
                textRole: "label"
                valueRole: "itemId"
                currentIndex: indexOfValue(page.key.roleId ?? "")
                onActivated: if (currentValue !== page.key.roleId) ApiKeysController.setRole(page.keyId, currentValue)
            }

            VText { text: qsTr("Expires"); secondary: true }
            VText {
                text: page.key.expiresText ?? ""
                color: page.key.expired ? Theme.danger : page.key.expiringSoon ? Theme.warningText : Theme.text
            }
            VText { text: qsTr("Created"); secondary: true }
            VText { text: page.key.createdText ?? "" }
            VText { text: qsTr("Last used"); secondary: true }
            VText { text: page.lastUsed || (page.key.lastUsedText ?? "") }
            VText { text: qsTr("Last 24 hours"); secondary: true }
            RowLayout {
                spacing: 12
                Sparkline { values: page.usage; Layout.preferredWidth: 240; Layout.preferredHeight: 28 }
                VText { text: page.usageTotal === 1 ? qsTr("1 request") : qsTr("%1 requests").arg(page.usageTotal); secondary: true }
            }
        }
    }

    ErrorText {
        objectName: "keyError"
        Layout.fillWidth: true
        text: page.error
    }

    SectionTitle {
        Layout.fillWidth: true
        title: qsTr("Regenerate")
        description: qsTr("Issue a new token with the same name, role and lifetime; the current one stops working.")
        VButton {
            objectName: "regenerateButton"
            text: qsTr("Regenerate")
            enabled: !page.revoked && !ApiKeysController.busy
            onClicked: regenerateDialog.open()
        }
    }
    SectionTitle {
        Layout.fillWidth: true
        title: qsTr("Danger zone")
        description: qsTr("Deleting a key revokes it for good.")
        VButton {
            objectName: "deleteButton"
            text: qsTr("Delete key")
            variant: "danger"
            enabled: !page.revoked && !ApiKeysController.busy
            onClicked: deleteDialog.open()
        }
    }
}
