#include "graphql/execution/values.h"

#include "graphql/language/printer.h"
#include "graphql/type/schema.h"
#include "graphql/utilities/coerceinputvalue.h"
#include "graphql/utilities/inspect.h"
#include "graphql/utilities/typeinfo.h"
#include "graphql/utilities/valuefromast.h"

namespace vingt::graphql {

using namespace Qt::StringLiterals;

CoercedVariables getVariableValues(const Schema &schema, const std::vector<ast::VariableDefinition> &definitions,
                                   const QJsonObject &inputs, int maxErrors)
{
    CoercedVariables result;
    auto report = [&](const QString &message, SourceLocation location) {
        if (int(result.errors.size()) >= maxErrors)
            return false;
        result.errors.push_back(GraphqlError(message, {location}).withCode(errorcode::kBadUserInput));
        if (int(result.errors.size()) >= maxErrors) {
            result.errors.push_back(
                GraphqlError(u"Too many errors processing variables, error limit reached. Execution aborted."_s)
                    .withCode(errorcode::kBadUserInput));
            return false;
        }
        return true;
    };
    for (const ast::VariableDefinition &definition : definitions) {
        const QString &name = definition.name;
        const TypeRef type = typeFromAst(schema, definition.type);
        if (!type.isInputType()) {
            if (!report(u"Variable \"$%1\" expected value of type \"%2\" which cannot be used as an input type."_s.arg(
                            name, printTypeNode(definition.type)),
                        definition.type.location))
                break;
            continue;
        }
        const auto input = inputs.constFind(name);
        if (input == inputs.constEnd()) {
            if (definition.defaultValue) {
                if (auto value = valueFromAst(*definition.defaultValue, type, nullptr))
                    result.values.insert(name, *value);
            } else if (type.isNonNull()) {
                if (!report(u"Variable \"$%1\" of required type \"%2\" was not provided."_s.arg(name, type.toString()),
                            definition.location))
                    break;
            }
            continue;
        }
        const QJsonValue value = input.value();
        if (value.isNull() && type.isNonNull()) {
            if (!report(u"Variable \"$%1\" of non-null type \"%2\" must not be null."_s.arg(name, type.toString()),
                        definition.location))
                break;
            continue;
        }
        bool keepGoing = true;
        const QJsonValue coerced = coerceInputValue(
            value, type, [&](const QJsonArray &path, const QJsonValue &invalidValue, const QString &message) {
                if (!keepGoing)
                    return;
                QString prefix = u"Variable \"$%1\" got invalid value %2"_s.arg(name, inspect(invalidValue));
                if (!path.isEmpty())
                    prefix += u" at \"%1%2\""_s.arg(name, printPathArray(path));
                keepGoing = report(prefix + u"; "_s + message, definition.location);
            });
        if (!keepGoing)
            break;
        result.values.insert(name, coerced);
    }
    if (!result.errors.empty())
        result.values = QJsonObject();
    return result;
}

std::optional<QJsonObject> getArgumentValues(const std::vector<InputValue> &definitions,
                                             const std::vector<ast::Argument> &arguments, const QJsonObject &variables,
                                             SourceLocation location, GraphqlError *error)
{
    QJsonObject coerced;
    auto fail = [&](const QString &message, SourceLocation at) -> std::optional<QJsonObject> {
        if (error)
            *error = GraphqlError(message, {at});
        return std::nullopt;
    };
    for (const InputValue &definition : definitions) {
        const ast::Argument *argument = nullptr;
        for (const ast::Argument &candidate : arguments) {
            if (candidate.name == definition.name) {
                argument = &candidate;
                break;
            }
        }
        if (!argument) {
            if (definition.defaultValue)
                coerced.insert(definition.name, *definition.defaultValue);
            else if (definition.type.isNonNull())
                return fail(u"Argument \"%1\" of required type \"%2\" was not provided."_s.arg(definition.name,
                                                                                            definition.type.toString()),
                            location);
            continue;
        }
        const ast::Value &valueNode = *argument->value;
        bool isNull = valueNode.kind == ast::Value::Kind::Null;
        if (valueNode.kind == ast::Value::Kind::Variable) {
            const QString &variableName = valueNode.text;
            if (!variables.contains(variableName)) {
                if (definition.defaultValue)
                    coerced.insert(definition.name, *definition.defaultValue);
                else if (definition.type.isNonNull())
                    return fail(
                        u"Argument \"%1\" of required type \"%2\" was provided the variable \"$%3\" which was not provided a runtime value."_s
                            .arg(definition.name, definition.type.toString(), variableName),
                        valueNode.location);
                continue;
            }
            isNull = variables.value(variableName).isNull();
        }
        if (isNull && definition.type.isNonNull()) {
            return fail(u"Argument \"%1\" of non-null type \"%2\" must not be null."_s.arg(definition.name,
                                                                                          definition.type.toString()),
                        valueNode.location);
        }
        const std::optional<QJsonValue> value = valueFromAst(valueNode, definition.type, &variables);
        if (!value)
            return fail(u"Argument \"%1\" has invalid value %2."_s.arg(definition.name, printValue(valueNode)),
                        valueNode.location);
        coerced.insert(definition.name, *value);
    }
    return coerced;
}

bool shouldIncludeNode(const Schema &schema, const std::vector<ast::Directive> &directives,
                       const QJsonObject &variables)
{
    for (const ast::Directive &directive : directives) {
        const bool isSkip = directive.name == "skip"_L1;
        if (!isSkip && directive.name != "include"_L1)
            continue;
        const Directive *definition = schema.directive(directive.name);
        if (!definition)
            continue;
        const std::optional<QJsonObject> args =
            getArgumentValues(definition->args, directive.arguments, variables, directive.location, nullptr);
        if (!args)
            continue;
        const bool condition = args->value("if"_L1).toBool();
        if (isSkip && condition)
            return false;
        if (!isSkip && !condition)
            return false;
    }
    return true;
}

} // namespace vingt::graphql
