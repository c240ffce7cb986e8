#include "graphql/utilities/typecomparators.h"

#include "graphql/type/schema.h"

namespace vingt::graphql {

bool isEqualType(TypeRef a, TypeRef b)
{
    return a == b;
}

bool isTypeSubTypeOf(const Schema &schema, TypeRef maybeSubType, TypeRef superType)
{
    if (maybeSubType == superType)
        return true;
    if (superType.isNonNull()) {
        if (maybeSubType.isNonNull())
            return isTypeSubTypeOf(schema, maybeSubType.ofType(), superType.ofType());
        return false;
    }
    if (maybeSubType.isNonNull())
        return isTypeSubTypeOf(schema, maybeSubType.ofType(), superType);
    if (superType.isList()) {
        if (maybeSubType.isList())
            return isTypeSubTypeOf(schema, maybeSubType.ofType(), superType.ofType());
        return false;
    }
    if (maybeSubType.isList())
        return false;
    const NamedType *super = superType.named();
    const NamedType *sub = maybeSubType.named();
    return super && sub && super->isAbstract()
        && (sub->kind() == TypeKind::Interface || sub->kind() == TypeKind::Object) && schema.isSubType(*super, *sub);
}

bool doTypesOverlap(const Schema &schema, const NamedType &a, const NamedType &b)
{
    if (&a == &b)
        return true;
    if (a.isAbstract()) {
        if (b.isAbstract()) {
            for (const ObjectType *type : schema.possibleTypes(a)) {
                if (schema.isSubType(b, *type))
                    return true;
            }
            return false;
        }
        return schema.isSubType(a, b);
    }
    if (b.isAbstract())
        return schema.isSubType(b, a);
    return false;
}

} // namespace vingt::graphql
