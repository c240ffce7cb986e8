// Checks the engine's introspection against graphql-js 16 (API-CONTRACT §2.1). Usage: node graphql_js_compat.cjs <dir>
// <dir> holds introspection.json (the engine's full response to query.graphql), query.graphql and schema.graphql
// (the engine's printSchema()). Exit code 0 when every check passes.
'use strict';
const fs = require('fs');
const path = require('path');
const util = require('util');
const graphql = require('graphql');

const dir = process.argv[2];
const read = (name) => fs.readFileSync(path.join(dir, name), 'utf8');
const response = JSON.parse(read('introspection.json'));
const query = read('query.graphql');
const sdl = read('schema.graphql');
let failures = 0;

function check(name, fn) {
  try {
    const problem = fn();
    if (problem) {
      failures++;
      console.log(`FAIL ${name}: ${problem}`);
    } else {
      console.log(`PASS ${name}`);
    }
  } catch (error) {
    failures++;
    console.log(`FAIL ${name}: ${error && error.stack ? error.stack : error}`);
  }
}

console.log(`graphql-js ${graphql.version}`);
let clientSchema;
check('response has data and no errors', () => (response.errors ? JSON.stringify(response.errors) : !response.data ? 'no data' : null));
check('__schema.types starts with the query root type', () => {
  const first = response.data.__schema.types[0];
  return first.name === response.data.__schema.queryType.name ? null : `first type is ${first.name}`;
});
check('buildClientSchema + assertValidSchema', () => {
  clientSchema = graphql.buildClientSchema(response.data);
  graphql.assertValidSchema(clientSchema);
});
check('validate(clientSchema, introspection query)', () => {
  const errors = graphql.validate(clientSchema, graphql.parse(query));
  return errors.length ? errors.map(String).join('\n') : null;
});
check('printSchema(clientSchema) equals the engine printSchema()', () => {
  const printed = graphql.printSchema(clientSchema);
  return printed === sdl ? null : `graphql-js printed:\n${printed}\n--- engine printed:\n${sdl}`;
});
check('buildSchema(engine SDL) + assertValidSchema', () => {
  graphql.assertValidSchema(graphql.buildSchema(sdl));
});
check('every type introspects as graphql-js introspects the same SDL', () => {
  const result = graphql.graphqlSync({ schema: graphql.buildSchema(sdl), source: query });
  if (result.errors) return JSON.stringify(result.errors);
  // Plain objects (graphql-js answers null-prototype ones), without what graphql-js added after the October 2021
  // spec: directive deprecation (__Directive.isDeprecated/deprecationReason, __Schema.directives(includeDeprecated:),
  // DIRECTIVE_DEFINITION) and @oneOf.
  const reference = JSON.parse(JSON.stringify(result.data), (key, value) => value);
  const later = ['DIRECTIVE_DEFINITION'];
  for (const type of reference.__schema.types) {
    if (type.name === '__Directive') type.fields = type.fields.filter((f) => !['isDeprecated', 'deprecationReason'].includes(f.name));
    if (type.name === '__Schema') {
      const directives = type.fields.find((f) => f.name === 'directives');
      directives.args = directives.args.filter((a) => a.name !== 'includeDeprecated');
    }
    if (type.name === '__DirectiveLocation') type.enumValues = type.enumValues.filter((v) => !later.includes(v.name));
  }
  reference.__schema.directives = reference.__schema.directives
    .filter((d) => d.name !== 'oneOf')
    .map((d) => ({ ...d, locations: d.locations.filter((l) => !later.includes(l)) }));
  const data = { __schema: reference.__schema };
  const expected = new Map(data.__schema.types.map((t) => [t.name, t]));
  const problems = [];
  for (const type of response.data.__schema.types) {
    const other = expected.get(type.name);
    if (!other) problems.push(`graphql-js has no type ${type.name}`);
    else if (!util.isDeepStrictEqual(type, other))
      problems.push(`${type.name} differs:\n  engine:     ${JSON.stringify(type)}\n  graphql-js: ${JSON.stringify(other)}`);
  }
  for (const name of expected.keys())
    if (!response.data.__schema.types.some((t) => t.name === name)) problems.push(`engine lacks type ${name}`);
  const directives = new Map(data.__schema.directives.map((d) => [d.name, d]));
  for (const directive of response.data.__schema.directives) {
    if (!util.isDeepStrictEqual(directive, directives.get(directive.name)))
      problems.push(`@${directive.name} differs:\n  engine:     ${JSON.stringify(directive)}\n  graphql-js: ${JSON.stringify(directives.get(directive.name))}`);
  }
  return problems.length ? problems.join('\n') : null;
});
console.log(failures ? `${failures} check(s) failed` : 'all checks passed');
process.exit(failures ? 1 : 0);
