pragma ComponentBehavior: Bound
import QtQuick
import Vingt.Theme

// Bars of a small series (e.g. requests per hour over 24 hours).
Item {
    id: spark
    property var values: []
    implicitWidth: 240
    implicitHeight: 32
    readonly property real maxValue: Math.max(1, ...values)
    Row {
        anchors.fill: parent
        spacing: 2
        Repeater {
            model: spark.values
            delegate: Item {
                required property var modelData
                width: spark.values.length > 0 ? (spark.width - 2 * (spark.values.length - 1)) / spark.values.length : 0
                height: spark.height
                Rectangle {
                    anchors.bottom: parent.bottom
                    width: parent.width
                    height: Math.max(2, parent.height * parent.modelData / spark.maxValue)
                    radius: 1
                    color: parent.modelData > 0 ? Theme.accent : Theme.border
                }
            }
        }
    }
}
