pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Templates as T
import QtQuick.Layouts
import Vingt.Gui
import Vingt.Theme
import Vingt.Components

// + Add field / Edit field: a type picker grid, then the type's own settings (UI.md "Data model"): select options
// with colours and order, relation target and direction with a live sentence, currency code, number decimals, date
// display, text rows. The service's errors show under the input they are about (DataModelController.failed).
Dialog {
    id: dialog
    objectName: "fieldEditor"
    property string objectId
    property string objectLabel
    property string fieldId                 // empty: a new field
    property string type
    property bool nameEdited: false
    property var errors: ({})
    readonly property bool creating: fieldId.length === 0
    readonly property bool hasOptions: type === "SELECT" || type === "MULTI_SELECT"
    readonly property string relationTargetLabel: targetCombo.currentIndex >= 0 ? targetCombo.currentText : ""

    modal: true
    anchors.centerIn: T.Overlay.overlay
    width: 600
    height: Math.min(implicitHeight, (T.Overlay.overlay?.height ?? 800) - 80)
    padding: 20
    focus: true
    closePolicy: Popup.CloseOnEscape
    T.Overlay.modal: Rectangle { color: Theme.overlay }
    background: Rectangle { radius: Theme.radiusLarge; color: Theme.background; border.color: Theme.border }
    header: Item {}
    footer: Item {}

    /// Opens the type picker for a new field of `objectId`.
    function addField(objectId: string, objectLabel: string) {
        dialog.objectId = objectId
        dialog.objectLabel = objectLabel
        fieldId = ""
        type = ""
        reset()
        open()
    }
    /// Opens the settings of an existing field (a row of DataModelController.fields).
    function editField(objectLabel: string, field: var) {
        dialog.objectLabel = objectLabel
        fieldId = field.id
        type = field.type
        reset()
        labelField.text = field.label
        nameField.text = field.name
        nameEdited = true
        descriptionField.text = field.description ?? ""
        requiredBox.checked = field.isRequired
        uniqueBox.checked = field.isUnique
        const settings = field.settings ?? {}
        decimalsBox.value = settings.decimals ?? 0
        dataTypeCombo.currentIndex = Math.max(0, dataTypeCombo.indexOfValue(settings.dataType ?? "float"))
        dateFormatCombo.currentIndex = Math.max(0, dateFormatCombo.indexOfValue(settings.displayFormat ?? "USER_SETTINGS"))
        maxRowsBox.value = settings.displayedMaxRows ?? 0
        const code = ((field.defaultValue ?? {}).currencyCode ?? "").replace(/'/g, "")
        currencyCombo.currentIndex = Math.max(0, currencyCombo.indexOfValue(code.length > 0 ? code : "USD"))
        for (const option of field.options ?? [])
            options.append({ optionId: option.id, value: option.value, label: option.label, color: option.color || "gray", valueEdited: true })
        open()
        labelField.forceActiveFocus()
    }
    function reset() {
        errors = {}
        nameEdited = false
        labelField.text = ""
        nameField.text = ""
        descriptionField.text = ""
        requiredBox.checked = false
        uniqueBox.checked = false
        decimalsBox.value = 0
        dataTypeCombo.currentIndex = 1
        dateFormatCombo.currentIndex = 0
        maxRowsBox.value = 0
        currencyCombo.currentIndex = 0
        targetCombo.currentIndex = -1
        directionCombo.currentIndex = 0
        inverseField.text = ""
        onDeleteCombo.currentIndex = 0
        options.clear()
    }
    function canBeUnique(t: string): bool {
        switch (t) {
        case "RELATION": case "BOOLEAN": case "RAW_JSON": case "MULTI_SELECT": case "ARRAY": case "RATING": case "SELECT":
            return false
        default:
            return true
        }
    }
    function pickType(picked: string) {
        type = picked
        if (hasOptions && options.count === 0) {
            addOption(qsTr("Option 1"))
            addOption(qsTr("Option 2"))
        }
        labelField.forceActiveFocus()
    }
    function addOption(label: string) {
        options.append({ optionId: "", value: DataModelController.optionValueFromLabel(label), label: label,
                         color: Theme.tagColorNames[options.count % Theme.tagColorNames.length], valueEdited: false })
    }
    function optionList(): var {
        const list = []
        for (let i = 0; i < options.count; ++i) {
            const o = options.get(i)
            const option = { value: o.value, label: o.label, color: o.color, position: i }
            if (o.optionId.length > 0)
                option.id = o.optionId
            list.push(option)
        }
        return list
    }
    function settings(): var {
        if (type === "NUMBER")
            return { dataType: dataTypeCombo.currentValue, decimals: decimalsBox.value }
        if (type === "DATE_TIME" || type === "DATE")
            return { displayFormat: dateFormatCombo.currentValue }
        if (type === "TEXT")
            return maxRowsBox.value > 0 ? { displayedMaxRows: maxRowsBox.value } : null
        if (type === "RELATION" && directionCombo.currentValue === "MANY_TO_ONE")
            return { onDelete: onDeleteCombo.currentValue }
        return null
    }
    function submit() {
        if (DataModelController.busy || type.length === 0)
            return
        errors = {}
        const input = { label: labelField.text, name: nameField.text, description: descriptionField.text,
                        isNullable: !requiredBox.checked, isUnique: uniqueBox.checked }
        const s = settings()
        if (s !== null)
            input.settings = s
        if (hasOptions)
            input.options = optionList()
        if (type === "CURRENCY")
            input.defaultValue = { amountMicros: null, currencyCode: "'" + currencyCombo.currentValue + "'" }
        if (creating) {
            input.objectMetadataId = objectId
            input.type = type
            if (type === "RELATION") {
                input.relationCreationPayload = {
                    targetObjectMetadataId: targetCombo.currentValue ?? "", type: directionCombo.currentValue,
                    targetFieldLabel: inverseField.text
                }
            }
            DataModelController.createField(input)
        } else {
            DataModelController.updateField(fieldId, input)
        }
    }

    Connections {
        target: DataModelController
        function onEdited(what: string, id: string) {
            if (dialog.visible && (what === "createField" || what === "updateField"))
                dialog.close()
        }
        function onFailed(what: string, message: string, input: string) {
            if (!dialog.visible || (what !== "createField" && what !== "updateField"))
                return
            const copy = {}
            copy[input.length > 0 ? input : "general"] = message
            dialog.errors = copy
        }
    }
    Shortcut {
        sequences: ["Return", "Enter"]
        enabled: dialog.visible && dialog.type.length > 0
        onActivated: dialog.submit()
    }
    ListModel { id: options }

    ScrollView {
        id: scroll
        width: dialog.availableWidth
        height: dialog.availableHeight
        contentWidth: availableWidth
        implicitHeight: form.implicitHeight
        ScrollBar.horizontal.policy: ScrollBar.AlwaysOff
        ColumnLayout {
            id: form
            width: scroll.availableWidth
            spacing: 12
            VText {
                text: dialog.creating ? qsTr("Add a field to %1").arg(dialog.objectLabel) : qsTr("Edit %1").arg(labelField.text)
                font.pixelSize: Theme.fontSizeSection + 2
                font.weight: Font.DemiBold
            }

            // Step 1: the type picker grid.
            GridLayout {
                visible: dialog.type.length === 0
                Layout.fillWidth: true
                columns: 3
                columnSpacing: 8
                rowSpacing: 8
                Repeater {
                    model: DataModelController.fieldTypes
                    delegate: VButton {
                        required property string modelData
                        objectName: "type-" + modelData
                        Layout.fillWidth: true
                        text: modelData === "RAW_JSON" ? "JSON" : modelData.charAt(0) + modelData.slice(1).toLowerCase().replace(/_/g, " ")
                        onClicked: dialog.pickType(modelData)
                    }
                }
            }

            // Step 2: the field's own settings.
            ColumnLayout {
                visible: dialog.type.length > 0
                Layout.fillWidth: true
                spacing: 12
                RowLayout {
                    spacing: 8
                    Glyph { name: dialog.type }
                    VText { text: dialog.type; mono: true; secondary: true; font.pixelSize: Theme.fontSizeSmall }
                    VButton {
                        visible: dialog.creating
                        variant: "ghost"
                        height: 24
                        text: qsTr("Change type")
                        onClicked: dialog.type = ""
                    }
                }
                GridLayout {
                    Layout.fillWidth: true
                    columns: 2
                    columnSpacing: 12
                    rowSpacing: 4
                    VText { text: qsTr("Label"); secondary: true }
                    VText { text: qsTr("API name"); secondary: true }
                    VTextField {
                        id: labelField
                        objectName: "fieldLabel"
                        Layout.fillWidth: true
                        placeholderText: qsTr("e.g. Due date")
                        error: (dialog.errors["label"] ?? "").length > 0
                        onTextEdited: if (!dialog.nameEdited) nameField.text = DataModelController.apiNameFromLabel(text)
                    }
                    VTextField {
                        id: nameField
                        objectName: "fieldName"
                        Layout.fillWidth: true
                        mono: true
                        error: (dialog.errors["name"] ?? "").length > 0
                        onTextEdited: dialog.nameEdited = true
                    }
                    ErrorText { Layout.fillWidth: true; text: dialog.errors["label"] ?? "" }
                    ErrorText { Layout.fillWidth: true; Layout.column: 1; text: dialog.errors["name"] ?? "" }
                }
                VTextField {
                    id: descriptionField
                    Layout.fillWidth: true
                    placeholderText: qsTr("Description (optional)")
                    error: (dialog.errors["description"] ?? "").length > 0
                }
                ErrorText { Layout.fillWidth: true; text: dialog.errors["description"] ?? "" }
                RowLayout {
                    spacing: 24
                    VCheckBox { id: requiredBox; objectName: "fieldRequired"; text: qsTr("Required") }
                    VCheckBox {
                        id: uniqueBox
                        objectName: "fieldUnique"
                        text: qsTr("Unique")
                        visible: dialog.canBeUnique(dialog.type)
                    }
                }
                ErrorText { Layout.fillWidth: true; text: dialog.errors["isUnique"] ?? dialog.errors["isNullable"] ?? "" }

                // NUMBER: storage type and decimals.
                RowLayout {
                    visible: dialog.type === "NUMBER"
                    spacing: 12
                    VText { text: qsTr("Stored as"); secondary: true }
                    VComboBox {
                        id: dataTypeCombo
                        implicitWidth: 140
                        textRole: "text"
                        valueRole: "value"
                        model: [{ text: qsTr("Integer"), value: "int" }, { text: qsTr("Decimal"), value: "float" }, { text: qsTr("Big integer"), value: "bigint" }]
                    }
                    VText { text: qsTr("Decimals"); secondary: true }
                    SpinBox { id: decimalsBox; objectName: "fieldDecimals"; from: 0; to: 10; editable: true }
                }
                // CURRENCY: the default currency code.
                RowLayout {
                    visible: dialog.type === "CURRENCY"
                    spacing: 12
                    VText { text: qsTr("Currency"); secondary: true }
                    VComboBox {
                        id: currencyCombo
                        objectName: "fieldCurrency"
                        implicitWidth: 140
                        model: ["USD", "EUR", "GBP", "JPY", "CHF", "CAD", "AUD", "CNY", "INR", "BRL", "SEK", "NOK", "DKK", "PLN"]
                    }
                }
                // DATE / DATE_TIME: how dates display.
                RowLayout {
                    visible: dialog.type === "DATE_TIME" || dialog.type === "DATE"
                    spacing: 12
                    VText { text: qsTr("Display"); secondary: true }
                    VComboBox {
                        id: dateFormatCombo
                        implicitWidth: 220
                        textRole: "text"
                        valueRole: "value"
                        model: [{ text: qsTr("As in user settings"), value: "USER_SETTINGS" }, { text: qsTr("Relative (2 days ago)"), value: "RELATIVE" }]
                    }
                }
                // TEXT: rows shown in a record view (0 = all).
                RowLayout {
                    visible: dialog.type === "TEXT"
                    spacing: 12
                    VText { text: qsTr("Rows shown (0 = all)"); secondary: true }
                    SpinBox { id: maxRowsBox; from: 0; to: 99; editable: true }
                }
                ErrorText { Layout.fillWidth: true; text: dialog.errors["settings"] ?? dialog.errors["defaultValue"] ?? "" }

                // SELECT / MULTI_SELECT: options with colour, label, value and order.
                ColumnLayout {
                    visible: dialog.hasOptions
                    Layout.fillWidth: true
                    spacing: 4
                    VText { text: qsTr("Options"); secondary: true }
                    Repeater {
                        model: options
                        delegate: RowLayout {
                            id: optionRow
                            required property int index
                            required property string label
                            required property string value
                            required property string color
                            required property bool valueEdited
                            objectName: "option-" + index
                            Layout.fillWidth: true
                            spacing: 6
                            // The colour swatch: click for the next colour of the palette.
                            Rectangle {
                                objectName: "optionColor"
                                implicitWidth: 20
                                implicitHeight: 20
                                radius: Theme.radius
                                color: Theme.tagColor(optionRow.color)
                                activeFocusOnTab: true
                                border.width: activeFocus ? 2 : 0
                                border.color: Theme.accent
                                function next() {
                                    const names = Theme.tagColorNames
                                    options.setProperty(optionRow.index, "color", names[(names.indexOf(optionRow.color) + 1) % names.length])
                                }
                                Keys.onSpacePressed: next()
                                MouseArea { anchors.fill: parent; cursorShape: Qt.PointingHandCursor; onClicked: parent.next() }
                                ToolTip.visible: swatchHover.hovered
                                ToolTip.text: optionRow.color
                                HoverHandler { id: swatchHover }
                            }
                            VTextField {
                                objectName: "optionLabel"
                                Layout.fillWidth: true
                                text: optionRow.label
                                onTextEdited: {
                                    options.setProperty(optionRow.index, "label", text)
                                    if (!optionRow.valueEdited)
                                        options.setProperty(optionRow.index, "value", DataModelController.optionValueFromLabel(text))
                                }
                            }
                            VTextField {
                                objectName: "optionValue"
                                implicitWidth: 170
                                mono: true
                                text: optionRow.value
                                onTextEdited: {
                                    options.setProperty(optionRow.index, "value", text)
                                    options.setProperty(optionRow.index, "valueEdited", true)
                                }
                            }
                            VButton { variant: "ghost"; text: "↑"; enabled: optionRow.index > 0; onClicked: options.move(optionRow.index, optionRow.index - 1, 1) }
                            VButton { variant: "ghost"; text: "↓"; enabled: optionRow.index < options.count - 1; onClicked: options.move(optionRow.index, optionRow.index + 1, 1) }
                            VButton { variant: "ghost"; text: "✕"; enabled: options.count > 1; onClicked: options.remove(optionRow.index) }
                        }
                    }
                    VButton {
                        objectName: "addOptionButton"
                        variant: "ghost"
                        text: qsTr("+ Add option")
                        onClicked: dialog.addOption(qsTr("Option %1").arg(options.count + 1))
                    }
                    ErrorText { Layout.fillWidth: true; text: dialog.errors["options"] ?? "" }
                }

                // RELATION: target, direction, the inverse field, with a live sentence.
                GridLayout {
                    visible: dialog.type === "RELATION"
                    enabled: dialog.creating
                    Layout.fillWidth: true
                    columns: 2
                    columnSpacing: 12
                    rowSpacing: 8
                    VText { text: qsTr("Related object"); secondary: true }
                    VComboBox {
                        id: targetCombo
                        objectName: "relationTarget"
                        Layout.fillWidth: true
                        model: DataModelController.objects
                        textRole: "labelSingular"
                        valueRole: "itemId"
                        onActivated: if (inverseField.text.length === 0) inverseField.text = dialog.objectLabel
                    }
                    VText { text: qsTr("Direction"); secondary: true }
                    VComboBox {
                        id: directionCombo
                        objectName: "relationDirection"
                        Layout.fillWidth: true
                        textRole: "text"
                        valueRole: "value"
                        model: [{ text: qsTr("Many to one (belongs to)"), value: "MANY_TO_ONE" }, { text: qsTr("One to many (has many)"), value: "ONE_TO_MANY" }]
                    }
                    VText { text: qsTr("Field on the other side"); secondary: true }
                    VTextField { id: inverseField; objectName: "relationInverse"; Layout.fillWidth: true; placeholderText: dialog.objectLabel }
                    VText { visible: directionCombo.currentValue === "MANY_TO_ONE"; text: qsTr("When deleted"); secondary: true }
                    VComboBox {
                        id: onDeleteCombo
                        visible: directionCombo.currentValue === "MANY_TO_ONE"
                        Layout.fillWidth: true
                        textRole: "text"
                        valueRole: "value"
                        model: [{ text: qsTr("Clear the link (SET NULL)"), value: "SET_NULL" }, { text: qsTr("Delete this record too (CASCADE)"), value: "CASCADE" }, { text: qsTr("Refuse the delete (RESTRICT)"), value: "RESTRICT" }]
                    }
                }
                VText {
                    objectName: "relationSentence"
                    visible: dialog.type === "RELATION" && dialog.relationTargetLabel.length > 0
                    Layout.fillWidth: true
                    wrapMode: Text.WordWrap
                    elide: Text.ElideNone
                    text: directionCombo.currentValue === "MANY_TO_ONE"
                          ? qsTr("Each %1 has one %2; each %2 has many %3.").arg(dialog.objectLabel).arg(dialog.relationTargetLabel).arg(dialog.objectLabel)
                          : qsTr("Each %1 has many %2; each %2 has one %1.").arg(dialog.objectLabel).arg(dialog.relationTargetLabel)
                }
                ErrorText { Layout.fillWidth: true; text: dialog.errors["relation"] ?? "" }
            }

            ErrorText { Layout.fillWidth: true; text: dialog.errors["general"] ?? "" }
            RowLayout {
                Layout.topMargin: 8
                Layout.fillWidth: true
                spacing: 8
                BusyIndicator { running: DataModelController.busy; visible: running; implicitWidth: 24; implicitHeight: 24 }
                VText { visible: DataModelController.busy; text: qsTr("Updating the table…"); secondary: true }
                Item { Layout.fillWidth: true }
                VButton { text: qsTr("Cancel"); onClicked: dialog.close() }
                VButton {
                    objectName: "saveFieldButton"
                    visible: dialog.type.length > 0
                    enabled: !DataModelController.busy && labelField.text.length > 0
                    text: dialog.creating ? qsTr("Add field") : qsTr("Save")
                    variant: "primary"
                    onClicked: dialog.submit()
                }
            }
        }
    }
}
