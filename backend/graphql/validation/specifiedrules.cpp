#include "graphql/validation/specifiedrules.h"

namespace vingt::graphql {

const std::vector<ValidationRuleFactory> &specifiedRules()
{
    static const std::vector<ValidationRuleFactory> rules{
        &makeExecutableDefinitionsRule,
        &makeUniqueOperationNamesRule,
        &makeLoneAnonymousOperationRule,
        &makeKnownTypeNamesRule,
        &makeFragmentsOnCompositeTypesRule,
        &makeVariablesAreInputTypesRule,
        &makeScalarLeafsRule,
        &makeFieldsOnCorrectTypeRule,
        &makeUniqueFragmentNamesRule,
        &makeKnownFragmentNamesRule,
        &makeNoUnusedFragmentsRule,
        &makePossibleFragmentSpreadsRule,
        &makeNoFragmentCyclesRule,
        &makeUniqueVariableNamesRule,
        &makeNoUndefinedVariablesRule,
        &makeNoUnusedVariablesRule,
        &makeKnownDirectivesRule,
        &makeUniqueDirectivesPerLocationRule,
        &makeKnownArgumentNamesRule,
        &makeUniqueArgumentNamesRule,
        &makeValuesOfCorrectTypeRule,
        &makeProvidedRequiredArgumentsRule,
        &makeVariablesInAllowedPositionRule,
        &makeOverlappingFieldsCanBeMergedRule,
        &makeUniqueInputFieldNamesRule,
    };
    return rules;
}

} // namespace vingt::graphql
