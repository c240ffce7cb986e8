pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Vingt.Theme
import Vingt.Components
import Vingt.Gui

// The REST endpoint browser: the operations of the workspace's OpenAPI document, grouped by object (a click on an
// object folds it), searchable; a click on an operation emits endpointPicked with all its roles.
ColumnLayout {
    id: browser
    required property EndpointModel model
    /// `METHOD path` of the picked endpoint (highlighted)
    property string picked: ""
    signal endpointPicked(var endpoint)

    VTextField {
        objectName: "endpointSearch"
        Layout.fillWidth: true
        placeholderText: qsTr("Search endpoints")
        onTextChanged: browser.model.search = text
    }
    ListView {
        id: endpointList
        objectName: "endpointList"
        Layout.fillWidth: true
        Layout.fillHeight: true
        clip: true
        model: browser.model
        delegate: Column {
            id: endpointRow
            required property int index
            required property string method
            required property string path
            required property string summary
            required property string group
            required property bool groupStart
            required property bool collapsed
            width: endpointList.width
            // The object's heading above its first operation; a click folds or unfolds it.
            Rectangle {
                objectName: "groupHeading"
                visible: endpointRow.groupStart
                width: parent.width
                height: visible ? 28 : 0
                color: Theme.sidebar
                VText {
                    anchors.verticalCenter: parent.verticalCenter
                    x: 6
                    text: (endpointRow.collapsed ? "▸ " : "▾ ") + endpointRow.group
                    font.weight: Font.DemiBold
                }
                MouseArea {
                    anchors.fill: parent
                    cursorShape: Qt.PointingHandCursor
                    onClicked: browser.model.toggleGroup(endpointRow.group)
                }
            }
            ItemDelegate {
                id: endpointButton
                objectName: "endpointRow"
                visible: !endpointRow.collapsed
                width: parent.width
                height: 40
                padding: 4
                leftPadding: 6
                highlighted: browser.picked === endpointRow.method + " " + endpointRow.path
                contentItem: RowLayout {
                    spacing: 6
                    Text {
                        text: endpointRow.method
                        Layout.preferredWidth: 48
                        font.family: Theme.monoFamily
                        font.pixelSize: Theme.fontSizeSmall
                        font.weight: Font.DemiBold
                        color: endpointRow.method === "GET" ? Theme.success
                             : endpointRow.method === "DELETE" ? Theme.danger : Theme.accent
                    }
                    ColumnLayout {
                        spacing: 0
                        Layout.fillWidth: true
                        Text {
                            Layout.fillWidth: true
                            text: endpointRow.path.replace("/rest", "")
                            elide: Text.ElideRight
                            font.family: Theme.monoFamily
                            font.pixelSize: Theme.fontSizeSmall
                            color: Theme.text
                        }
                        Text {
                            Layout.fillWidth: true
                            text: endpointRow.summary
                            elide: Text.ElideRight
                            font.pixelSize: 11
                            color: Theme.textSecondary
                        }
                    }
                }
                background: Rectangle { color: endpointButton.highlighted ? Theme.selected : endpointButton.hovered ? Theme.hover : Theme.background }
                onClicked: {
                    browser.endpointPicked(browser.model.get(endpointRow.index))
                }
            }
        }
        EmptyState {
            anchors.centerIn: parent
            width: parent.width
            visible: endpointList.count === 0 && !browser.model.busy
            title: qsTr("No endpoints")
            text: qsTr("The REST operations of this workspace's OpenAPI document appear here.")
        }
    }
}
