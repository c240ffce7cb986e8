#include "graphql/validation/validate.h"

#include "graphql/language/visitor.h"
#include "graphql/utilities/typeinfo.h"

namespace vingt::graphql {

using namespace Qt::StringLiterals;

namespace {
struct TooManyErrors {};
} // namespace

std::vector<GraphqlError> validate(const Schema &schema, const ast::Document &document,
                                   const std::vector<ValidationRuleFactory> &rules, int maxErrors)
{
    std::vector<GraphqlError> errors;
    TypeInfo typeInfo(schema);
    ValidationContext context(schema, document, typeInfo, [&](GraphqlError error) {
        if (int(errors.size()) >= maxErrors) {
            errors.push_back(GraphqlError(u"Too many validation errors, error limit reached. Validation aborted."_s)
                                 .withCode(errorcode::kValidationFailed));
            throw TooManyErrors{};
        }
        errors.push_back(std::move(error));
    });
    std::vector<std::unique_ptr<ValidationRule>> instances;
    std::vector<AstVisitor *> visitors;
    for (ValidationRuleFactory factory : rules) {
        instances.push_back(factory(context));
        visitors.push_back(instances.back().get());
    }
    ParallelVisitor parallel(std::move(visitors));
    TypeInfoVisitor visitor(typeInfo, parallel);
    try {
        visit(document, visitor);
    } catch (const TooManyErrors &) {
    }
    return errors;
}

} // namespace vingt::graphql
