pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Vingt.Gui
import Vingt.Theme
import Vingt.Components

// Data model: the objects of the workspace (standard and custom) with their field counts and state.
SettingsPage {
    id: page
    objectName: "dataModelPage"
    title: qsTr("Data model")
    description: qsTr("Objects and fields define the REST and GraphQL APIs of this workspace.")

    function openObject(id: string) {
        page.StackView.view.push(objectPage, { objectId: id })
    }
    Component { id: objectPage; ObjectPage {} }
    ObjectEditorDialog { id: objectEditor }
    Connections {
        target: DataModelController
        function onEdited(what: string, id: string) {
            if (what === "createObject" && page.StackView.status === StackView.Active)
                page.openObject(id)
        }
    }

    SectionTitle {
        Layout.fillWidth: true
        title: qsTr("Objects")
        description: DataModelController.objects.count === 1 ? qsTr("1 object") : qsTr("%1 objects").arg(DataModelController.objects.count)
        VButton {
            objectName: "newObjectButton"
            text: qsTr("+ New object")
            variant: "primary"
            enabled: DataModelController.editingAvailable
            onClicked: objectEditor.createObject()
            ToolTip.visible: hovered && !enabled
            ToolTip.text: DataModelController.editingUnavailableReason
            // A disabled button gets no hover: a transparent area shows the reason.
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
        implicitHeight: objectColumn.implicitHeight
        ColumnLayout {
            id: objectColumn
            width: parent.width
            spacing: 0
            TableHeader {
                Layout.fillWidth: true
                titles: [qsTr("Name"), qsTr("API name"), qsTr("Fields"), qsTr("Type"), ""]
                widths: [0, 200, 80, 110, 24]
            }
            Repeater {
                model: DataModelController.objects
                delegate: TableRow {
                    id: objectRow
                    required property int index
                    required property string itemId
                    required property string label
                    required property string namePlural
                    required property string icon
                    required property int fieldCount
                    required property bool isCustom
                    required property bool isActive
                    objectName: "objectRow-" + namePlural
                    Layout.fillWidth: true
                    last: index === DataModelController.objects.count - 1
                    onActivated: page.openObject(itemId)
                    RowLayout {
                        width: objectRow.width - 24 - 414
                        height: objectRow.height
                        spacing: 8
                        Glyph { name: objectRow.icon }
                        VText { text: objectRow.label; font.weight: Font.Medium }
                        Badge { visible: !objectRow.isActive; text: qsTr("Inactive") }
                        Item { Layout.fillWidth: true }
                    }
                    VText { width: 200; height: objectRow.height; text: objectRow.namePlural; mono: true; secondary: true; font.pixelSize: Theme.fontSizeSmall }
                    VText { width: 80; height: objectRow.height; text: objectRow.fieldCount; secondary: true }
                    Item {
                        width: 110
                        height: objectRow.height
                        Badge {
                            anchors.verticalCenter: parent.verticalCenter
                            text: objectRow.isCustom ? qsTr("Custom") : qsTr("Standard")
                            tone: objectRow.isCustom ? "accent" : "neutral"
                        }
                    }
                    VText { width: 24; height: objectRow.height; text: "›"; secondary: true; horizontalAlignment: Text.AlignRight }
                }
            }
            EmptyState {
                Layout.fillWidth: true
                visible: DataModelController.objects.count === 0
                title: qsTr("No objects")
                text: qsTr("Objects are the tables of your workspace: companies, people, invoices…")
                actionText: DataModelController.editingAvailable ? qsTr("+ New object") : ""
                onActionTriggered: objectEditor.createObject()
            }
        }
    }
}
