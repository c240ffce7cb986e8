// Drives the real server with graphql-js and Twenty's client SDK (API-CONTRACT §2.1, §13.21).
// Usage: node graphql_clients.cjs <baseUrl> <token> <sdkPackageRoot>. Prints PASS/FAIL lines; exit code 0 when all pass.
'use strict';
const graphql = require('graphql');

const [baseUrl, token, sdkRoot] = process.argv.slice(2);
let failures = 0;
async function check(name, fn) {
  try {
    const problem = await fn();
    if (problem) {
      failures++;
      console.log(`FAIL ${name}: ${problem}`);
    } else {
      console.log(`PASS ${name}`);
    }
  } catch (error) {
    failures++;
    console.log(`FAIL ${name}: ${error && error.stack ? error.stack : error} ${error && error.errors ? JSON.stringify(error.errors) : ''}`);
  }
}

async function post(path, query, variables) {
  const response = await fetch(baseUrl + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables: variables || {} }),
  });
  if (response.status !== 200) throw new Error(`HTTP ${response.status}`);
  return response.json();
}

const kinds = new Set(['SCALAR', 'OBJECT', 'INTERFACE', 'UNION', 'ENUM', 'INPUT_OBJECT', 'LIST', 'NON_NULL']);

/// The introspection shape of the GraphQL specification (§4.2) for every type, field, argument and type reference.
function shapeProblems(schema) {
  const problems = [];
  const names = new Set(schema.types.map((t) => t.name));
  const typeRef = (ref, where) => {
    let depth = 0;
    while (ref && (ref.kind === 'LIST' || ref.kind === 'NON_NULL')) {
      if (ref.name !== null) problems.push(`${where}: wrapper with a name`);
      ref = ref.ofType;
      if (++depth > 8) break;
    }
    if (!ref || !kinds.has(ref.kind) || !names.has(ref.name)) problems.push(`${where}: unknown type ${JSON.stringify(ref)}`);
  };
  const inputValue = (v, where) => {
    if (typeof v.name !== 'string') problems.push(`${where}: no name`);
    typeRef(v.type, `${where}.${v.name}`);
    if (v.defaultValue !== null) {
      try { graphql.parseValue(v.defaultValue); } catch (e) { problems.push(`${where}.${v.name}: defaultValue ${v.defaultValue} is not a GraphQL literal`); }
    }
  };
  for (const t of schema.types) {
    if (!kinds.has(t.kind) || t.kind === 'LIST' || t.kind === 'NON_NULL') problems.push(`${t.name}: kind ${t.kind}`);
    const isObj = t.kind === 'OBJECT' || t.kind === 'INTERFACE';
    if (isObj !== Array.isArray(t.fields)) problems.push(`${t.name}: fields`);
    if (isObj && t.fields.length === 0) problems.push(`${t.name}: no fields`);
    if ((t.kind === 'INPUT_OBJECT') !== Array.isArray(t.inputFields)) problems.push(`${t.name}: inputFields`);
    if (t.kind === 'INPUT_OBJECT' && t.inputFields.length === 0) problems.push(`${t.name}: no input fields`);
    if ((t.kind === 'ENUM') !== Array.isArray(t.enumValues)) problems.push(`${t.name}: enumValues`);
    if (t.kind === 'OBJECT' && !Array.isArray(t.interfaces)) problems.push(`${t.name}: interfaces`);
    for (const f of t.fields || []) {
      if (typeof f.isDeprecated !== 'boolean') problems.push(`${t.name}.${f.name}: isDeprecated`);
      typeRef(f.type, `${t.name}.${f.name}`);
      for (const a of f.args) inputValue(a, `${t.name}.${f.name}`);
    }
    for (const v of t.inputFields || []) inputValue(v, t.name);
    for (const e of t.enumValues || []) if (!/^[_A-Za-z][_0-9A-Za-z]*$/.test(e.name) || ['true', 'false', 'null'].includes(e.name)) problems.push(`${t.name}: enum value ${e.name}`);
  }
  if (!names.has(schema.queryType.name)) problems.push('queryType not listed');
  if (schema.types[0].name !== schema.queryType.name) problems.push(`first type is ${schema.types[0].name}, not the query type`);
  return problems.length ? problems.slice(0, 20).join('\n') : null;
}

