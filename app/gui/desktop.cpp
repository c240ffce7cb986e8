#include "gui/desktop.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QPalette>
#include <QPointer>
#include <QScreen>
#include <QSettings>
#include <QWindow>
#include <QtDBus/QDBusConnection>
#include <QtDBus/QDBusMessage>
#include <QtDBus/QDBusPendingCallWatcher>
#include <QtDBus/QDBusPendingReply>

namespace vingt::gui {

using namespace Qt::StringLiterals;

namespace {

QString g_startPage;
bool g_screenshot = false;
QString g_theme;

const auto kPortalService = u"org.freedesktop.portal.Desktop"_s;
const auto kPortalPath = u"/org/freedesktop/portal/desktop"_s;
const auto kPortalSettings = u"org.freedesktop.portal.Settings"_s;
const auto kAppearance = u"org.freedesktop.appearance"_s;
const auto kColorScheme = u"color-scheme"_s;

/// The portal's value: 1 = prefers dark, 2 = prefers light, 0 = no preference. Replies nest variants.
std::optional<bool> darkFromPortal(QVariant value)
{
    while (value.canConvert<QDBusVariant>() && value.userType() == qMetaTypeId<QDBusVariant>())
        value = value.value<QDBusVariant>().variant();
    bool ok = false;
    const uint scheme = value.toUInt(&ok);
    if (!ok || scheme == 0)
        return std::nullopt;
    return scheme == 1;
}

bool paletteIsDark()
{
    const QPalette palette = QGuiApplication::palette();
    return palette.color(QPalette::Window).lightness() < palette.color(QPalette::WindowText).lightness();
}

} // namespace

void Desktop::setStartPage(const QString &page, bool screenshot, const QString &theme)
{
    g_theme = theme;
    g_startPage = page;
    g_screenshot = screenshot;
}

Desktop::Desktop(QObject *parent) : QObject(parent)
{
    QSettings settings;
    m_choice = !g_theme.isEmpty() ? g_theme : settings.value(u"appearance/theme"_s, u"System"_s).toString();
    m_lastPage = g_startPage.isEmpty() ? settings.value(u"window/lastPage"_s, u"api-keys"_s).toString() : g_startPage;
    m_saveGeometry.setSingleShot(true);
    m_saveGeometry.setInterval(400);
    m_systemDark = paletteIsDark();
    if (!g_screenshot)
        readPortal();
}

void Desktop::readPortal()
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected())
        return;
    bus.connect(kPortalService, kPortalPath, kPortalSettings, u"SettingChanged"_s, this,
                SLOT(portalSettingChanged(QString, QString, QDBusVariant)));
    QDBusMessage call = QDBusMessage::createMethodCall(kPortalService, kPortalPath, kPortalSettings, u"Read"_s);
    call << kAppearance << kColorScheme;
    auto *watcher = new QDBusPendingCallWatcher(bus.asyncCall(call, 2000), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this](QDBusPendingCallWatcher *w) {
        QDBusPendingReply<QVariant> reply = *w;
        if (!reply.isError()) {
            if (const auto dark = darkFromPortal(reply.value()))
                setSystemDark(*dark);
        }
        w->deleteLater();
    });
}

void Desktop::portalSettingChanged(const QString &group, const QString &key, const QDBusVariant &value)
{
    if (group == kAppearance && key == kColorScheme)
        setSystemDark(darkFromPortal(value.variant()).value_or(paletteIsDark()));
}

void Desktop::setSystemDark(bool dark)
{
    if (dark == m_systemDark)
        return;
    m_systemDark = dark;
    Q_EMIT themeChanged();
}

void Desktop::setThemeChoice(const QString &choice)
{
    if (choice == m_choice || (choice != "System"_L1 && choice != "Light"_L1 && choice != "Dark"_L1))
        return;
    m_choice = choice;
    if (!g_screenshot)
        QSettings().setValue(u"appearance/theme"_s, choice);
    Q_EMIT themeChanged();
}

bool Desktop::dark() const
{
    if (m_choice == "Dark"_L1)
        return true;
    if (m_choice == "Light"_L1)
        return false;
    return m_systemDark;
}

void Desktop::setLastPage(const QString &page)
{
    if (page == m_lastPage)
        return;
    m_lastPage = page;
    if (!g_screenshot)
        QSettings().setValue(u"window/lastPage"_s, page);
    Q_EMIT lastPageChanged();
}

void Desktop::rememberGeometry(QWindow *window)
{
    if (!window)
        return;
    window->resize(1280, 800);
    if (g_screenshot)
        return;
    const QRect saved = QSettings().value(u"window/geometry"_s).toRect();
    const QScreen *screen = saved.isValid() ? QGuiApplication::screenAt(saved.center()) : nullptr;
    if (screen && saved.width() >= window->minimumWidth() && saved.height() >= window->minimumHeight())
        window->setGeometry(saved);
    else if (const QScreen *primary = window->screen())
        window->setPosition(primary->availableGeometry().center() - QPoint(640, 400));
    QPointer<QWindow> watched(window);
    disconnect(&m_saveGeometry, nullptr, this, nullptr);
    connect(&m_saveGeometry, &QTimer::timeout, this, [watched] {
        if (watched && watched->visibility() == QWindow::Windowed)
            QSettings().setValue(u"window/geometry"_s, watched->geometry());
    });
    for (auto signal : {&QWindow::xChanged, &QWindow::yChanged, &QWindow::widthChanged, &QWindow::heightChanged})
        connect(window, signal, &m_saveGeometry, qOverload<>(&QTimer::start));
}

bool Desktop::screenshotMode() const
{
    return g_screenshot;
}

void Desktop::copyToClipboard(const QString &text)
{
    QGuiApplication::clipboard()->setText(text);
}

} // namespace vingt::gui
