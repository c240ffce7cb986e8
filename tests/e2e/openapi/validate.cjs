// Validates OpenAPI documents with @apidevtools/swagger-parser (API-CONTRACT §9: they must validate as OpenAPI 3.1).
// Usage: node validate.cjs <document.json>...   Exit code 0 when every document is valid.
'use strict';
const SwaggerParser = require('@apidevtools/swagger-parser');

async function main(files) {
  let failures = 0;
  for (const file of files) {
    try {
      // validate() checks the document against the OpenAPI 3.1 schema, then resolves every $ref (circular ones
      // included: a person's company lists its people).
      const api = await SwaggerParser.validate(file);
      if (api.openapi !== '3.1.1') throw new Error(`openapi is ${api.openapi}, expected 3.1.1`);
      console.log(`PASS ${file}: ${Object.keys(api.paths || {}).length} paths`);
    } catch (error) {
      failures++;
      console.log(`FAIL ${file}: ${error && error.message ? error.message : error}`);
    }
  }
  return failures;
}

main(process.argv.slice(2)).then(
  (failures) => process.exit(failures ? 1 : 0),
  (error) => {
    console.log(`FAIL: ${error && error.stack ? error.stack : error}`);
    process.exit(1);
  },
);
