pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Vingt.Gui
import Vingt.Theme
import Vingt.Components

// One object: its fields (icon by type, label, API name, type, required/unique), + Add field with a type picker,
// edit/deactivate/delete. Editing is disabled until the metadata service is wired (DataModelController).
SettingsPage {
    id: page
    objectName: "objectPage"
    property string objectId
    property string apiName: ""         // opens by API name (nameSingular) when objectId is empty
    readonly property var object: DataModelController.object
    readonly property bool canEdit: DataModelController.editingAvailable
    property string error
    crumbs: [qsTr("Data model")]
    title: object.label ?? ""
    description: object.description ?? ""

    property string fieldError
    /// Opens + Add field, at the settings of `type` when given (the `add-field` screenshot).
    function addField(type: string) {
        fieldEditor.addField(page.object.id, page.object.labelSingular ?? "")
        if (type.length > 0)
            fieldEditor.pickType(type)
    }
    Component.onCompleted: DataModelController.openObject(objectId.length > 0 ? objectId : apiName)
    Connections {
        target: DataModelController
        function onFailed(what: string, message: string, input: string) {
            if (what === "updateObject" || what === "deleteObject")
                page.error = message
            else if (what === "updateField" || what === "deleteField")
                page.fieldError = message
        }
        function onEdited(what: string, id: string) {
            page.error = ""
            page.fieldError = ""
            if (what === "deleteObject" && page.StackView.status === StackView.Active)
                page.StackView.view.pop()
        }
    }

    ObjectEditorDialog { id: objectEditor }
    FieldEditorDialog { id: fieldEditor }
    ConfirmDialog {
        id: deleteDialog
        title: qsTr("Delete %1?").arg(page.object.label ?? "")
        message: qsTr("The object %1, its fields and all its records are deleted. This cannot be undone.").arg(page.object.label ?? "")
        confirmText: qsTr("Delete object")
        danger: true
        onAccepted: DataModelController.deleteObject(page.object.id)
    }
    ConfirmDialog {
        id: deleteFieldDialog
        objectName: "deleteFieldDialog"
        property var field: ({})
        title: qsTr("Delete the field %1?").arg(field.label ?? "")
        message: qsTr("The field %1 (%2) and its values in every %3 record are deleted. This cannot be undone.").arg(field.label ?? "").arg(field.name ?? "").arg(page.object.labelSingular ?? "")
        confirmText: qsTr("Delete field")
        danger: true
        onAccepted: DataModelController.deleteField(field.id)
    }

    RowLayout {
        Layout.fillWidth: true
        spacing: 8
        Badge { text: page.object.isCustom ? qsTr("Custom") : qsTr("Standard"); tone: page.object.isCustom ? "accent" : "neutral" }
        Badge { text: page.object.isActive ? qsTr("Active") : qsTr("Inactive"); tone: page.object.isActive ? "success" : "neutral" }
        VText { text: "/rest/" + (page.object.namePlural ?? ""); mono: true; secondary: true; font.pixelSize: Theme.fontSizeSmall }
        Item { Layout.fillWidth: true }
        BusyIndicator { running: DataModelController.busy; visible: running; implicitWidth: 24; implicitHeight: 24 }
        Repeater {
            model: [
                { label: qsTr("Edit"), action: "edit" },
                { label: page.object.isActive ? qsTr("Deactivate") : qsTr("Activate"), action: "toggle" },
                { label: qsTr("Delete"), action: "delete" }
            ]
            delegate: VButton {
                id: actionButton
                required property var modelData
                objectName: "object-" + modelData.action
                readonly property string reason: !page.canEdit ? DataModelController.editingUnavailableReason
                    : modelData.action === "delete" && !page.object.isCustom ? qsTr("Standard objects can be deactivated, not deleted.")
                    : modelData.action === "delete" && page.object.isActive ? qsTr("Deactivate the object before deleting it.") : ""
                text: modelData.label
                variant: modelData.action === "delete" ? "danger" : "secondary"
                enabled: reason.length === 0 && !DataModelController.busy
                onClicked: {
                    if (modelData.action === "delete")
                        deleteDialog.open()
                    else if (modelData.action === "toggle")
                        DataModelController.updateObject(page.object.id, { isActive: !page.object.isActive })
                    else
                        objectEditor.editObject(page.object)
                }
                MouseArea {
                    anchors.fill: parent
                    enabled: !parent.enabled
                    hoverEnabled: true
                    ToolTip.visible: containsMouse && actionButton.reason.length > 0
                    ToolTip.text: actionButton.reason
                }
            }
        }
    }
    ErrorText { Layout.fillWidth: true; text: page.error }

    SectionTitle {
        Layout.fillWidth: true
        title: qsTr("Fields")
        description: DataModelController.fields.count === 1 ? qsTr("1 field") : qsTr("%1 fields").arg(DataModelController.fields.count)
        VButton {
            objectName: "addFieldButton"
            text: qsTr("+ Add field")
            variant: "primary"
            enabled: page.canEdit
            onClicked: fieldEditor.addField(page.object.id, page.object.labelSingular ?? "")
            MouseArea {
                anchors.fill: parent
                enabled: !parent.enabled
                hoverEnabled: true
                ToolTip.visible: containsMouse
                ToolTip.text: DataModelController.editingUnavailableReason
            }
        }
    }

    Card {
        Layout.fillWidth: true
        implicitHeight: fieldColumn.implicitHeight
        ColumnLayout {
            id: fieldColumn
            width: parent.width
            spacing: 0
            TableHeader {
                Layout.fillWidth: true
                titles: [qsTr("Name"), qsTr("API name"), qsTr("Type"), ""]
                widths: [0, 190, 160, 130, 40]
            }
            Repeater {
                model: DataModelController.fields
                delegate: TableRow {
                    id: fieldRow
                    required property int index
                    required property string label
                    required property string name
                    required property string type
                    required property string typeLabel
                    required property bool isRequired
                    required property bool isUnique
                    required property bool isCustom
                    required property bool isActive
                    required property string target
                    required property string itemId
                    objectName: "fieldRow-" + name
                    Layout.fillWidth: true
                    interactive: false
                    last: index === DataModelController.fields.count - 1
                    RowLayout {
                        width: fieldRow.width - 24 - 520
                        height: fieldRow.height
                        spacing: 8
                        Glyph { name: fieldRow.type }
                        VText { text: fieldRow.label; color: fieldRow.isActive ? Theme.text : Theme.textTertiary }
                        Item { Layout.fillWidth: true }
                    }
                    VText { width: 190; height: fieldRow.height; text: fieldRow.name; mono: true; secondary: true; font.pixelSize: Theme.fontSizeSmall }
                    VText {
                        width: 160
                        height: fieldRow.height
                        text: fieldRow.target.length > 0 ? fieldRow.typeLabel + " → " + fieldRow.target : fieldRow.typeLabel
                        secondary: true
                    }
                    Row {
                        width: 130
                        height: fieldRow.height
                        spacing: 4
                        layoutDirection: Qt.RightToLeft
                        Badge { anchors.verticalCenter: parent.verticalCenter; visible: fieldRow.isCustom; text: qsTr("Custom"); tone: "accent" }
                        Badge { anchors.verticalCenter: parent.verticalCenter; visible: fieldRow.isUnique; text: qsTr("Unique") }
                        Badge { anchors.verticalCenter: parent.verticalCenter; visible: fieldRow.isRequired; text: qsTr("Required") }
                        Badge { anchors.verticalCenter: parent.verticalCenter; visible: !fieldRow.isActive; text: qsTr("Inactive") }
                    }
                    // Edit, deactivate/activate, delete (custom fields): a small menu per row.
                    Item {
                        width: 40
                        height: fieldRow.height
                        VButton {
                            objectName: "fieldMenuButton"
                            anchors.right: parent.right
                            anchors.verticalCenter: parent.verticalCenter
                            height: 26
                            variant: "ghost"
                            text: "⋯"
                            enabled: page.canEdit && !DataModelController.busy
                            Accessible.name: qsTr("Actions of %1").arg(fieldRow.label)
                            onClicked: fieldMenu.popup()
                        }
                        Menu {
                            id: fieldMenu
                            MenuItem {
                                objectName: "editFieldItem"
                                text: qsTr("Edit…")
                                onTriggered: fieldEditor.editField(page.object.labelSingular ?? "", DataModelController.fields.get(fieldRow.index))
                            }
                            MenuItem {
                                objectName: "toggleFieldItem"
                                text: fieldRow.isActive ? qsTr("Deactivate") : qsTr("Activate")
                                onTriggered: DataModelController.updateField(fieldRow.itemId, { isActive: !fieldRow.isActive })
                            }
                            MenuItem {
                                objectName: "deleteFieldItem"
                                text: qsTr("Delete…")
                                enabled: fieldRow.isCustom
                                onTriggered: {
                                    deleteFieldDialog.field = DataModelController.fields.get(fieldRow.index)
                                    deleteFieldDialog.open()
                                }
                            }
                        }
                    }
                }
            }
            EmptyState {
                Layout.fillWidth: true
                visible: DataModelController.fields.count === 0
                title: qsTr("No fields")
                text: qsTr("Fields are the columns of an object's records.")
                actionText: page.canEdit ? qsTr("+ Add field") : ""
                onActionTriggered: fieldEditor.addField(page.object.id, page.object.labelSingular ?? "")
            }
        }
    }
    ErrorText { objectName: "fieldError"; Layout.fillWidth: true; text: page.fieldError }
}
