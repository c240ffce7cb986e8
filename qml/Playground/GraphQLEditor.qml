pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Vingt.Theme
import Vingt.Components
import Vingt.Gui

// The GraphQL editor: endpoint (/graphql or /metadata) and operation picker, the document with syntax highlighting,
// bracket matching, completion in a popup at the cursor (Up/Down, Return or Tab, Esc) and the validator's
// diagnostics, and the variables (JSON, checked as you type).
ColumnLayout {
    id: editor
    required property PlaygroundController controller
    /// Shown: completion, diagnostics and the schema explorer follow this editor.
    property bool active: false
    property alias text: queryArea.text
    property alias variables: variablesArea.text
    readonly property string endpoint: endpointBox.currentText
    readonly property string operationName: operationBox.currentText
    readonly property string schemaName: endpointBox.currentIndex === 1 ? "metadata" : "core"
    property int completionStart: 0
    property bool completionDismissed: false

    function setEndpoint(path: string) {
        endpointBox.currentIndex = Math.max(0, endpointBox.find(path))
    }
    function updateCompletion() {
        if (!editor.active)
            return
        const result = editor.controller.complete(editor.schemaName, queryArea.text, queryArea.cursorPosition)
        const items = result.items || []
        editor.completionStart = result.start || 0
        const prefix = queryArea.text.substring(editor.completionStart, queryArea.cursorPosition)
        completionList.model = items.length === 1 && items[0].label === prefix ? [] : items
        completionList.currentIndex = 0
        const diagnostics = editor.controller.diagnose(editor.schemaName, queryArea.text)
        diagnosticsText.text = diagnostics.map(d => d.line + ":" + d.column + " " + d.message).join("\n")
        operationBox.model = editor.controller.operationNames(queryArea.text)
        editor.syncCompletionPopup()
        const open = highlighter.bracketAt(queryArea.text, queryArea.cursorPosition)
        const match = open < 0 ? -1 : highlighter.matchingBracket(queryArea.text, queryArea.cursorPosition)
        bracketA.offset = match < 0 ? -1 : open
        bracketB.offset = match
    }
    function syncCompletionPopup() {
        if (completionList.count > 0 && queryArea.activeFocus && !editor.completionDismissed)
            completionPopup.open()
        else
            completionPopup.close()
    }
    onCompletionDismissedChanged: editor.syncCompletionPopup()
    function acceptCompletion() {
        const item = completionList.model[Math.max(0, completionList.currentIndex)]
        queryArea.remove(editor.completionStart, queryArea.cursorPosition)
        queryArea.insert(editor.completionStart, item.label)
    }

    onActiveChanged: {
        if (!editor.active)
            return
        editor.controller.exploreSchema(editor.schemaName)
        editor.updateCompletion()
    }
    RowLayout {
        VComboBox {
            id: endpointBox
            objectName: "endpointBox"
            Layout.preferredWidth: 130
            model: ["/graphql", "/metadata"]
            onCurrentIndexChanged: {
                if (!editor.active)
                    return
                editor.controller.exploreSchema(editor.schemaName)
                editor.updateCompletion()
            }
        }
        VText { text: qsTr("Operation") }
        VComboBox { id: operationBox; objectName: "operationBox"; Layout.preferredWidth: 160 }
    }
    ScrollView {
        Layout.fillWidth: true
        Layout.fillHeight: true
        TextArea {
            id: queryArea
            objectName: "queryArea"
            font.family: Theme.monoFamily
            background: Rectangle {
                color: Theme.inputBackground
                border.width: 1
                border.color: editor.controller.errorPart === "query" ? Theme.danger : Theme.border
                radius: Theme.radius
            }
            text: "# The first people and their names\nquery People($first: Int = 5) {\n  people(first: $first) {\n    edges { node { id name { firstName lastName } } }\n  }\n}\n"
            onTextChanged: {
                editor.completionDismissed = false
                editor.updateCompletion()
            }
            onCursorPositionChanged: editor.updateCompletion()
            onActiveFocusChanged: editor.syncCompletionPopup()
            Keys.onPressed: event => {
                if (!completionPopup.visible)
                    return
                if (event.key === Qt.Key_Down) {
                    completionList.incrementCurrentIndex()
                    event.accepted = true
                } else if (event.key === Qt.Key_Up) {
                    completionList.decrementCurrentIndex()
                    event.accepted = true
                } else if (event.key === Qt.Key_Return || event.key === Qt.Key_Enter) {
                    editor.acceptCompletion()
                    event.accepted = true
                } else if (event.key === Qt.Key_Escape) {
                    editor.completionDismissed = true
                    event.accepted = true
                }
            }
            Keys.onTabPressed: event => {
                if (completionList.count > 0)
                    editor.acceptCompletion()
                else
                    event.accepted = false
            }
            GraphQLHighlighter {
                id: highlighter
                document: queryArea.textDocument
                keywordColor: Theme.accent
                variableColor: Theme.warningText
                stringColor: Theme.success
                numberColor: Theme.warningText
                commentColor: Theme.textTertiary
                punctuationColor: Theme.textSecondary
            }
            // Bracket matching: the bracket at the cursor and its partner are outlined.
            Rectangle {
                id: bracketA
                objectName: "bracketA"
                property int offset: -1
                readonly property rect at: queryArea.positionToRectangle(Math.max(0, offset))
                visible: offset >= 0
                x: at.x - 1
                y: at.y
                width: queryArea.font.pixelSize * 0.6 + 2
                height: at.height
                color: Theme.transparent
                border.color: Theme.accent
                radius: 2
            }
            Rectangle {
                id: bracketB
                objectName: "bracketB"
                property int offset: -1
                readonly property rect at: queryArea.positionToRectangle(Math.max(0, offset))
                visible: offset >= 0
                x: at.x - 1
                y: at.y
                width: queryArea.font.pixelSize * 0.6 + 2
                height: at.height
                color: Theme.transparent
                border.color: Theme.accent
                radius: 2
            }
            // Completion as a popup list at the cursor: Up/Down choose, Return or Tab insert, Esc closes.
            Popup {
                id: completionPopup
                objectName: "completionPopup"
                x: queryArea.cursorRectangle.x
                y: queryArea.cursorRectangle.y + queryArea.cursorRectangle.height + 2
                width: 360
                height: Math.min(completionList.count, 8) * 22 + 2
                padding: 1
                focus: false
                closePolicy: Popup.NoAutoClose
                background: Rectangle { color: Theme.background; border.color: Theme.border; radius: Theme.radius }
                ListView {
                    id: completionList
                    objectName: "completionList"
                    anchors.fill: parent
                    clip: true
                    delegate: Item {
                        id: completionRow
                        required property var modelData
                        required property int index
                        width: completionList.width
                        height: 22
                        Rectangle {
                            anchors.fill: parent
                            color: completionList.currentIndex === completionRow.index ? Theme.selected
                                                                                      : Theme.transparent
                        }
                        RowLayout {
                            anchors.fill: parent
                            anchors.leftMargin: 6
                            anchors.rightMargin: 4
                            Text {
                                text: completionRow.modelData.label
                                font.family: Theme.monoFamily
                                font.pixelSize: Theme.fontSizeSmall
                                color: Theme.text
                            }
                            Text {
                                Layout.fillWidth: true
                                text: completionRow.modelData.detail
                                elide: Text.ElideRight
                                font.family: Theme.monoFamily
                                font.pixelSize: 11
                                color: Theme.textSecondary
                            }
                            Text {
                                text: completionRow.modelData.kind
                                font.pixelSize: 11
                                color: Theme.textTertiary
                            }
                        }
                        MouseArea {
                            anchors.fill: parent
                            onClicked: {
                                completionList.currentIndex = completionRow.index
                                editor.acceptCompletion()
                                queryArea.forceActiveFocus()
                            }
                        }
                    }
                }
            }
        }
    }
    Text { id: diagnosticsText; objectName: "diagnosticsText"; color: Theme.danger; wrapMode: Text.Wrap; Layout.fillWidth: true; font.pixelSize: Theme.fontSizeSmall }
    VText { text: qsTr("Variables") }
    ScrollView {
        Layout.fillWidth: true
        Layout.preferredHeight: 80
        TextArea {
            id: variablesArea
            objectName: "variablesArea"
            font.family: Theme.monoFamily
            text: "{}"
            background: Rectangle {
                color: Theme.inputBackground
                border.width: 1
                border.color: editor.controller.errorPart === "variables" ? Theme.danger : Theme.border
                radius: Theme.radius
            }
        }
    }
    ErrorText { objectName: "variablesError"; Layout.fillWidth: true; text: editor.controller.jsonError(variablesArea.text) }
}
