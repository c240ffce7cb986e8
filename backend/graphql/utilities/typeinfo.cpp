#include "graphql/utilities/typeinfo.h"

#include "graphql/type/schema.h"

namespace vingt::graphql {

using namespace Qt::StringLiterals;

TypeRef typeFromAst(const Schema &schema, const ast::TypeNode &node)
{
    switch (node.kind) {
    case ast::TypeNode::Kind::Named: return TypeRef(schema.type(node.name));
    case ast::TypeNode::Kind::List: {
        const TypeRef inner = typeFromAst(schema, *node.ofType);
        return inner.isValid() ? TypeRef::listOf(inner) : TypeRef();
    }
    case ast::TypeNode::Kind::NonNull: {
        const TypeRef inner = typeFromAst(schema, *node.ofType);
        return inner.isValid() ? TypeRef::nonNullOf(inner) : TypeRef();
    }
    }
    return {};
}

TypeInfo::TypeInfo(const Schema &schema)
    : m_schema(schema)
{
}

TypeRef TypeInfo::type() const
{
    return m_typeStack.empty() ? TypeRef() : m_typeStack.back();
}

const NamedType *TypeInfo::parentType() const
{
    return m_parentTypeStack.empty() ? nullptr : m_parentTypeStack.back();
}

TypeRef TypeInfo::inputType() const
{
    return m_inputTypeStack.empty() ? TypeRef() : m_inputTypeStack.back();
}

TypeRef TypeInfo::parentInputType() const
{
    return m_inputTypeStack.size() < 2 ? TypeRef() : m_inputTypeStack[m_inputTypeStack.size() - 2];
}

const Field *TypeInfo::fieldDef() const
{
    return m_fieldDefStack.empty() ? nullptr : m_fieldDefStack.back();
}

const InputValue *TypeInfo::defaultValueOwner() const
{
    return m_defaultValueStack.empty() ? nullptr : m_defaultValueStack.back();
}

const Field *TypeInfo::fieldDefinition(const Schema &schema, const NamedType *parentType, const QString &fieldName)
{
    if (!parentType)
        return nullptr;
    if (fieldName.startsWith("__"_L1)) {
        if (fieldName == "__schema"_L1 && parentType == schema.queryType())
            return &schema.schemaMetaField();
        if (fieldName == "__type"_L1 && parentType == schema.queryType())
            return &schema.typeMetaField();
        if (fieldName == "__typename"_L1 && parentType->isComposite())
            return &schema.typenameMetaField();
    }
    if (const ObjectLikeType *object = parentType->asObjectLike())
        return object->field(fieldName);
    return nullptr;
}

void TypeInfo::enter(const ast::OperationDefinition &node)
{
    const ObjectType *root = m_schema.rootType(node.operation);
    m_typeStack.push_back(root ? TypeRef(root) : TypeRef());
}

void TypeInfo::leave(const ast::OperationDefinition &)
{
    m_typeStack.pop_back();
}

void TypeInfo::enter(const ast::VariableDefinition &node)
{
    const TypeRef type = typeFromAst(m_schema, node.type);
    m_inputTypeStack.push_back(type.isInputType() ? type : TypeRef());
}

void TypeInfo::leave(const ast::VariableDefinition &)
{
    m_inputTypeStack.pop_back();
}

void TypeInfo::enter(const ast::SelectionSet &)
{
    const NamedType *named = type().named();
    m_parentTypeStack.push_back(named && named->isComposite() ? named : nullptr);
}

void TypeInfo::leave(const ast::SelectionSet &)
{
    m_parentTypeStack.pop_back();
}

void TypeInfo::enter(const ast::Field &node)
{
    const Field *field = fieldDefinition(m_schema, parentType(), node.name);
    m_fieldDefStack.push_back(field);
    m_typeStack.push_back(field && field->type.isOutputType() ? field->type : TypeRef());
}

void TypeInfo::leave(const ast::Field &)
{
    m_fieldDefStack.pop_back();
    m_typeStack.pop_back();
}

void TypeInfo::enter(const ast::InlineFragment &node)
{
    const TypeRef type = node.typeCondition ? typeFromAst(m_schema, *node.typeCondition) : TypeRef(this->type().named());
    m_typeStack.push_back(type.isOutputType() ? type : TypeRef());
}

void TypeInfo::leave(const ast::InlineFragment &)
{
    m_typeStack.pop_back();
}

void TypeInfo::enter(const ast::FragmentDefinition &node)
{
    const TypeRef type = typeFromAst(m_schema, node.typeCondition);
    m_typeStack.push_back(type.isOutputType() ? type : TypeRef());
}

void TypeInfo::leave(const ast::FragmentDefinition &)
{
    m_typeStack.pop_back();
}

void TypeInfo::enter(const ast::Directive &node)
{
    m_directive = m_schema.directive(node.name);
}

void TypeInfo::leave(const ast::Directive &)
{
    m_directive = nullptr;
}

void TypeInfo::enter(const ast::Argument &node)
{
    const InputValue *argument = nullptr;
    if (m_directive)
        argument = m_directive->arg(node.name);
    else if (const Field *field = fieldDef())
        argument = field->arg(node.name);
    m_argument = argument;
    m_defaultValueStack.push_back(argument);
    m_inputTypeStack.push_back(argument && argument->type.isInputType() ? argument->type : TypeRef());
}

void TypeInfo::leave(const ast::Argument &)
{
    m_argument = nullptr;
    m_defaultValueStack.pop_back();
    m_inputTypeStack.pop_back();
}

void TypeInfo::enter(const ast::Value &node)
{
    if (node.kind == ast::Value::Kind::List) {
        const TypeRef listType = inputType().nullable();
        const TypeRef itemType = listType.isList() ? listType.ofType() : listType;
        m_defaultValueStack.push_back(nullptr); // list positions never have a default value
        m_inputTypeStack.push_back(itemType.isInputType() ? itemType : TypeRef());
    } else if (node.kind == ast::Value::Kind::Enum) {
        const NamedType *named = inputType().named();
        const EnumType *enumType = named ? named->asEnum() : nullptr;
        m_enumValue = enumType ? enumType->value(node.text) : nullptr;
    }
}

void TypeInfo::leave(const ast::Value &node)
{
    if (node.kind == ast::Value::Kind::List) {
        m_defaultValueStack.pop_back();
        m_inputTypeStack.pop_back();
    } else if (node.kind == ast::Value::Kind::Enum) {
        m_enumValue = nullptr;
    }
}

void TypeInfo::enter(const ast::ObjectField &node)
{
    const NamedType *named = inputType().named();
    const InputObjectType *objectType = named ? named->asInputObject() : nullptr;
    const InputValue *field = objectType ? objectType->field(node.name) : nullptr;
    m_defaultValueStack.push_back(field);
    m_inputTypeStack.push_back(field && field->type.isInputType() ? field->type : TypeRef());
}

void TypeInfo::leave(const ast::ObjectField &)
{
    m_defaultValueStack.pop_back();
    m_inputTypeStack.pop_back();
}

// TypeInfoVisitor ----------------------------------------------------------------------------------------------

TypeInfoVisitor::TypeInfoVisitor(TypeInfo &typeInfo, AstVisitor &inner)
    : m_typeInfo(typeInfo)
    , m_inner(inner)
{
}

#define VINGT_TYPEINFO_HOOKS(Name, Type)                                                                               \
    AstVisitor::Action TypeInfoVisitor::enter##Name(const Type &node)                                                 \
    {                                                                                                                  \
        m_typeInfo.enter(node);                                                                                        \
        const Action action = m_inner.enter##Name(node);                                                               \
        if (action == Action::SkipChildren)                                                                            \
            m_typeInfo.leave(node);                                                                                    \
        return action;                                                                                                 \
    }                                                                                                                  \
    void TypeInfoVisitor::leave##Name(const Type &node)                                                                \
    {                                                                                                                  \
        m_inner.leave##Name(node);                                                                                     \
        m_typeInfo.leave(node);                                                                                        \
    }

#define VINGT_PLAIN_HOOKS(Name, Type)                                                                                  \
    AstVisitor::Action TypeInfoVisitor::enter##Name(const Type &node)                                                 \
    {                                                                                                                  \
        return m_inner.enter##Name(node);                                                                              \
    }                                                                                                                  \
    void TypeInfoVisitor::leave##Name(const Type &node)                                                                \
    {                                                                                                                  \
        m_inner.leave##Name(node);                                                                                     \
    }

VINGT_PLAIN_HOOKS(Document, ast::Document)
VINGT_TYPEINFO_HOOKS(OperationDefinition, ast::OperationDefinition)
VINGT_TYPEINFO_HOOKS(VariableDefinition, ast::VariableDefinition)
VINGT_TYPEINFO_HOOKS(SelectionSet, ast::SelectionSet)
VINGT_TYPEINFO_HOOKS(Field, ast::Field)
VINGT_PLAIN_HOOKS(FragmentSpread, ast::FragmentSpread)
VINGT_TYPEINFO_HOOKS(InlineFragment, ast::InlineFragment)
VINGT_TYPEINFO_HOOKS(FragmentDefinition, ast::FragmentDefinition)
VINGT_PLAIN_HOOKS(TypeSystemDefinition, ast::TypeSystemDefinition)
VINGT_TYPEINFO_HOOKS(Directive, ast::Directive)
VINGT_TYPEINFO_HOOKS(Argument, ast::Argument)
VINGT_TYPEINFO_HOOKS(Value, ast::Value)
VINGT_TYPEINFO_HOOKS(ObjectField, ast::ObjectField)
VINGT_PLAIN_HOOKS(NamedType, ast::TypeNode)

#undef VINGT_TYPEINFO_HOOKS
#undef VINGT_PLAIN_HOOKS

} // namespace vingt::graphql
