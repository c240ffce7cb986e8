#pragma once

#include "core/error.h"

#include <type_traits>
#include <utility>
#include <variant>

namespace vingt {

/// @brief A value or an Error. GCC 12 has no std::expected; this is the small subset Vingt needs.
template<typename T>
class [[nodiscard]] Result
{
public:
    Result(T value) : m_state(std::in_place_index<0>, std::move(value)) {}
    Result(Error error) : m_state(std::in_place_index<1>, std::move(error)) {}
    /// Any value T can be built from (e.g. a QString for Result<QVariant>).
    template<typename U>
        requires(std::is_constructible_v<T, U &&> && !std::is_same_v<std::decay_t<U>, T> &&
                 !std::is_same_v<std::decay_t<U>, Error> && !std::is_same_v<std::decay_t<U>, Result>)
    Result(U &&value) : m_state(std::in_place_index<0>, T(std::forward<U>(value)))
    {
    }

    [[nodiscard]] bool ok() const { return m_state.index() == 0; }
    explicit operator bool() const { return ok(); }

    [[nodiscard]] T &value() & { return std::get<0>(m_state); }
    [[nodiscard]] const T &value() const & { return std::get<0>(m_state); }
    [[nodiscard]] T &&value() && { return std::get<0>(std::move(m_state)); }
    [[nodiscard]] const Error &error() const { return std::get<1>(m_state); }

    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }
    T &operator*() & { return value(); }
    const T &operator*() const & { return value(); }

private:
    std::variant<T, Error> m_state;
};

template<>
class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Error error) : m_error(std::move(error)), m_ok(false) {}

    [[nodiscard]] bool ok() const { return m_ok; }
    explicit operator bool() const { return m_ok; }
    [[nodiscard]] const Error &error() const { return m_error; }

private:
    Error m_error;
    bool m_ok = true;
};

/// Propagate an error from an expression returning Result<...>.
#define VINGT_TRY(expr) VINGT_TRY_IMPL(expr, VINGT_CONCAT(vingt_try_result_, __COUNTER__))
#define VINGT_CONCAT_INNER(a, b) a##b
#define VINGT_CONCAT(a, b) VINGT_CONCAT_INNER(a, b)
#define VINGT_TRY_IMPL(expr, name)                                                                                     \
    do {                                                                                                               \
        if (auto name = (expr); !name.ok())                                                                            \
            return name.error();                                                                                       \
    } while (false)

} // namespace vingt
