pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Vingt.Gui
import Vingt.Theme
import Vingt.Components

// Roles: label, description, number of API keys and members; + Create role.
SettingsPage {
    id: page
    objectName: "rolesPage"
    title: qsTr("Roles")
    description: qsTr("A role decides what an API key may read, change and delete.")
    property bool creating: false
    property string error

    function openRole(id: string) {
        if (page.StackView.view)
            page.StackView.view.push(editorPage, { roleId: id })
    }
    Component { id: editorPage; RoleEditorPage {} }

    Connections {
        target: RolesController
        function onRoleCreated(id: string) {
            page.creating = false
            labelField.text = ""
            descriptionField.text = ""
            page.openRole(id)
        }
        function onFailed(what: string, message: string) {
            if (what === "create")
                page.error = message
        }
    }

    SectionTitle {
        Layout.fillWidth: true
        title: qsTr("All roles")
        VButton {
            objectName: "createRoleButton"
            text: qsTr("+ Create role")
            variant: "primary"
            onClicked: {
                page.creating = true
                labelField.forceActiveFocus()
            }
        }
    }

    Card {
        Layout.fillWidth: true
        visible: page.creating
        implicitHeight: createForm.implicitHeight + 32
        ColumnLayout {
            id: createForm
            x: 16
            y: 16
            width: parent.width - 32
            spacing: 8
            RowLayout {
                spacing: 8
                VTextField {
                    id: labelField
                    objectName: "roleLabelField"
                    Layout.preferredWidth: 220
                    placeholderText: qsTr("Label, e.g. Reporting")
                    error: page.error.length > 0
                    onTextChanged: page.error = ""
                    onAccepted: RolesController.createRole(text, descriptionField.text)
                }
                VTextField {
                    id: descriptionField
                    Layout.fillWidth: true
                    placeholderText: qsTr("Description (optional)")
                    onAccepted: RolesController.createRole(labelField.text, text)
                }
                VButton {
                    objectName: "saveRoleButton"
                    text: qsTr("Create")
                    variant: "primary"
                    enabled: labelField.text.trim().length > 0
                    onClicked: RolesController.createRole(labelField.text, descriptionField.text)
                }
                VButton {
                    text: qsTr("Cancel")
                    onClicked: page.creating = false
                }
            }
            ErrorText {
                objectName: "createRoleError"
                Layout.fillWidth: true
                text: page.error
            }
        }
    }

    Card {
        Layout.fillWidth: true
        implicitHeight: roleColumn.implicitHeight
        ColumnLayout {
            id: roleColumn
            width: parent.width
            spacing: 0
            TableHeader {
                Layout.fillWidth: true
                visible: RolesController.roles.count > 0
                titles: [qsTr("Role"), qsTr("API keys"), qsTr("Members"), ""]
                widths: [0, 100, 100, 24]
            }
            Repeater {
                model: RolesController.roles
                delegate: TableRow {
                    id: roleRow
                    required property int index
                    required property string itemId
                    required property string label
                    required property string description
                    required property int keyCount
                    required property int memberCount
                    required property bool isEditable
                    objectName: "roleRow-" + label
                    Layout.fillWidth: true
                    implicitHeight: 52
                    last: index === RolesController.roles.count - 1
                    onActivated: page.openRole(itemId)
                    ColumnLayout {
                        width: roleRow.width - 24 - 224
                        anchors.verticalCenter: parent.verticalCenter
                        spacing: 2
                        RowLayout {
                            spacing: 6
                            VText { text: roleRow.label; font.weight: Font.Medium }
                            Badge { visible: !roleRow.isEditable; text: qsTr("Read-only") }
                        }
                        VText {
                            Layout.fillWidth: true
                            visible: text.length > 0
                            text: roleRow.description
                            secondary: true
                            font.pixelSize: Theme.fontSizeSmall
                        }
                    }
                    VText { width: 100; height: roleRow.height; text: roleRow.keyCount; secondary: true }
                    VText { width: 100; height: roleRow.height; text: roleRow.memberCount; secondary: true }
                    VText { width: 24; height: roleRow.height; text: "›"; secondary: true; horizontalAlignment: Text.AlignRight }
                }
            }
            EmptyState {
                Layout.fillWidth: true
                visible: RolesController.roles.count === 0
                title: qsTr("No roles")
                text: qsTr("Roles group permissions; create one to give an API key less than full access.")
                actionText: qsTr("+ Create role")
                onActionTriggered: page.creating = true
            }
        }
    }
}
