#pragma once

#include <condition_variable>
#include <mutex>

namespace vingt {

/// @brief The per-workspace reader/writer lock of DECISIONS "Storage": API requests hold it shared for their whole
/// run; a metadata change holds it exclusively while it applies DDL and metadata and publishes the new snapshot.
/// Writer-preferring: once a change waits, new requests wait (briefly) behind it, so a change is never starved by a
/// steady stream of requests. Not recursive: a thread holding it shared must not ask for it exclusively.
class ModelLock
{
public:
    void lockShared()
    {
        std::unique_lock lock(m_mutex);
        m_readersMayEnter.wait(lock, [this] { return !m_writer && m_waitingWriters == 0; });
        ++m_readers;
    }
    void unlockShared()
    {
        std::lock_guard lock(m_mutex);
        if (--m_readers == 0)
            m_writerMayEnter.notify_one();
    }
    void lock()
    {
        std::unique_lock lock(m_mutex);
        ++m_waitingWriters;
        m_writerMayEnter.wait(lock, [this] { return !m_writer && m_readers == 0; });
        --m_waitingWriters;
        m_writer = true;
    }
    void unlock()
    {
        std::lock_guard lock(m_mutex);
        m_writer = false;
        if (m_waitingWriters > 0)
            m_writerMayEnter.notify_one();
        else
            m_readersMayEnter.notify_all();
    }
    /// std::shared_lock / std::unique_lock compatible names.
    void lock_shared() { lockShared(); }
    void unlock_shared() { unlockShared(); }

private:
    std::mutex m_mutex;
    std::condition_variable m_readersMayEnter;
    std::condition_variable m_writerMayEnter;
    int m_readers = 0;
    int m_waitingWriters = 0;
    bool m_writer = false;
};

} // namespace vingt
