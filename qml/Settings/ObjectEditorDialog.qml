import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Templates as T
import QtQuick.Layouts
import Vingt.Gui
import Vingt.Theme
import Vingt.Components

// + New object / Edit object: labels, API names (derived from the labels until edited), description and icon.
// Errors from the metadata service show under the input they are about.
Dialog {
    id: dialog
    objectName: "objectEditor"
    property string objectId            // empty: a new object
    property bool namesEdited: false
    property var errors: ({})
    readonly property bool creating: objectId.length === 0

    modal: true
    anchors.centerIn: T.Overlay.overlay
    width: 560
    padding: 20
    focus: true
    closePolicy: Popup.CloseOnEscape
    T.Overlay.modal: Rectangle { color: Theme.overlay }
    background: Rectangle { radius: Theme.radiusLarge; color: Theme.background; border.color: Theme.border }
    header: Item {}
    footer: Item {}

    function createObject() {
        objectId = ""
        fill({})
        namesEdited = false
        open()
        singularField.forceActiveFocus()
    }
    /// `object`: DataModelController.object (or a row of its objects).
    function editObject(object: var) {
        objectId = object.id
        fill(object)
        namesEdited = true
        open()
        singularField.forceActiveFocus()
    }
    function fill(object: var) {
        errors = {}
        singularField.text = object.labelSingular ?? ""
        pluralField.text = object.label ?? ""
        nameSingularField.text = object.nameSingular ?? ""
        namePluralField.text = object.namePlural ?? ""
        descriptionField.text = object.description ?? ""
        iconField.text = object.icon ?? "IconBox"
    }
    function submit() {
        if (DataModelController.busy)
            return
        errors = {}
        const input = { labelSingular: singularField.text, labelPlural: pluralField.text,
                        nameSingular: nameSingularField.text, namePlural: namePluralField.text,
                        description: descriptionField.text, icon: iconField.text }
        if (creating)
            DataModelController.createObject(input)
        else
            DataModelController.updateObject(objectId, input)
    }

    Connections {
        target: DataModelController
        function onEdited(what: string, id: string) {
            if (dialog.visible && (what === "createObject" || what === "updateObject"))
                dialog.close()
        }
        function onFailed(what: string, message: string, input: string) {
            if (!dialog.visible || (what !== "createObject" && what !== "updateObject"))
                return
            const copy = {}
            copy[input.length > 0 ? input : "general"] = message
            dialog.errors = copy
        }
    }
    Shortcut {
        sequences: ["Return", "Enter"]
        enabled: dialog.visible
        onActivated: dialog.submit()
    }

    ColumnLayout {
        width: dialog.availableWidth
        spacing: 8
        VText {
            text: dialog.creating ? qsTr("New object") : qsTr("Edit %1").arg(pluralField.text)
            font.pixelSize: Theme.fontSizeSection + 2
            font.weight: Font.DemiBold
        }
        GridLayout {
            Layout.fillWidth: true
            columns: 2
            columnSpacing: 12
            rowSpacing: 4
            VText { text: qsTr("Singular label"); secondary: true }
            VText { text: qsTr("Plural label"); secondary: true }
            VTextField {
                id: singularField
                objectName: "objectLabelSingular"
                Layout.fillWidth: true
                placeholderText: qsTr("e.g. Invoice")
                error: (dialog.errors["labelSingular"] ?? "").length > 0
                onTextEdited: if (!dialog.namesEdited) nameSingularField.text = DataModelController.apiNameFromLabel(text)
            }
            VTextField {
                id: pluralField
                objectName: "objectLabelPlural"
                Layout.fillWidth: true
                placeholderText: qsTr("e.g. Invoices")
                error: (dialog.errors["labelPlural"] ?? "").length > 0
                onTextEdited: if (!dialog.namesEdited) namePluralField.text = DataModelController.apiNameFromLabel(text)
            }
            ErrorText { Layout.fillWidth: true; text: dialog.errors["labelSingular"] ?? "" }
            ErrorText { Layout.fillWidth: true; Layout.column: 1; text: dialog.errors["labelPlural"] ?? "" }
            VText { text: qsTr("API name (singular)"); secondary: true }
            VText { text: qsTr("API name (plural)"); secondary: true }
            VTextField {
                id: nameSingularField
                objectName: "objectNameSingular"
                Layout.fillWidth: true
                mono: true
                error: (dialog.errors["nameSingular"] ?? "").length > 0
                onTextEdited: dialog.namesEdited = true
            }
            VTextField {
                id: namePluralField
                objectName: "objectNamePlural"
                Layout.fillWidth: true
                mono: true
                error: (dialog.errors["namePlural"] ?? "").length > 0
                onTextEdited: dialog.namesEdited = true
            }
            ErrorText { Layout.fillWidth: true; text: dialog.errors["nameSingular"] ?? "" }
            ErrorText { Layout.fillWidth: true; Layout.column: 1; text: dialog.errors["namePlural"] ?? "" }
        }
        VText {
            Layout.fillWidth: true
            text: qsTr("Served at /rest/%1 and in GraphQL.").arg(namePluralField.text)
            secondary: true
            font.pixelSize: Theme.fontSizeSmall
        }
        VTextField {
            id: descriptionField
            Layout.fillWidth: true
            placeholderText: qsTr("Description (optional)")
            error: (dialog.errors["description"] ?? "").length > 0
        }
        ErrorText { Layout.fillWidth: true; text: dialog.errors["description"] ?? "" }
        RowLayout {
            spacing: 8
            VText { text: qsTr("Icon"); secondary: true }
            Glyph { name: iconField.text }
            VTextField { id: iconField; implicitWidth: 220; mono: true; placeholderText: "IconBox" }
        }
        ErrorText { Layout.fillWidth: true; text: dialog.errors["icon"] ?? dialog.errors["general"] ?? "" }
        RowLayout {
            Layout.topMargin: 8
            Layout.fillWidth: true
            spacing: 8
            BusyIndicator { running: DataModelController.busy; visible: running; implicitWidth: 24; implicitHeight: 24 }
            Item { Layout.fillWidth: true }
            VButton { text: qsTr("Cancel"); onClicked: dialog.close() }
            VButton {
                objectName: "saveObjectButton"
                text: dialog.creating ? qsTr("Create object") : qsTr("Save")
                variant: "primary"
                enabled: !DataModelController.busy && singularField.text.length > 0 && pluralField.text.length > 0
                onClicked: dialog.submit()
            }
        }
    }
}
