pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Vingt.Theme
import Vingt.Components
import Vingt.Gui

// The GraphQL schema explorer: types (search finds types and fields), a type's fields with their arguments and
// descriptions; a click on a row opens the type it leads to, ‹ goes back.
ColumnLayout {
    id: explorer
    required property SchemaExplorerModel model

    VTextField {
        objectName: "schemaSearch"
        Layout.fillWidth: true
        placeholderText: qsTr("Search types and fields")
        text: explorer.model.search
        onTextEdited: explorer.model.search = text
    }
    RowLayout {
        visible: explorer.model.canGoBack
        VButton { objectName: "schemaBack"; text: "‹"; onClicked: explorer.model.back() }
        VText {
            Layout.fillWidth: true
            text: explorer.model.typeName === "" ? qsTr("All types")
                  : explorer.model.typeName + " · " + explorer.model.typeKind
            font.weight: Font.DemiBold
            elide: Text.ElideRight
        }
    }
    VText {
        Layout.fillWidth: true
        visible: text !== ""
        text: explorer.model.typeDescription
        color: Theme.textSecondary
        wrapMode: Text.Wrap
        font.pixelSize: Theme.fontSizeSmall
    }
    ListView {
        id: schemaList
        objectName: "schemaList"
        Layout.fillWidth: true
        Layout.fillHeight: true
        clip: true
        model: explorer.model
        delegate: ItemDelegate {
            id: schemaRow
            required property string signature
            required property string description
            required property string arguments
            required property string target
            width: schemaList.width
            contentItem: ColumnLayout {
                spacing: 2
                Text {
                    Layout.fillWidth: true
                    text: schemaRow.signature
                    wrapMode: Text.WrapAnywhere
                    font.family: Theme.monoFamily
                    font.pixelSize: Theme.fontSizeSmall
                    color: schemaRow.target !== "" ? Theme.accent : Theme.text
                }
                Text {
                    Layout.fillWidth: true
                    visible: text !== ""
                    text: schemaRow.description
                    wrapMode: Text.Wrap
                    maximumLineCount: 3
                    elide: Text.ElideRight
                    font.pixelSize: 11
                    color: Theme.textSecondary
                }
                Text {
                    Layout.fillWidth: true
                    visible: text !== ""
                    text: schemaRow.arguments
                    wrapMode: Text.WrapAnywhere
                    leftPadding: 8
                    font.family: Theme.monoFamily
                    font.pixelSize: 11
                    color: Theme.textTertiary
                }
            }
            background: Rectangle { color: schemaRow.hovered ? Theme.hover : Theme.background }
            onClicked: {
                if (schemaRow.target !== "")
                    explorer.model.open(schemaRow.target)
            }
        }
    }
}
