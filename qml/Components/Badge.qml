import QtQuick
import Vingt.Theme

// A small pill: tone "neutral", "accent", "success", "warning" or "danger".
Rectangle {
    id: badge
    property string text
    property string tone: "neutral"
    implicitWidth: label.implicitWidth + 12
    implicitHeight: 20
    radius: Theme.radius
    color: tone === "accent" ? Theme.accentSoft : tone === "success" ? Theme.successSoft
         : tone === "warning" ? Theme.warningSoft : tone === "danger" ? Theme.dangerSoft : Theme.hover
    Text {
        id: label
        anchors.centerIn: parent
        text: badge.text
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontSizeSmall
        font.weight: Font.Medium
        color: badge.tone === "accent" ? Theme.accent : badge.tone === "success" ? Theme.success
             : badge.tone === "warning" ? Theme.warningText : badge.tone === "danger" ? Theme.danger
             : Theme.textSecondary
    }
}
