import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Vingt.Theme

// A content page: a scrolling, centred column of at most Theme.contentWidth, with a PageHeader on top.
// Children go into the column. `crumbs` parents pop the StackView back to that level.
FocusScope {
    id: page
    property alias crumbs: pageHeader.crumbs
    property alias title: pageHeader.title
    property alias description: pageHeader.description
    property alias headerActions: pageHeader.actions
    default property alias content: column.data
    readonly property int columnWidth: column.width

    Rectangle {
        anchors.fill: parent
        color: Theme.background
    }
    ScrollView {
        id: scroll
        anchors.fill: parent
        contentWidth: availableWidth
        ScrollBar.horizontal.policy: ScrollBar.AlwaysOff
        Item {
            width: scroll.availableWidth
            implicitHeight: outer.implicitHeight + 80
            ColumnLayout {
                id: outer
                x: Math.max(32, (parent.width - width) / 2)
                y: 40
                width: Math.min(Theme.contentWidth, parent.width - 64)
                spacing: 24
                PageHeader {
                    id: pageHeader
                    Layout.fillWidth: true
                    onCrumbClicked: depth => {
                        const view = page.StackView.view
                        if (view)
                            view.pop(view.get(depth))
                    }
                }
                ColumnLayout {
                    id: column
                    Layout.fillWidth: true
                    spacing: 24
                }
            }
        }
    }
}