async function introspectionChecks(path) {
  const query = graphql.getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, inputValueDeprecation: true });
  let response;
  await check(`${path}: getIntrospectionQuery answers without errors`, async () => {
    response = await post(path, query);
    return response.errors ? JSON.stringify(response.errors) : !response.data ? 'no data' : null;
  });
  if (!response || !response.data) return null;
  await check(`${path}: the specification's introspection shape`, () => shapeProblems(response.data.__schema));
  let client;
  await check(`${path}: buildClientSchema + assertValidSchema`, () => {
    client = graphql.buildClientSchema(response.data);
    graphql.assertValidSchema(client);
  });
  await check(`${path}: graphql-js introspects the client schema's types identically`, () => {
    const own = graphql.graphqlSync({ schema: client, source: query });
    if (own.errors) return JSON.stringify(own.errors);
    // The schema's own types; the introspection types differ by what graphql-js added after the October 2021 spec.
    const userTypes = (data) => JSON.stringify(JSON.parse(JSON.stringify(data.__schema.types)).filter((t) => !t.name.startsWith('__')));
    const a = userTypes(own.data);
    const b = userTypes(response.data);
    return a === b ? null : 'introspection differs from graphql-js (first difference near ' + [...a].findIndex((c, i) => c !== b[i]) + ')';
  });
  return client ? graphql.printSchema(client) : null;
}

(async () => {
  const coreSdl = await introspectionChecks('/graphql');
  await introspectionChecks('/metadata');

  // Twenty's client SDK: the pre-built metadata client, and the core client generated from our schema.
  const { MetadataApiClient } = require(`${sdkRoot}/dist/metadata.cjs`);
  const metadata = new MetadataApiClient({ url: `${baseUrl}/metadata`, headers: { Authorization: `Bearer ${token}` } });
  let companyObjectId;
  await check('SDK metadata: objects with all scalars', async () => {
    const r = await metadata.query({ objects: { __args: { paging: { first: 100 } }, totalCount: true, edges: { node: { __scalar: true } } } });
    const company = r.objects.edges.map((e) => e.node).find((n) => n.nameSingular === 'company');
    if (!company) return 'no company object';
    companyObjectId = company.id;
    if (company.universalIdentifier !== company.id || company.openRecordIn !== 'SIDE_PANEL') return JSON.stringify(company);
    return r.objects.totalCount >= 9 ? null : `totalCount ${r.objects.totalCount}`;
  });
  await check('SDK metadata: fields of one object', async () => {
    const r = await metadata.query({ fields: { __args: { paging: { first: 1000 }, filter: { objectMetadataId: { eq: companyObjectId } } }, edges: { node: { name: true, type: true } } } });
    const names = r.fields.edges.map((e) => e.node.name);
    return names.includes('name') && names.includes('people') ? null : JSON.stringify(names);
  });

  if (!coreSdl) { console.log('FAIL no core schema'); process.exit(1); }
  const { replaceCoreClient } = require(`${sdkRoot}/dist/generate.cjs`);
  await check('SDK core: client generated from the served schema', () => replaceCoreClient({ packageRoot: sdkRoot, schema: coreSdl }));
  const { CoreApiClient } = require(`${sdkRoot}/dist/core.cjs`);
  const core = new CoreApiClient({ url: `${baseUrl}/graphql`, headers: { Authorization: `Bearer ${token}` } });
  const name = `sdk-${Date.now()}`;
  let id;
  await check('SDK core: create', async () => {
    const r = await core.mutation({ createCompany: { __args: { data: { name, employees: 3 } }, id: true, name: true, employees: true } });
    id = r.createCompany.id;
    return r.createCompany.name === name && r.createCompany.employees === 3 ? null : JSON.stringify(r);
  });
  await check('SDK core: list with all scalars', async () => {
    const r = await core.query({ companies: { __args: { filter: { name: { eq: name } } }, totalCount: true, edges: { node: { __scalar: true, people: { totalCount: true } } } } });
    const node = r.companies.edges[0] && r.companies.edges[0].node;
    return r.companies.totalCount === 1 && node.id === id && node.people.totalCount === 0 ? null : JSON.stringify(r);
  });
  await check('SDK core: update', async () => {
    const r = await core.mutation({ updateCompany: { __args: { id, data: { employees: 9 } }, id: true, employees: true } });
    return r.updateCompany.employees === 9 ? null : JSON.stringify(r);
  });
  await check('SDK core: delete (soft) then destroy', async () => {
    const soft = await core.mutation({ deleteCompany: { __args: { id }, id: true, deletedAt: true } });
    if (!soft.deleteCompany.deletedAt) return JSON.stringify(soft);
    const hard = await core.mutation({ destroyCompany: { __args: { id }, id: true } });
    return hard.destroyCompany.id === id ? null : JSON.stringify(hard);
  });
  await check('SDK core: errors keep their code', async () => {
    try {
      await core.mutation({ updateCompany: { __args: { id, data: { employees: 1 } }, id: true } });
      return 'no error';
    } catch (error) {
      const code = error.errors && error.errors[0] && error.errors[0].extensions && error.errors[0].extensions.code;
      return code === 'NOT_FOUND' ? null : `code ${code}: ${error.message}`;
    }
  });
  console.log(failures ? `${failures} check(s) failed` : 'all checks passed');
  process.exit(failures ? 1 : 0);
})();
