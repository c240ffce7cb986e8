import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Vingt.Gui
import Vingt.Theme
import Vingt.Settings
import Vingt.Playground

// The window: sidebar of sections on the left, the section's page stack on the right.
ApplicationWindow {
    id: window
    width: 1280
    height: 800
    minimumWidth: 900
    minimumHeight: 560
    visible: true
    title: qsTr("Vingt")
    color: Theme.background
    font.family: Theme.fontFamily
    font.pixelSize: Theme.fontSize

    property string section: ""
    readonly property var sections: ["general", "data-model", "roles", "api-keys", "playground"]

    function openSection(key: string) {
        if (sections.indexOf(key) < 0)
            key = "api-keys"
        section = key
        Desktop.lastPage = key
        const pages = {
            "general": generalPage, "data-model": dataModelPage, "roles": rolesPage,
            "api-keys": apiKeysPage, "playground": playgroundPage
        }
        stack.replace(null, pages[key], {}, StackView.Immediate)
        stack.currentItem.forceActiveFocus()
    }

    Component.onCompleted: {
        Desktop.rememberGeometry(window)
        const start = Desktop.lastPage
        if (start === "api-key-created") {
            openSection("api-keys")
            stack.push(apiKeyCreatePage, { demo: true }, StackView.Immediate)
        } else if (start === "role-editor") {
            openSection("roles")
            stack.push(roleEditorPage, { roleLabel: "Member" }, StackView.Immediate)
        } else if (start === "webhook") {
            openSection("api-keys")
            stack.push(webhookDetailPage, { demo: true }, StackView.Immediate)
        } else if (start === "object-fields" || start === "add-field") {
            openSection("data-model")
            stack.push(objectPage, { apiName: "company" }, StackView.Immediate)
            if (start === "add-field")
                (stack.currentItem as ObjectPage).addField("SELECT")
        } else if (start === "playground-graphql") {
            openSection("playground")
            const playground = stack.currentItem as PlaygroundPage
            playground.mode = "graphql"
        } else {
            openSection(start)
        }
    }

    Shortcut {
        sequence: "Escape"
        enabled: stack.depth > 1
        onActivated: stack.pop()
    }
    Shortcut { sequence: "Ctrl+1"; onActivated: window.openSection("general") }
    Shortcut { sequence: "Ctrl+2"; onActivated: window.openSection("data-model") }
    Shortcut { sequence: "Ctrl+3"; onActivated: window.openSection("roles") }
    Shortcut { sequence: "Ctrl+4"; onActivated: window.openSection("api-keys") }
    Shortcut { sequence: "Ctrl+5"; onActivated: window.openSection("playground") }

    Component { id: generalPage; GeneralPage {} }
    Component { id: dataModelPage; DataModelPage {} }
    Component { id: objectPage; ObjectPage {} }
    Component { id: rolesPage; RolesPage {} }
    Component { id: roleEditorPage; RoleEditorPage {} }
    Component { id: apiKeysPage; ApiKeysPage {} }
    Component { id: apiKeyCreatePage; ApiKeyCreatePage {} }
    Component { id: webhookDetailPage; WebhookDetailPage {} }
    Component { id: playgroundPage; PlaygroundPage {} }

    RowLayout {
        anchors.fill: parent
        spacing: 0
        Sidebar {
            Layout.fillHeight: true
            Layout.preferredWidth: Theme.sidebarWidth
            current: window.section
            onSectionClicked: key => window.openSection(key)
        }
        Rectangle {
            Layout.fillHeight: true
            Layout.preferredWidth: 1
            color: Theme.border
        }
        StackView {
            id: stack
            objectName: "pageStack"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            pushEnter: Transition {}
            pushExit: Transition {}
            popEnter: Transition {}
            popExit: Transition {}
            replaceEnter: Transition {}
            replaceExit: Transition {}
        }
    }
}
