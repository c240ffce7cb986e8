pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Vingt.Gui
import Vingt.Theme
import Vingt.Components

// APIs & Webhooks: the API keys table (+ Create key) and the webhooks section.
SettingsPage {
    id: page
    objectName: "apiKeysPage"
    title: qsTr("APIs & Webhooks")
    description: qsTr("API keys let other apps and scripts call this workspace's REST and GraphQL APIs.")

    function openKey(id: string) {
        page.StackView.view.push(detailPage, { keyId: id })
    }
    function createKey() {
        page.StackView.view.push(createPage)
    }

    Component { id: detailPage; ApiKeyDetailPage {} }
    Component { id: createPage; ApiKeyCreatePage {} }

    SectionTitle {
        Layout.fillWidth: true
        title: qsTr("API keys")
        description: qsTr("Each key acts with the permissions of its role.")
        VButton {
            objectName: "createKeyButton"
            text: qsTr("+ Create key")
            variant: "primary"
            onClicked: page.createKey()
        }
    }

    Card {
        Layout.fillWidth: true
        implicitHeight: keyColumn.implicitHeight
        ColumnLayout {
            id: keyColumn
            width: parent.width
            spacing: 0
            TableHeader {
                Layout.fillWidth: true
                visible: ApiKeysController.keys.count > 0
                titles: [qsTr("Name"), qsTr("Role"), qsTr("Expires"), qsTr("Created"), ""]
                widths: [0, 140, 150, 110, 24]
            }
            Repeater {
                model: ApiKeysController.keys
                delegate: TableRow {
                    id: keyRow
                    required property int index
                    required property string itemId
                    required property string name
                    required property string roleLabel
                    required property string expiresText
                    required property string createdText
                    required property bool revoked
                    required property bool expiringSoon
                    required property bool expired
                    objectName: "keyRow-" + name
                    Layout.fillWidth: true
                    last: index === ApiKeysController.keys.count - 1
                    onActivated: page.openKey(itemId)
                    RowLayout {
                        width: keyRow.width - 24 - 424
                        height: keyRow.height
                        spacing: 8
                        VText {
                            Layout.maximumWidth: parent.width - 80
                            text: keyRow.name
                            font.weight: Font.Medium
                            color: keyRow.revoked ? Theme.textTertiary : Theme.text
                        }
                        Badge {
                            visible: keyRow.revoked
                            text: qsTr("Revoked")
                        }
                        Item { Layout.fillWidth: true }
                    }
                    VText { width: 140; height: keyRow.height; text: keyRow.roleLabel; secondary: true }
                    VText {
                        width: 150
                        height: keyRow.height
                        text: (keyRow.expiringSoon ? "⚠ " : "") + keyRow.expiresText
                        color: keyRow.expired ? Theme.danger : keyRow.expiringSoon ? Theme.warningText : Theme.textSecondary
                    }
                    VText { width: 110; height: keyRow.height; text: keyRow.createdText; secondary: true }
                    VText { width: 24; height: keyRow.height; text: "›"; secondary: true; horizontalAlignment: Text.AlignRight }
                }
            }
            EmptyState {
                Layout.fillWidth: true
                visible: ApiKeysController.keys.count === 0
                title: qsTr("No API keys yet")
                text: qsTr("Create a key to call this workspace's API from another app, a script or curl.")
                actionText: qsTr("+ Create key")
                onActionTriggered: page.createKey()
            }
        }
    }

    WebhooksSection {
        Layout.fillWidth: true
        Layout.topMargin: 16
        view: page.StackView.view
    }
}
