pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Vingt.Theme
import Vingt.Components
import Vingt.Gui

// The API playground (issue 7): REST and GraphQL requests against the local server as one of the workspace's keys
// (a short-lived token minted in process, never shown), GraphQL completion and diagnostics from the server's own
// schema and validator, history, "Copy as". Three panes: history | request | response.
Rectangle {
    id: page
    objectName: "playgroundPage"
    color: Theme.background

    property string mode: "rest"
    readonly property string keyId: keyBox.currentIndex >= 0 && controller.keys.length > 0
                                    ? controller.keys[keyBox.currentIndex].id : ""

    property alias controller: controller
    readonly property PlaygroundController controllerObject: PlaygroundController { id: controller }

    function sendCurrent() {
        if (page.mode === "rest")
            controller.send("rest", methodBox.currentText, pathField.text, bodyArea.text, "", "", page.keyId)
        else
            controller.send("graphql", "POST", endpointBox.currentText, queryArea.text, variablesArea.text,
                            operationBox.currentText, page.keyId)
    }
    function currentSnippet(language: string): string {
        return page.mode === "rest"
            ? controller.snippet(language, "rest", methodBox.currentText, pathField.text, bodyArea.text, "", "")
            : controller.snippet(language, "graphql", "POST", endpointBox.currentText, queryArea.text,
                                 variablesArea.text, operationBox.currentText)
    }
    function updateCompletion() {
        const result = controller.complete(endpointBox.currentIndex === 0 ? "core" : "metadata", queryArea.text,
                                           queryArea.cursorPosition)
        completionList.model = result.items || []
        completionList.start = result.start || 0
        const diagnostics = controller.diagnose(endpointBox.currentIndex === 0 ? "core" : "metadata", queryArea.text)
        diagnosticsText.text = diagnostics.map(d => d.line + ":" + d.column + " " + d.message).join("\n")
        operationBox.model = controller.operationNames(queryArea.text)
    }

    Shortcut { sequence: "Ctrl+Return"; onActivated: page.sendCurrent() }

    RowLayout {
        anchors.fill: parent
        anchors.margins: 12
        spacing: 12

        // Left: history (searchable, click to load, re-run with Send).
        ColumnLayout {
            Layout.preferredWidth: 220
            Layout.fillHeight: true
            VText { text: qsTr("History"); font.weight: Font.DemiBold }
            VTextField {
                id: historySearch
                objectName: "historySearch"
                Layout.fillWidth: true
                placeholderText: qsTr("Search")
                onTextChanged: controller.refresh(text)
            }
            ListView {
                id: historyList
                objectName: "historyList"
                Layout.fillWidth: true
                Layout.fillHeight: true
                clip: true
                model: controller.history
                delegate: ItemDelegate {
                    required property var modelData
                    width: historyList.width
                    text: (modelData.kind === "graphql" ? "GQL " : modelData.method + " ") + modelData.path
                          + " · " + modelData.status
                    font.pixelSize: Theme.fontSizeSmall
                    onClicked: {
                        if (modelData.kind === "graphql") {
                            page.mode = "graphql"
                            queryArea.text = modelData.body
                            variablesArea.text = modelData.variables
                        } else {
                            page.mode = "rest"
                            methodBox.currentIndex = methodBox.find(modelData.method)
                            pathField.text = modelData.path
                            bodyArea.text = modelData.body
                        }
                    }
                }
                EmptyState {
                    anchors.centerIn: parent
                    width: parent.width
                    visible: historyList.count === 0
                    title: qsTr("No requests yet")
                    text: qsTr("Requests you send appear here.")
                }
            }
        }

        // Middle: the request.
        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            RowLayout {
                VButton { objectName: "restTab"; text: "REST"; variant: page.mode === "rest" ? "primary" : "secondary"; onClicked: page.mode = "rest" }
                VButton { objectName: "graphqlTab"; text: "GraphQL"; variant: page.mode === "graphql" ? "primary" : "secondary"; onClicked: page.mode = "graphql" }
                Item { Layout.fillWidth: true }
                VText { text: qsTr("Key:") }
                ComboBox {
                    id: keyBox
                    objectName: "keyBox"
                    model: controller.keys
                    textRole: "name"
                    Layout.preferredWidth: 160
                }
                VButton {
                    objectName: "sendButton"
                    text: page.mode === "rest" ? qsTr("Send") : qsTr("Run")
                    variant: "primary"
                    enabled: page.keyId !== "" && !controller.sending
                    onClicked: page.sendCurrent()
                }
            }
            ColumnLayout {
                visible: page.mode === "rest"
                Layout.fillWidth: true
                Layout.fillHeight: true
                RowLayout {
                    ComboBox { id: methodBox; objectName: "methodBox"; model: ["GET", "POST", "PATCH", "PUT", "DELETE"] }
                    ComboBox {
                        id: objectBox
                        model: controller.objects
                        onActivated: pathField.text = "/rest/" + currentText
                    }
                    VTextField { id: pathField; objectName: "pathField"; mono: true; Layout.fillWidth: true; text: "/rest/people?limit=5" }
                }
                RowLayout {
                    VText { text: qsTr("filter") }
                    VTextField {
                        id: filterField
                        objectName: "filterField"
                        mono: true
                        Layout.fillWidth: true
                        placeholderText: "name.firstName[ilike]:\"%a%\""
                        error: filterError.text !== ""
                        onTextChanged: filterError.text = controller.checkFilter(objectBox.currentText, text)
                    }
                    VButton {
                        text: qsTr("Apply")
                        enabled: filterError.text === "" && filterField.text !== ""
                        onClicked: pathField.text = "/rest/" + objectBox.currentText + "?filter=" + encodeURIComponent(filterField.text)
                    }
                }
                ErrorText { id: filterError; objectName: "filterError"; Layout.fillWidth: true }
                ScrollView {
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    TextArea { id: bodyArea; objectName: "bodyArea"; font.family: Theme.monoFamily; placeholderText: qsTr("JSON body") }
                }
            }
            ColumnLayout {
                visible: page.mode === "graphql"
                Layout.fillWidth: true
                Layout.fillHeight: true
                RowLayout {
                    ComboBox { id: endpointBox; objectName: "endpointBox"; model: ["/graphql", "/metadata"] }
                    VText { text: qsTr("Operation") }
                    ComboBox { id: operationBox; objectName: "operationBox"; Layout.preferredWidth: 160 }
                }
                ScrollView {
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    TextArea {
                        id: queryArea
                        objectName: "queryArea"
                        font.family: Theme.monoFamily
                        text: "{\n  people(first: 5) {\n    edges { node { id name { firstName lastName } } }\n  }\n}\n"
                        onTextChanged: page.updateCompletion()
                        onCursorPositionChanged: page.updateCompletion()
                        Keys.onTabPressed: event => {
                            if (completionList.count > 0) {
                                const item = completionList.model[Math.max(0, completionList.currentIndex)]
                                queryArea.remove(completionList.start, queryArea.cursorPosition)
                                queryArea.insert(completionList.start, item.label)
                            } else {
                                event.accepted = false
                            }
                        }
                    }
                }
                ListView {
                    id: completionList
                    objectName: "completionList"
                    property int start: 0
                    Layout.fillWidth: true
                    Layout.preferredHeight: Math.min(count, 6) * 22
                    clip: true
                    delegate: Text {
                        required property var modelData
                        text: modelData.label + "  " + modelData.detail + "  (" + modelData.kind + ")"
                        font.family: Theme.monoFamily
                        font.pixelSize: Theme.fontSizeSmall
                        color: Theme.textSecondary
                        height: 22
                    }
                }
                Text { id: diagnosticsText; objectName: "diagnosticsText"; color: Theme.danger; wrapMode: Text.Wrap; Layout.fillWidth: true; font.pixelSize: Theme.fontSizeSmall }
                VText { text: qsTr("Variables") }
                ScrollView {
                    Layout.fillWidth: true
                    Layout.preferredHeight: 80
                    TextArea { id: variablesArea; objectName: "variablesArea"; font.family: Theme.monoFamily; text: "{}" }
                }
            }
        }

        // Right: the response.
        ColumnLayout {
            Layout.preferredWidth: 380
            Layout.fillHeight: true
            VText { objectName: "statusLine"; text: controller.statusLine; font.weight: Font.DemiBold }
            ScrollView {
                Layout.fillWidth: true
                Layout.fillHeight: true
                TextArea { objectName: "responseArea"; readOnly: true; font.family: Theme.monoFamily; text: controller.responseBody }
            }
            VText { text: qsTr("Headers") }
            ScrollView {
                Layout.fillWidth: true
                Layout.preferredHeight: 100
                TextArea { objectName: "headersArea"; readOnly: true; font.family: Theme.monoFamily; font.pixelSize: Theme.fontSizeSmall; text: controller.responseHeaders }
            }
            RowLayout {
                VText { text: qsTr("Copy as") }
                Repeater {
                    model: [["cURL", "curl"], ["Python", "python"], ["JavaScript", "javascript"], ["C++", "cpp"]]
                    VButton {
                        required property var modelData
                        text: modelData[0]
                        onClicked: controller.copyToClipboard(page.currentSnippet(modelData[1]))
                    }
                }
            }
        }
    }
}
