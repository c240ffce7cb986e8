#pragma once

#include <QObject>
#include <QRect>
#include <QTimer>
#include <QWindow>
#include <QtDBus/QDBusVariant>
#include <QtQml/qqmlregistration.h>

class QQmlEngine;
class QJSEngine;

namespace vingt::gui {

/// @brief Desktop integration for the QML shell: clipboard, remembered window geometry and last page (QSettings), and
/// the colour scheme: the user's Light / Dark / System choice, System following the XDG desktop portal
/// (`org.freedesktop.appearance` `color-scheme`, live) with the palette's lightness as fallback (DECISIONS).
class Desktop : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(QString themeChoice READ themeChoice WRITE setThemeChoice NOTIFY themeChanged)
    Q_PROPERTY(bool dark READ dark NOTIFY themeChanged)
    Q_PROPERTY(bool systemDark READ systemDark NOTIFY themeChanged)
    Q_PROPERTY(QString lastPage READ lastPage WRITE setLastPage NOTIFY lastPageChanged)
    Q_PROPERTY(bool screenshotMode READ screenshotMode CONSTANT)

public:
    explicit Desktop(QObject *parent = nullptr);
    static Desktop *create(QQmlEngine *, QJSEngine *) { return new Desktop; }

    /// Set by main before QML starts: a page to open instead of the last one, and whether this run only renders it
    /// (then nothing is remembered).
    static void setStartPage(const QString &page, bool screenshot, const QString &theme = {});

    [[nodiscard]] const QString &themeChoice() const { return m_choice; }
    void setThemeChoice(const QString &choice);
    [[nodiscard]] bool dark() const;
    [[nodiscard]] bool systemDark() const { return m_systemDark; }
    [[nodiscard]] const QString &lastPage() const { return m_lastPage; }
    void setLastPage(const QString &page);
    /// Gives `window` its remembered size and position (1280x800 centred the first time, or when the saved place is
    /// on no screen any more) and remembers them as they change. Screenshot runs keep 1280x800 and save nothing.
    Q_INVOKABLE void rememberGeometry(QWindow *window);
    [[nodiscard]] bool screenshotMode() const;

    Q_INVOKABLE static void copyToClipboard(const QString &text);

Q_SIGNALS:
    void themeChanged();
    void lastPageChanged();

private Q_SLOTS:
    void portalSettingChanged(const QString &group, const QString &key, const QDBusVariant &value);

private:
    void readPortal();
    void setSystemDark(bool dark);

    QString m_choice;
    bool m_systemDark = false;
    QString m_lastPage;
    QTimer m_saveGeometry;
};

} // namespace vingt::gui
