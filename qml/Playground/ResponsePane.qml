pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Vingt.Theme
import Vingt.Components
import Vingt.Gui

// The response: status, time and size, pretty JSON with folding (a click on a line that opens an object or array,
// or a depth), the headers, and "Copy as" for the current request.
ColumnLayout {
    id: pane
    required property PlaygroundController controller
    /// "Copy as": the page writes the snippet of its current request to the clipboard.
    signal copyRequested(string language)

    RowLayout {
        VText { objectName: "statusLine"; text: pane.controller.statusLine; font.weight: Font.DemiBold; Layout.fillWidth: true; elide: Text.ElideRight }
        VComboBox {
            objectName: "foldBox"
            implicitWidth: 120
            model: [qsTr("Unfolded"), qsTr("Fold to 1"), qsTr("Fold to 2"), qsTr("Fold to 3")]
            currentIndex: pane.controller.foldDepth + 1
            onActivated: pane.controller.foldDepth = currentIndex - 1
        }
    }
    ScrollView {
        Layout.fillWidth: true
        Layout.fillHeight: true
        TextArea {
            id: responseArea
            objectName: "responseArea"
            readOnly: true
            font.family: Theme.monoFamily
            text: pane.controller.responseBody
            // A click on a line that opens an object or array folds or unfolds it.
            TapHandler {
                onTapped: (eventPoint, button) => pane.controller.toggleFoldAt(
                              responseArea.positionAt(eventPoint.position.x, eventPoint.position.y))
            }
        }
    }
    VText { text: qsTr("Headers") }
    ScrollView {
        Layout.fillWidth: true
        Layout.preferredHeight: 100
        TextArea { objectName: "headersArea"; readOnly: true; font.family: Theme.monoFamily; font.pixelSize: Theme.fontSizeSmall; text: pane.controller.responseHeaders }
    }
    Flow {
        Layout.fillWidth: true
        spacing: 4
        VText { text: qsTr("Copy as"); height: 32; verticalAlignment: Text.AlignVCenter }
        Repeater {
            model: [["cURL", "curl"], ["Python", "python"], ["JavaScript", "javascript"], ["C++", "cpp"]]
            VButton {
                required property var modelData
                text: modelData[0]
                onClicked: {
                    pane.copyRequested(modelData[1])
                    copiedText.text = qsTr("Copied as %1 (the token is read from VINGT_API_KEY)").arg(modelData[0])
                }
            }
        }
        VText {
            id: copiedText
            objectName: "copiedText"
            width: parent.width
            wrapMode: Text.Wrap
            color: Theme.textSecondary
            font.pixelSize: Theme.fontSizeSmall
        }
    }
}
