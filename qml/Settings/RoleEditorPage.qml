pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Vingt.Gui
import Vingt.Theme
import Vingt.Components

// One role: Permissions (can* toggles, objects × permissions, field restrictions, settings flags) and Assignment
// (API keys holding it, + Assign to API key). Admin is read-only.
SettingsPage {
    id: page
    objectName: "roleEditorPage"
    property string roleId
    property string roleLabel          // opens the role with this label when roleId is empty (screenshots)
    readonly property var role: RolesController.role
    readonly property bool editable: role.isEditable ?? false
    property var errors: ({})
    crumbs: [qsTr("Roles")]
    title: role.label ?? ""
    description: role.description ?? ""

    function open() {
        if (roleId.length === 0 && roleLabel.length > 0) {
            for (let i = 0; i < RolesController.roles.count; ++i) {
                const row = RolesController.roles.get(i)
                if (row.label === roleLabel)
                    roleId = row.id
            }
        }
        if (roleId.length > 0)
            RolesController.openRole(roleId)
    }
    function setError(what: string, message: string) {
        const copy = Object.assign({}, errors)
        copy[what] = message
        errors = copy
    }
    Component.onCompleted: open()
    Connections {
        target: RolesController.roles
        function onModelReset() { if (page.roleId.length === 0) page.open() }
        function onCountChanged() { if (page.roleId.length === 0) page.open() }
    }
    Connections {
        target: RolesController
        function onFailed(what: string, message: string) { page.setError(what, message) }
        function onRoleDeleted(id: string) { if (id === page.roleId) page.StackView.view.pop() }
        function onRoleChanged() { page.errors = ({}) }
    }

    ConfirmDialog {
        id: deleteDialog
        title: qsTr("Delete the role %1?").arg(page.role.label ?? "")
        message: qsTr("API keys holding it lose their role and stop authenticating until they get another one; members move to the default role.")
        confirmText: qsTr("Delete role")
        danger: true
        onAccepted: RolesController.deleteRole(page.roleId)
    }

    Card {
        Layout.fillWidth: true
        visible: !page.editable && page.role.id !== undefined
        implicitHeight: 44
        color: Theme.hover
        VText {
            anchors.fill: parent
            anchors.leftMargin: 16
            text: qsTr("%1 is a built-in role with every permission; it cannot be changed.").arg(page.role.label ?? "")
            secondary: true
        }
    }

    TabButtonBar {
        id: tabs
        objectName: "roleTabs"
        Layout.fillWidth: true
        tabs: [qsTr("Permissions"), qsTr("Assignment"), qsTr("Settings")]
    }

    // ---- Permissions ----
    ColumnLayout {
        Layout.fillWidth: true
        visible: tabs.currentIndex === 0
        spacing: 16

        SectionTitle {
            Layout.fillWidth: true
            title: qsTr("All objects")
            description: qsTr("What the role may do with the records of every object, unless an object says otherwise below.")
        }
        Card {
            Layout.fillWidth: true
            implicitHeight: allColumn.implicitHeight + 16
            ColumnLayout {
                id: allColumn
                x: 16
                y: 8
                width: parent.width - 32
                spacing: 0
                Repeater {
                    model: [
                        { key: "canReadAllObjectRecords", label: qsTr("Read records") },
                        { key: "canUpdateAllObjectRecords", label: qsTr("Create and update records") },
                        { key: "canSoftDeleteAllObjectRecords", label: qsTr("Delete records (soft)") },
                        { key: "canDestroyAllObjectRecords", label: qsTr("Destroy records (permanently)") }
                    ]
                    delegate: VSwitch {
                        required property var modelData
                        objectName: "switch-" + modelData.key
                        Layout.fillWidth: true
                        text: modelData.label
                        enabled: page.editable
                        checked: page.role[modelData.key] ?? false
                        onToggled: RolesController.setRoleValue(modelData.key, checked)
                    }
                }
            }
        }

        SectionTitle {
            Layout.fillWidth: true
            title: qsTr("Objects")
            description: qsTr("Override the permissions for one object; Fields restricts single fields.")
        }
        ErrorText { Layout.fillWidth: true; text: page.errors["objects"] ?? "" }
        Card {
            Layout.fillWidth: true
            implicitHeight: objectColumn.implicitHeight
            ColumnLayout {
                id: objectColumn
                width: parent.width
                spacing: 0
                TableHeader {
                    Layout.fillWidth: true
                    titles: [qsTr("Object"), qsTr("Read"), qsTr("Update"), qsTr("Soft delete"), qsTr("Destroy"), qsTr("Fields")]
                    widths: [0, 80, 80, 90, 80, 90]
                }
                Repeater {
                    model: RolesController.objectPermissions
                    delegate: TableRow {
                        id: objectRow
                        required property int index
                        required property string itemId
                        required property string label
                        required property string icon
                        required property bool read
                        required property bool update
                        required property bool softDelete
                        required property bool destroy
                        required property bool overridden
                        required property int restrictedFields
                        objectName: "objectPermission-" + label
                        Layout.fillWidth: true
                        interactive: false
                        last: index === RolesController.objectPermissions.count - 1
                        RowLayout {
                            width: objectRow.width - 24 - 420
                            height: objectRow.height
                            spacing: 8
                            Glyph { name: objectRow.icon }
                            VText { text: objectRow.label }
                            Badge { visible: objectRow.overridden; text: qsTr("Custom"); tone: "accent" }
                            Item { Layout.fillWidth: true }
                        }
                        Repeater {
                            model: [{ key: "read", w: 80 }, { key: "update", w: 80 }, { key: "softDelete", w: 90 }, { key: "destroy", w: 80 }]
                            delegate: Item {
                                required property var modelData
                                width: modelData.w
                                height: objectRow.height
                                VCheckBox {
                                    objectName: "perm-" + objectRow.label + "-" + parent.modelData.key
                                    anchors.verticalCenter: parent.verticalCenter
                                    enabled: page.editable
                                    checked: objectRow[parent.modelData.key]
                                    onToggled: RolesController.setObjectPermission(objectRow.itemId, parent.modelData.key, checked)
                                }
                            }
                        }
                        Item {
                            width: 90
                            height: objectRow.height
                            VButton {
                                anchors.verticalCenter: parent.verticalCenter
                                height: 26
                                variant: "ghost"
                                text: objectRow.restrictedFields > 0 ? qsTr("%1 limited").arg(objectRow.restrictedFields) : qsTr("Fields ›")
                                onClicked: {
                                    RolesController.showFields(objectRow.itemId)
                                    fieldSheet.objectLabel = objectRow.label
                                    fieldSheet.open()
                                }
                            }
                        }
                    }
                }
            }
        }

        SectionTitle {
            Layout.fillWidth: true
            title: qsTr("Settings")
            description: qsTr("Which settings the role may change through the API.")
        }
        ErrorText { Layout.fillWidth: true; text: page.errors["flags"] ?? "" }
        Card {
            Layout.fillWidth: true
            implicitHeight: flagColumn.implicitHeight + 16
            ColumnLayout {
                id: flagColumn
                x: 16
                y: 8
                width: parent.width - 32
                spacing: 0
                VSwitch {
                    Layout.fillWidth: true
                    text: qsTr("All settings")
                    enabled: page.editable
                    checked: page.role.canUpdateAllSettings ?? false
                    onToggled: RolesController.setRoleValue("canUpdateAllSettings", checked)
                }
                VSwitch {
                    Layout.fillWidth: true
                    text: qsTr("All tools")
                    enabled: page.editable
                    checked: page.role.canAccessAllTools ?? false
                    onToggled: RolesController.setRoleValue("canAccessAllTools", checked)
                }
                GridLayout {
                    Layout.fillWidth: true
                    Layout.topMargin: 8
                    columns: 2
                    columnSpacing: 32
                    rowSpacing: 0
                    Repeater {
                        model: RolesController.permissionFlags
                        delegate: VCheckBox {
                            id: flagBox
                            required property string itemId
                            required property string label
                            required property bool granted
                            required property bool tool
                            Layout.fillWidth: true
                            text: label
                            checked: granted
                            // A flag the role-wide switch grants cannot be removed one by one.
                            opacity: page.editable && !(tool ? page.role.canAccessAllTools : page.role.canUpdateAllSettings) ? 1 : 0.5
                            onToggled: {
                                if (page.editable && !(tool ? page.role.canAccessAllTools : page.role.canUpdateAllSettings))
                                    RolesController.setPermissionFlag(itemId, checked)
                                else
                                    checked = Qt.binding(() => flagBox.granted)
                            }
                        }
                    }
                }
            }
        }
    }

    // ---- Assignment ----
    ColumnLayout {
        Layout.fillWidth: true
        visible: tabs.currentIndex === 1
        spacing: 16
        SectionTitle {
            Layout.fillWidth: true
            title: qsTr("API keys")
            description: qsTr("Keys that act with this role.")
            VButton {
                objectName: "assignKeyButton"
                text: qsTr("+ Assign to API key")
                variant: "primary"
                enabled: page.role.canBeAssignedToApiKeys ?? false
                onClicked: assignPicker.visible = !assignPicker.visible
            }
        }
        Card {
            id: assignPicker
            Layout.fillWidth: true
            visible: false
            implicitHeight: 64
            RowLayout {
                anchors.fill: parent
                anchors.margins: 16
                spacing: 8
                VComboBox {
                    id: keyPicker
                    objectName: "assignKeyCombo"
                    Layout.fillWidth: true
                    model: ApiKeysController.keys
                    textRole: "name"
                    valueRole: "itemId"
                }
                VButton {
                    objectName: "assignConfirmButton"
                    text: qsTr("Assign")
                    variant: "primary"
                    enabled: keyPicker.currentIndex >= 0
                    onClicked: {
                        RolesController.assignToApiKey(keyPicker.currentValue)
                        assignPicker.visible = false
                    }
                }
            }
        }
        ErrorText { Layout.fillWidth: true; text: page.errors["assign"] ?? "" }
        Card {
            Layout.fillWidth: true
            implicitHeight: keysColumn.implicitHeight
            ColumnLayout {
                id: keysColumn
                width: parent.width
                spacing: 0
                Repeater {
                    model: RolesController.roleKeys
                    delegate: TableRow {
                        id: keyRow
                        required property int index
                        required property string name
                        required property string expiresText
                        required property bool revoked
                        Layout.fillWidth: true
                        interactive: false
                        last: index === RolesController.roleKeys.count - 1
                        VText { width: keyRow.width - 24 - 200; height: keyRow.height; text: keyRow.name }
                        VText { width: 200; height: keyRow.height; text: keyRow.revoked ? qsTr("Revoked") : keyRow.expiresText; secondary: true }
                    }
                }
                EmptyState {
                    Layout.fillWidth: true
                    visible: RolesController.roleKeys.count === 0
                    title: qsTr("No API key has this role")
                    text: qsTr("Assign the role to a key to limit what the key can do.")
                }
            }
        }
    }

    // ---- Settings (label, description, assignability, delete) ----
    ColumnLayout {
        Layout.fillWidth: true
        visible: tabs.currentIndex === 2
        spacing: 12
        VText { text: qsTr("Label"); font.weight: Font.Medium }
        VTextField {
            Layout.preferredWidth: 360
            text: page.role.label ?? ""
            enabled: page.editable
            error: (page.errors["label"] ?? "").length > 0
            onEditingFinished: if (text !== page.role.label) RolesController.setRoleValue("label", text)
        }
        ErrorText { Layout.fillWidth: true; text: page.errors["label"] ?? "" }
        VText { text: qsTr("Description"); font.weight: Font.Medium }
        VTextField {
            Layout.fillWidth: true
            text: page.role.description ?? ""
            enabled: page.editable
            onEditingFinished: if (text !== page.role.description) RolesController.setRoleValue("description", text)
        }
        VSwitch {
            Layout.preferredWidth: 360
            text: qsTr("Can be assigned to API keys")
            enabled: page.editable
            checked: page.role.canBeAssignedToApiKeys ?? false
            onToggled: RolesController.setRoleValue("canBeAssignedToApiKeys", checked)
        }
        VButton {
            Layout.topMargin: 16
            text: qsTr("Delete role")
            variant: "danger"
            enabled: page.editable
            onClicked: deleteDialog.open()
        }
        ErrorText { Layout.fillWidth: true; text: page.errors["delete"] ?? "" }
    }

    Drawer {
        id: fieldSheet
        property string objectLabel
        edge: Qt.RightEdge
        width: 420
        height: page.height
        background: Rectangle {
            color: Theme.background
            Rectangle { width: 1; height: parent.height; color: Theme.border }
        }
        ColumnLayout {
            anchors.fill: parent
            anchors.margins: 20
            spacing: 12
            VText {
                text: qsTr("Field restrictions · %1").arg(fieldSheet.objectLabel)
                font.pixelSize: Theme.fontSizeSection + 2
                font.weight: Font.DemiBold
            }
            VText {
                Layout.fillWidth: true
                text: qsTr("Unchecked fields are hidden from (Read) or cannot be changed by (Update) this role.")
                secondary: true
                wrapMode: Text.WordWrap
            }
            ErrorText { Layout.fillWidth: true; text: page.errors["fields"] ?? "" }
            ListView {
                Layout.fillWidth: true
                Layout.fillHeight: true
                clip: true
                model: RolesController.fieldPermissions
                footer: EmptyState {
                    width: ListView.view.width
                    visible: RolesController.fieldPermissions.count === 0
                    height: visible ? implicitHeight : 0
                    title: qsTr("No fields")
                    text: qsTr("This object has no fields a role can restrict.")
                }
                header: TableHeader {
                    width: ListView.view.width
                    titles: [qsTr("Field"), qsTr("Read"), qsTr("Update")]
                    widths: [0, 70, 70]
                }
                delegate: TableRow {
                    id: fieldRow
                    required property string itemId
                    required property string label
                    required property string type
                    required property bool read
                    required property bool update
                    width: ListView.view.width
                    interactive: false
                    RowLayout {
                        width: fieldRow.width - 24 - 140
                        height: fieldRow.height
                        spacing: 6
                        Glyph { name: fieldRow.type }
                        VText { Layout.fillWidth: true; text: fieldRow.label }
                    }
                    Item {
                        width: 70
                        height: fieldRow.height
                        VCheckBox {
                            anchors.verticalCenter: parent.verticalCenter
                            enabled: page.editable
                            checked: fieldRow.read
                            onToggled: RolesController.setFieldPermission(fieldRow.itemId, "read", checked)
                        }
                    }
                    Item {
                        width: 70
                        height: fieldRow.height
                        VCheckBox {
                            anchors.verticalCenter: parent.verticalCenter
                            enabled: page.editable
                            checked: fieldRow.update
                            onToggled: RolesController.setFieldPermission(fieldRow.itemId, "update", checked)
                        }
                    }
                }
            }
        }
    }
}
