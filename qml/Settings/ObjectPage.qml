import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Templates as T
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

    Component.onCompleted: DataModelController.openObject(objectId.length > 0 ? objectId : apiName)
    Connections {
        target: DataModelController
        function onFailed(what: string, message: string) { page.error = message }
        function onEdited(what: string, id: string) {
            page.error = ""
            if (what === "deleteObject")
                page.StackView.view.pop()
        }
    }

    ConfirmDialog {
        id: deleteDialog
        title: qsTr("Delete %1?").arg(page.object.label ?? "")
        message: qsTr("The object %1, its fields and all its records are deleted. This cannot be undone.").arg(page.object.label ?? "")
        confirmText: qsTr("Delete object")
        danger: true
        onAccepted: DataModelController.deleteObject(page.object.id)
    }

    RowLayout {
        Layout.fillWidth: true
        spacing: 8
        Badge { text: page.object.isCustom ? qsTr("Custom") : qsTr("Standard"); tone: page.object.isCustom ? "accent" : "neutral" }
        Badge { text: page.object.isActive ? qsTr("Active") : qsTr("Inactive"); tone: page.object.isActive ? "success" : "neutral" }
        VText { text: "/rest/" + (page.object.namePlural ?? ""); mono: true; secondary: true; font.pixelSize: Theme.fontSizeSmall }
        Item { Layout.fillWidth: true }
        Repeater {
            model: [
                { label: qsTr("Edit"), action: "edit" },
                { label: page.object.isActive ? qsTr("Deactivate") : qsTr("Activate"), action: "toggle" },
                { label: qsTr("Delete"), action: "delete" }
            ]
            delegate: VButton {
                required property var modelData
                text: modelData.label
                variant: modelData.action === "delete" ? "danger" : "secondary"
                enabled: page.canEdit && (modelData.action !== "delete" || page.object.isCustom)
                onClicked: {
                    if (modelData.action === "delete")
                        deleteDialog.open()
                    else if (modelData.action === "toggle")
                        DataModelController.updateObject(page.object.id, { isActive: !page.object.isActive })
                }
                MouseArea {
                    anchors.fill: parent
                    enabled: !parent.enabled
                    hoverEnabled: true
                    ToolTip.visible: containsMouse
                    ToolTip.text: DataModelController.editingUnavailableReason
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
            onClicked: typePicker.open()
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
                widths: [0, 200, 170, 150]
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
                    VText { width: 200; height: fieldRow.height; text: fieldRow.name; mono: true; secondary: true; font.pixelSize: Theme.fontSizeSmall }
                    VText {
                        width: 170
                        height: fieldRow.height
                        text: fieldRow.target.length > 0 ? fieldRow.typeLabel + " → " + fieldRow.target : fieldRow.typeLabel
                        secondary: true
                    }
                    Row {
                        width: 150
                        height: fieldRow.height
                        spacing: 4
                        layoutDirection: Qt.RightToLeft
                        Badge { anchors.verticalCenter: parent.verticalCenter; visible: fieldRow.isCustom; text: qsTr("Custom"); tone: "accent" }
                        Badge { anchors.verticalCenter: parent.verticalCenter; visible: fieldRow.isUnique; text: qsTr("Unique") }
                        Badge { anchors.verticalCenter: parent.verticalCenter; visible: fieldRow.isRequired; text: qsTr("Required") }
                    }
                }
            }
            EmptyState {
                Layout.fillWidth: true
                visible: DataModelController.fields.count === 0
                title: qsTr("No fields")
                text: qsTr("Fields are the columns of an object's records.")
            }
        }
    }

    // The type picker of + Add field (opens once editing is available).
    Popup {
        id: typePicker
        anchors.centerIn: T.Overlay.overlay
        modal: true
        width: 520
        padding: 20
        background: Rectangle { radius: Theme.radiusLarge; color: Theme.background; border.color: Theme.border }
        contentItem: ColumnLayout {
            spacing: 12
            VText { text: qsTr("Add a field to %1").arg(page.object.label ?? ""); font.pixelSize: Theme.fontSizeSection + 2; font.weight: Font.DemiBold }
            GridLayout {
                columns: 3
                columnSpacing: 8
                rowSpacing: 8
                Repeater {
                    model: DataModelController.fieldTypes
                    delegate: VButton {
                        required property string modelData
                        Layout.fillWidth: true
                        text: modelData.charAt(0) + modelData.slice(1).toLowerCase().replace(/_/g, " ")
                        onClicked: {
                            typePicker.close()
                            DataModelController.createField({ objectMetadataId: page.object.id, type: modelData,
                                                              label: text, name: "new" + modelData.charAt(0) + modelData.slice(1).toLowerCase().replace(/_(.)/g, (m, c) => c.toUpperCase()) })
                        }
                    }
                }
            }
        }
    }
}
