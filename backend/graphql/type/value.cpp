#include "graphql/type/value.h"

namespace vingt::graphql {

Value::Value(const QJsonValue &json)
{
    if (json.isNull() || json.isUndefined())
        return;
    m_kind = Kind::Json;
    m_json = json;
}

Value Value::list(std::vector<Value> items)
{
    Value v;
    v.m_kind = Kind::List;
    v.m_list = std::make_shared<const std::vector<Value>>(std::move(items));
    return v;
}

const std::vector<Value> &Value::items() const
{
    static const std::vector<Value> kEmpty;
    return m_list ? *m_list : kEmpty;
}

Value Value::withTypeName(QString typeName) const
{
    Value copy = *this;
    copy.m_typeName = std::move(typeName);
    return copy;
}

FieldResult::FieldResult(Result<Value> result)
{
    if (result.ok())
        m_value = std::move(result).value();
    else
        m_error = std::make_shared<GraphqlError>(GraphqlError::fromError(result.error()));
}

} // namespace vingt::graphql
