pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Vingt.Theme
import Vingt.Components
import Vingt.Gui

// The API playground (issue 7): REST and GraphQL requests against the local server as one of the workspace's keys
// (a short-lived token minted in process, never shown). Three panes: explorer (REST endpoints from the workspace's
// OpenAPI document, or the GraphQL schema), history and saved requests | the request (REST builder with a structured
// filter editor, or the GraphQL editor with highlighting, bracket matching and a completion popup) | the response.
Rectangle {
    id: page
    objectName: "playgroundPage"
    color: Theme.background

    property string mode: "rest"
    readonly property string keyId: keyBox.currentIndex >= 0 && controller.keys.length > 0
                                    ? controller.keys[keyBox.currentIndex].id : ""
    // REST: the path the parameters are added to (the picked endpoint or object), and the object it is about.
    property string basePath: "/rest/companies"
    property string objectPlural: "companies"
    property var filterFieldList: controller.filterFields(objectPlural)
    property string pickedEndpoint: "" // `METHOD path` of the endpoint picked in the browser

    property alias controller: controller
    readonly property PlaygroundController controllerObject: PlaygroundController {
        id: controller
        onResponseChanged: page.showErrorPart()
        onEndpointsLoaded: page.screenshotRun()
    }

    // An error that names a part of the request opens the tab holding that input (the input is outlined).
    function showErrorPart() {
        const part = controller.errorPart
        if (part === "body")
            requestTabs.currentIndex = 1
        else if (part !== "" && part !== "path")
            requestTabs.currentIndex = 0
    }
    // Screenshot mode (`--page playground[-graphql]`): run the default request once the keys and the endpoints are
    // there, so the picture shows a response.
    function screenshotRun() {
        if (!Desktop.screenshotMode || !Desktop.lastPage.startsWith("playground") || page.keyId === ""
                || controller.endpoints.count === 0 || controller.status !== 0 || controller.sending)
            return
        if (page.mode === "rest") {
            controller.endpoints.toggleGroup("attachments")
            const list = controller.endpoints.find("GET", "/rest/companies")
            if (list >= 0)
                page.pickEndpoint(controller.endpoints.get(list))
            filterRows.append({ "field": "name", "comparator": "ilike", "value": "%a%" })
            page.rebuildFilter()
        } else {
            controller.schemaExplorer.open("Query")
        }
        page.sendCurrent()
    }

    onObjectPluralChanged: filterRows.clear()

    function sendCurrent() {
        if (page.mode === "rest")
            controller.send("rest", methodBox.currentText, pathField.text, bodyArea.text, "", "", page.keyId)
        else
            controller.send("graphql", "POST", graphqlEditor.endpoint, graphqlEditor.text, graphqlEditor.variables,
                            graphqlEditor.operationName, page.keyId)
    }
    function currentSnippet(language: string): string {
        return page.mode === "rest"
            ? controller.snippet(language, "rest", methodBox.currentText, pathField.text, bodyArea.text, "", "")
            : controller.snippet(language, "graphql", "POST", graphqlEditor.endpoint, graphqlEditor.text,
                                 graphqlEditor.variables, graphqlEditor.operationName)
    }
    function saveCurrent(name: string): bool {
        return page.mode === "rest"
            ? controller.saveRequest(name, "rest", methodBox.currentText, pathField.text, bodyArea.text, "", "",
                                     page.keyId)
            : controller.saveRequest(name, "graphql", "POST", graphqlEditor.endpoint, graphqlEditor.text,
                                     graphqlEditor.variables, graphqlEditor.operationName, page.keyId)
    }
    function loadRequest(request: var) {
        if (request.kind === "graphql") {
            page.mode = "graphql"
            graphqlEditor.setEndpoint(request.path)
            graphqlEditor.text = request.body
            graphqlEditor.variables = request.variables
        } else {
            page.mode = "rest"
            methodBox.currentIndex = methodBox.find(request.method)
            pathField.text = request.path
            bodyArea.text = request.body
        }
    }
    // Picking an operation in the endpoint browser fills the request builder.
    function pickEndpoint(endpoint: var) {
        page.mode = "rest"
        page.pickedEndpoint = endpoint.method + " " + endpoint.path
        methodBox.currentIndex = methodBox.find(endpoint.method)
        page.objectPlural = endpoint.group
        page.basePath = endpoint.path
        docsText.text = endpoint.summary + (endpoint.description ? "\n" + endpoint.description : "")
        docsParameters.text = endpoint.parameters
        docsRequest.text = endpoint.requestSchema
        docsResponse.text = endpoint.responseSchema
        if (endpoint.method === "POST" || endpoint.method === "PATCH" || endpoint.method === "PUT") {
            const template = controller.bodyTemplate(endpoint.group)
            bodyArea.text = endpoint.path.startsWith("/rest/batch/") ? "[\n" + template + "]\n" : template
            requestTabs.currentIndex = 1
        } else {
            bodyArea.text = ""
        }
        page.applyParameters()
    }
    function applyParameters() {
        if (methodBox.currentText !== "GET") { // query parameters of reads; a write takes only depth
            pathField.text = controller.buildPath(page.basePath, { "depth": depthRow.text })
            return
        }
        pathField.text = controller.buildPath(page.basePath, {
            "filter": filterError.text === "" ? filterField.text : "",
            "order_by": orderByRow.text,
            "limit": limitRow.text,
            "depth": depthRow.text,
            "starting_after": startingAfterRow.text,
            "ending_before": endingBeforeRow.text
        })
    }
    // The structured filter editor's rows → the filter text (written and checked in C++).
    function rebuildFilter() {
        const rows = []
        for (let i = 0; i < filterRows.count; ++i) {
            const row = filterRows.get(i)
            rows.push({ "field": row.field, "comparator": row.comparator, "value": row.value })
        }
        const result = controller.buildFilter(page.objectPlural, rows, anyBox.checked)
        if (result.error !== "") {
            filterError.text = result.error
            return
        }
        filterField.text = result.filter
    }
    function fieldInfo(path: string): var {
        return page.filterFieldList.find(f => f.path === path) ?? { comparators: [], options: [], type: "" }
    }
    Shortcut { sequence: "Ctrl+Return"; onActivated: page.sendCurrent() }
    onKeyIdChanged: page.screenshotRun()
    ListModel { id: filterRows }

    // One query parameter of the REST request builder.
    component ParameterRow: RowLayout {
        id: parameterRow
        property string name
        property alias text: parameterInput.text
        property alias placeholder: parameterInput.placeholderText
        property bool hasError: false
        signal edited()
        VText { text: parameterRow.name; Layout.preferredWidth: 90 }
        VTextField {
            id: parameterInput
            mono: true
            Layout.fillWidth: true
            error: parameterRow.hasError
            onTextEdited: parameterRow.edited()
        }
    }

    RowLayout {
        anchors.fill: parent
        anchors.margins: 12
        spacing: 12

        // ---- Left: explorer (endpoints or schema), history, saved requests ----
        ColumnLayout {
            Layout.preferredWidth: 240
            Layout.minimumWidth: 240
            Layout.maximumWidth: 240
            Layout.fillHeight: true
            TabButtonBar {
                id: explorerTabs
                objectName: "explorerTabs"
                Layout.fillWidth: true
                tabs: [page.mode === "rest" ? qsTr("Endpoints") : qsTr("Schema"), qsTr("History"), qsTr("Saved")]
            }
            StackLayout {
                Layout.fillWidth: true
                Layout.fillHeight: true
                currentIndex: explorerTabs.currentIndex === 0 ? (page.mode === "rest" ? 0 : 1)
                                                              : explorerTabs.currentIndex + 1

                // REST endpoint browser: the workspace's OpenAPI document, grouped by object.
                EndpointBrowser {
                    model: controller.endpoints
                    picked: page.pickedEndpoint
                    onEndpointPicked: endpoint => page.pickEndpoint(endpoint)
                }

                // GraphQL schema explorer: types → fields and arguments, searchable, both schemas.
                SchemaExplorer { model: controller.schemaExplorer }

                // History: searchable; click an entry to load it, Send re-runs it.
                ColumnLayout {
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
                            onClicked: page.loadRequest(modelData)
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

                // Saved requests: named, kept until deleted; click to load, Send to re-run.
                ListView {
                    id: savedList
                    objectName: "savedList"
                    clip: true
                    model: controller.saved
                    delegate: ItemDelegate {
                        id: savedRow
                        required property var modelData
                        width: savedList.width
                        contentItem: RowLayout {
                            ColumnLayout {
                                spacing: 0
                                Layout.fillWidth: true
                                VText { text: savedRow.modelData.savedName; font.weight: Font.DemiBold; Layout.fillWidth: true; elide: Text.ElideRight }
                                Text {
                                    Layout.fillWidth: true
                                    text: (savedRow.modelData.kind === "graphql" ? "GQL " : savedRow.modelData.method + " ") + savedRow.modelData.path
                                    elide: Text.ElideRight
                                    font.family: Theme.monoFamily
                                    font.pixelSize: 11
                                    color: Theme.textSecondary
                                }
                            }
                            VButton { text: "×"; onClicked: controller.removeSaved(savedRow.modelData.id) }
                        }
                        onClicked: page.loadRequest(modelData)
                    }
                    EmptyState {
                        anchors.centerIn: parent
                        width: parent.width
                        visible: savedList.count === 0
                        title: qsTr("No saved requests")
                        text: qsTr("Name a request and press Save to keep it here.")
                    }
                }
            }
        }

        // ---- Middle: the request ----
        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            RowLayout {
                VButton { objectName: "restTab"; text: "REST"; variant: page.mode === "rest" ? "primary" : "secondary"; onClicked: page.mode = "rest" }
                VButton { objectName: "graphqlTab"; text: "GraphQL"; variant: page.mode === "graphql" ? "primary" : "secondary"; onClicked: page.mode = "graphql" }
                Item { Layout.fillWidth: true }
                VText { text: qsTr("Key:") }
                VComboBox {
                    id: keyBox
                    objectName: "keyBox"
                    model: controller.keys
                    textRole: "name"
                    Layout.preferredWidth: 150
                }
                VButton {
                    objectName: "sendButton"
                    text: page.mode === "rest" ? qsTr("Send") : qsTr("Run")
                    variant: "primary"
                    enabled: page.keyId !== "" && !controller.sending
                    onClicked: page.sendCurrent()
                }
            }
            RowLayout {
                VTextField {
                    id: saveName
                    objectName: "saveName"
                    Layout.fillWidth: true
                    placeholderText: qsTr("Name this request to save it")
                }
                VButton {
                    objectName: "saveButton"
                    text: qsTr("Save")
                    enabled: saveName.text.trim() !== ""
                    onClicked: {
                        if (page.saveCurrent(saveName.text))
                            saveName.text = ""
                    }
                }
            }

            // REST request builder.
            ColumnLayout {
                visible: page.mode === "rest"
                Layout.fillWidth: true
                Layout.fillHeight: true
                RowLayout {
                    VComboBox { id: methodBox; objectName: "methodBox"; Layout.preferredWidth: 96; model: ["GET", "POST", "PATCH", "PUT", "DELETE"] }
                    VComboBox {
                        id: objectBox
                        objectName: "objectBox"
                        model: controller.objects
                        currentIndex: count > 0 ? Math.max(0, find(page.objectPlural)) : -1
                        Layout.preferredWidth: 150
                        onActivated: {
                            page.objectPlural = currentText
                            page.basePath = "/rest/" + currentText
                            page.applyParameters()
                        }
                    }
                    VTextField {
                        id: pathField
                        objectName: "pathField"
                        mono: true
                        Layout.fillWidth: true
                        text: "/rest/companies?limit=5"
                        error: controller.errorPart === "path"
                    }
                }
                TabButtonBar {
                    id: requestTabs
                    objectName: "requestTabs"
                    Layout.fillWidth: true
                    tabs: [qsTr("Params"), qsTr("Body"), qsTr("Docs")]
                }
                StackLayout {
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    currentIndex: requestTabs.currentIndex

                    // Params: the structured filter editor, the filter text, order_by, limit, depth, cursors.
                    ScrollView {
                        id: paramsScroll
                        clip: true
                        contentWidth: availableWidth
                        ColumnLayout {
                            width: paramsScroll.availableWidth
                            RowLayout {
                                VText { text: qsTr("Filter on %1").arg(page.objectPlural); font.weight: Font.DemiBold }
                                Item { Layout.fillWidth: true }
                                VCheckBox {
                                    id: anyBox
                                    objectName: "anyBox"
                                    text: qsTr("Match any")
                                    onToggled: page.rebuildFilter()
                                }
                                VButton {
                                    objectName: "addCondition"
                                    text: qsTr("+ Condition")
                                    enabled: page.filterFieldList.length > 0
                                    onClicked: {
                                        const first = page.filterFieldList[0]
                                        filterRows.append({ "field": first.path, "comparator": first.comparators[0], "value": "" })
                                    }
                                }
                            }
                            Repeater {
                                id: conditionRepeater
                                objectName: "conditionRepeater"
                                model: filterRows
                                delegate: RowLayout {
                                    id: conditionRow
                                    required property int index
                                    required property string field
                                    required property string comparator
                                    required property string value
                                    readonly property var info: page.fieldInfo(field)
                                    Layout.fillWidth: true
                                    VComboBox {
                                        objectName: "conditionField"
                                        Layout.preferredWidth: 170
                                        model: page.filterFieldList.map(f => f.path)
                                        currentIndex: model.indexOf(conditionRow.field)
                                        onActivated: {
                                            filterRows.setProperty(conditionRow.index, "field", currentText)
                                            filterRows.setProperty(conditionRow.index, "comparator",
                                                                   page.fieldInfo(currentText).comparators[0])
                                            page.rebuildFilter()
                                        }
                                    }
                                    VComboBox {
                                        objectName: "conditionComparator"
                                        Layout.preferredWidth: 120
                                        model: conditionRow.info.comparators
                                        currentIndex: Math.max(0, conditionRow.info.comparators.indexOf(conditionRow.comparator))
                                        onActivated: {
                                            filterRows.setProperty(conditionRow.index, "comparator", currentText)
                                            page.rebuildFilter()
                                        }
                                    }
                                    VTextField {
                                        objectName: "conditionValue"
                                        Layout.fillWidth: true
                                        implicitWidth: 80
                                        mono: true
                                        text: conditionRow.value
                                        placeholderText: conditionRow.comparator === "is" ? "NULL / NOT_NULL" : conditionRow.info.type
                                        onTextEdited: {
                                            filterRows.setProperty(conditionRow.index, "value", text)
                                            page.rebuildFilter()
                                        }
                                    }
                                    VComboBox {
                                        objectName: "conditionOption"
                                        visible: conditionRow.info.options.length > 0
                                        Layout.preferredWidth: 110
                                        model: conditionRow.info.options
                                        displayText: qsTr("values")
                                        onActivated: {
                                            const list = ["in", "containsAny", "containsExactly"].indexOf(conditionRow.comparator) >= 0
                                            filterRows.setProperty(conditionRow.index, "value",
                                                                   list && conditionRow.value !== "" ? conditionRow.value + "," + currentText : currentText)
                                            page.rebuildFilter()
                                        }
                                    }
                                    VButton {
                                        text: "×"
                                        onClicked: {
                                            filterRows.remove(conditionRow.index)
                                            page.rebuildFilter()
                                        }
                                    }
                                }
                            }
                            RowLayout {
                                VText { text: "filter"; Layout.preferredWidth: 90 }
                                VTextField {
                                    id: filterField
                                    objectName: "filterField"
                                    mono: true
                                    Layout.fillWidth: true
                                    placeholderText: "name.firstName[ilike]:\"%a%\""
                                    error: filterError.text !== "" || controller.errorPart === "filter"
                                    onTextChanged: {
                                        filterError.text = controller.checkFilter(page.objectPlural, text)
                                        if (filterError.text === "")
                                            page.applyParameters()
                                    }
                                }
                            }
                            ErrorText { id: filterError; objectName: "filterError"; Layout.fillWidth: true }
                            ParameterRow {
                                id: orderByRow
                                objectName: "orderByRow"
                                name: "order_by"
                                placeholder: "name[AscNullsFirst],createdAt[DescNullsLast]"
                                hasError: controller.errorPart === "order_by"
                                onEdited: page.applyParameters()
                            }
                            ParameterRow {
                                id: limitRow
                                objectName: "limitRow"
                                name: "limit"
                                text: "5"
                                placeholder: "60"
                                hasError: controller.errorPart === "limit"
                                onEdited: page.applyParameters()
                            }
                            ParameterRow {
                                id: depthRow
                                objectName: "depthRow"
                                name: "depth"
                                placeholder: "0 or 1"
                                hasError: controller.errorPart === "depth"
                                onEdited: page.applyParameters()
                            }
                            ParameterRow {
                                id: startingAfterRow
                                objectName: "startingAfterRow"
                                name: "starting_after"
                                placeholder: qsTr("cursor")
                                hasError: controller.errorPart === "cursor"
                                onEdited: page.applyParameters()
                            }
                            ParameterRow {
                                id: endingBeforeRow
                                objectName: "endingBeforeRow"
                                name: "ending_before"
                                placeholder: qsTr("cursor")
                                hasError: controller.errorPart === "cursor"
                                onEdited: page.applyParameters()
                            }
                        }
                    }

                    // Body: JSON, pre-filled from the object's fields; the fields' types and select values below.
                    ColumnLayout {
                        RowLayout {
                            VButton {
                                objectName: "fillBody"
                                text: qsTr("Fill from %1's fields").arg(page.objectPlural)
                                onClicked: bodyArea.text = controller.bodyTemplate(page.objectPlural)
                            }
                        }
                        ScrollView {
                            Layout.fillWidth: true
                            Layout.fillHeight: true
                            TextArea {
                                id: bodyArea
                                objectName: "bodyArea"
                                font.family: Theme.monoFamily
                                placeholderText: qsTr("JSON body")
                                background: Rectangle {
                                    color: Theme.inputBackground
                                    border.width: 1
                                    border.color: controller.errorPart === "body" ? Theme.danger : Theme.border
                                    radius: Theme.radius
                                }
                            }
                        }
                        ErrorText { objectName: "bodyError"; Layout.fillWidth: true; text: controller.jsonError(bodyArea.text) }
                        Text {
                            Layout.fillWidth: true
                            Layout.maximumHeight: 90
                            clip: true
                            text: page.filterFieldList.map(f => f.path + ": " + f.type + (f.options.length ? " (" + f.options.join("|") + ")" : "")).join(" · ")
                            wrapMode: Text.Wrap
                            font.pixelSize: 11
                            color: Theme.textSecondary
                        }
                    }

                    // Docs: the picked operation's description, parameters and schemas.
                    ScrollView {
                        id: docsScroll
                        clip: true
                        contentWidth: availableWidth
                        ColumnLayout {
                            width: docsScroll.availableWidth
                            VText { id: docsText; objectName: "docsText"; Layout.fillWidth: true; wrapMode: Text.Wrap; text: qsTr("Pick an endpoint in the explorer to see its documentation.") }
                            VText { text: qsTr("Parameters"); font.weight: Font.DemiBold; visible: docsParameters.text !== "" }
                            Text { id: docsParameters; Layout.fillWidth: true; wrapMode: Text.Wrap; font.family: Theme.monoFamily; font.pixelSize: 11; color: Theme.text }
                            VText { text: qsTr("Request body"); font.weight: Font.DemiBold; visible: docsRequest.text !== "" }
                            Text { id: docsRequest; Layout.fillWidth: true; wrapMode: Text.Wrap; font.family: Theme.monoFamily; font.pixelSize: 11; color: Theme.text }
                            VText { text: qsTr("Response"); font.weight: Font.DemiBold; visible: docsResponse.text !== "" }
                            Text { id: docsResponse; objectName: "docsResponse"; Layout.fillWidth: true; wrapMode: Text.Wrap; font.family: Theme.monoFamily; font.pixelSize: 11; color: Theme.text }
                        }
                    }
                }
            }

            // GraphQL editor.
            GraphQLEditor {
                id: graphqlEditor
                controller: page.controllerObject
                active: page.mode === "graphql"
                visible: active
                Layout.fillWidth: true
                Layout.fillHeight: true
            }
        }

        // ---- Right: the response ----
        ResponsePane {
            Layout.preferredWidth: 300
            Layout.minimumWidth: 300
            Layout.maximumWidth: 300
            Layout.fillHeight: true
            controller: page.controllerObject
            onCopyRequested: language => page.controllerObject.copyToClipboard(page.currentSnippet(language))
        }
    }
}
