#pragma once

#include "services/actor.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QObject>
#include <QPointer>
#include <QThreadPool>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

#include <memory>

#include <type_traits>
#include <utility>

namespace vingt {
class Instance;
class LocalServer;
class Workspace;
} // namespace vingt

namespace vingt::gui {

class MetadataEditing;

/// @brief What the QML-facing controllers work on: the instance opened by main (or a test), its default workspace and
/// the local API server. Set once before the QML engine creates the controllers; outlives them.
struct BackendContext {
    Instance *instance = nullptr;
    LocalServer *server = nullptr;
    MetadataEditing *metadata = nullptr; ///< null until a MetadataService is available (editing disabled)

    [[nodiscard]] Workspace &workspace() const;
    /// The person at the desktop: the machine's owner, with every permission (like the CLI).
    [[nodiscard]] static Actor actor() { return Actor::system(); }

    static void setCurrent(const BackendContext &context);
    [[nodiscard]] static const BackendContext &current();
};

/// @brief Base of the controllers: runs service calls off the GUI thread and delivers the result on it.
/// `busy` is true while any call of this controller runs.
class Controller : public QObject
{
    Q_OBJECT
    QML_ANONYMOUS
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)

public:
    using QObject::QObject;
    [[nodiscard]] bool busy() const { return m_running > 0; }

Q_SIGNALS:
    void busyChanged();

protected:
    /// Calls `refresh` every `intervalMs` (when the controller is idle) to pick up what other clients change through
    /// the API in this process, and at once when the app comes back to the foreground; ticks are skipped while the
    /// app is hidden or suspended. Each refresh is one background service call (no busy indicator).
    template<typename Refresh>
    void followChanges(int intervalMs, Refresh refresh)
    {
        m_follow.setInterval(intervalMs);
        connect(&m_follow, &QTimer::timeout, this, [this, refresh] {
            const auto state = QGuiApplication::applicationState();
            if (!busy() && state != Qt::ApplicationHidden && state != Qt::ApplicationSuspended)
                refresh();
        });
        connect(qGuiApp, &QGuiApplication::applicationStateChanged, this, [this, refresh](Qt::ApplicationState state) {
            if (state == Qt::ApplicationActive && !busy())
                refresh();
        });
        m_follow.start();
    }

    /// Runs `work` on the thread pool, then `done(result)` on the GUI thread (skipped if this object is gone).
    /// A `background` run (the periodic refresh) does not make the controller busy.
    template<typename Work, typename Done>
    void run(Work work, Done done, bool background = false)
    {
        using R = std::invoke_result_t<Work>;
        const int weight = background ? 0 : 1;
        m_running += weight;
        if (m_running == 1 && weight == 1)
            Q_EMIT busyChanged();
        QPointer<Controller> self(this);
        QThreadPool::globalInstance()->start([self, weight, work = std::move(work), done = std::move(done)]() mutable {
            auto result = std::make_shared<R>(work());
            // Posted to the application object, which outlives every controller; `self` is checked on its thread.
            QMetaObject::invokeMethod(
                QCoreApplication::instance(),
                [self, weight, result, done = std::move(done)]() mutable {
                    if (Controller *controller = self.data()) {
                        done(std::move(*result));
                        controller->m_running -= weight;
                        if (weight == 1 && controller->m_running == 0)
                            Q_EMIT controller->busyChanged();
                    }
                },
                Qt::QueuedConnection);
        });
    }

private:
    int m_running = 0;
    QTimer m_follow;
};

} // namespace vingt::gui
