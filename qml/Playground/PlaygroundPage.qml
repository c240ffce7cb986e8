import QtQuick
import QtQuick.Layouts
import Vingt.Theme
import Vingt.Components

// Placeholder: the API playground arrives with its own issue.
SettingsPage {
    objectName: "playgroundPage"
    title: qsTr("Playground")
    description: qsTr("Try the REST and GraphQL APIs of this workspace with one of your keys.")
    Card {
        Layout.fillWidth: true
        implicitHeight: empty.implicitHeight
        EmptyState {
            id: empty
            width: parent.width
            title: qsTr("The playground is coming")
            text: qsTr("An explorer of objects and operations, a request editor and a response viewer arrive with the playground issue. Meanwhile, use curl with a key from APIs & Webhooks.")
        }
    }
}
