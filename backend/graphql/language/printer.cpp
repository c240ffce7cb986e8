#include "graphql/language/printer.h"

#include "graphql/language/blockstring.h"

#include <algorithm>

namespace vingt::graphql {

using namespace Qt::StringLiterals;

namespace {

void print(QString &out, const ast::Value &value, bool sorted)
{
    using Kind = ast::Value::Kind;
    switch (value.kind) {
    case Kind::Variable: out += u'$' + value.text; return;
    case Kind::Int:
    case Kind::Float:
    case Kind::Enum: out += value.text; return;
    case Kind::String: out += value.block ? printBlockString(value.text) : printString(value.text); return;
    case Kind::Boolean: out += value.boolean ? u"true"_s : u"false"_s; return;
    case Kind::Null: out += u"null"_s; return;
    case Kind::List: {
        out += u'[';
        bool first = true;
        for (const auto &item : value.list) {
            if (!first)
                out += u", "_s;
            first = false;
            print(out, *item, sorted);
        }
        out += u']';
        return;
    }
    case Kind::Object: {
        std::vector<const ast::ObjectField *> fields;
        fields.reserve(value.fields.size());
        for (const auto &field : value.fields)
            fields.push_back(&field);
        if (sorted) {
            std::stable_sort(fields.begin(), fields.end(),
                             [](const ast::ObjectField *a, const ast::ObjectField *b) { return a->name < b->name; });
        }
        out += u'{';
        bool first = true;
        for (const ast::ObjectField *field : fields) {
            if (!first)
                out += u", "_s;
            first = false;
            out += field->name + u": "_s;
            print(out, *field->value, sorted);
        }
        out += u'}';
        return;
    }
    }
}

} // namespace

QString printValue(const ast::Value &value)
{
    QString out;
    print(out, value, false);
    return out;
}

QString printValueSorted(const ast::Value &value)
{
    QString out;
    print(out, value, true);
    return out;
}

QString printTypeNode(const ast::TypeNode &type)
{
    switch (type.kind) {
    case ast::TypeNode::Kind::Named: return type.name;
    case ast::TypeNode::Kind::List: return u'[' + printTypeNode(*type.ofType) + u']';
    case ast::TypeNode::Kind::NonNull: return printTypeNode(*type.ofType) + u'!';
    }
    return {};
}

} // namespace vingt::graphql
