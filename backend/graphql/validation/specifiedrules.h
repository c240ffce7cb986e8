#pragma once

#include "graphql/validation/validationcontext.h"

#include <memory>
#include <vector>

namespace vingt::graphql {

// One rule per file under validation/rules/, named like graphql-js' rules (spec §5).
std::unique_ptr<ValidationRule> makeExecutableDefinitionsRule(ValidationContext &context);
std::unique_ptr<ValidationRule> makeUniqueOperationNamesRule(ValidationContext &context);
std::unique_ptr<ValidationRule> makeLoneAnonymousOperationRule(ValidationContext &context);
std::unique_ptr<ValidationRule> makeKnownTypeNamesRule(ValidationContext &context);
std::unique_ptr<ValidationRule> makeFragmentsOnCompositeTypesRule(ValidationContext &context);
std::unique_ptr<ValidationRule> makeVariablesAreInputTypesRule(ValidationContext &context);
std::unique_ptr<ValidationRule> makeScalarLeafsRule(ValidationContext &context);
std::unique_ptr<ValidationRule> makeFieldsOnCorrectTypeRule(ValidationContext &context);
std::unique_ptr<ValidationRule> makeUniqueFragmentNamesRule(ValidationContext &context);
std::unique_ptr<ValidationRule> makeKnownFragmentNamesRule(ValidationContext &context);
std::unique_ptr<ValidationRule> makeNoUnusedFragmentsRule(ValidationContext &context);
std::unique_ptr<ValidationRule> makePossibleFragmentSpreadsRule(ValidationContext &context);
std::unique_ptr<ValidationRule> makeNoFragmentCyclesRule(ValidationContext &context);
std::unique_ptr<ValidationRule> makeUniqueVariableNamesRule(ValidationContext &context);
std::unique_ptr<ValidationRule> makeNoUndefinedVariablesRule(ValidationContext &context);
std::unique_ptr<ValidationRule> makeNoUnusedVariablesRule(ValidationContext &context);
std::unique_ptr<ValidationRule> makeKnownDirectivesRule(ValidationContext &context);
std::unique_ptr<ValidationRule> makeUniqueDirectivesPerLocationRule(ValidationContext &context);
std::unique_ptr<ValidationRule> makeKnownArgumentNamesRule(ValidationContext &context);
std::unique_ptr<ValidationRule> makeUniqueArgumentNamesRule(ValidationContext &context);
std::unique_ptr<ValidationRule> makeValuesOfCorrectTypeRule(ValidationContext &context);
std::unique_ptr<ValidationRule> makeProvidedRequiredArgumentsRule(ValidationContext &context);
std::unique_ptr<ValidationRule> makeVariablesInAllowedPositionRule(ValidationContext &context);
std::unique_ptr<ValidationRule> makeOverlappingFieldsCanBeMergedRule(ValidationContext &context);
std::unique_ptr<ValidationRule> makeUniqueInputFieldNamesRule(ValidationContext &context);

/// The rules of the specification for executable documents, in graphql-js specifiedRules order.
[[nodiscard]] const std::vector<ValidationRuleFactory> &specifiedRules();

} // namespace vingt::graphql
