import { Ajv2020 } from 'ajv/dist/2020.js';
import { expect } from 'vitest';
import type { TestApp } from './harness.ts';

type OpenApiDocument = {
  openapi: string;
  paths: Record<string, Record<string, { responses: Record<string, { content: { 'application/json': { schema: { $ref: string } } } }> }>>;
  components: { schemas: Record<string, object> };
};

/**
 * The device API's published OpenAPI document, with its schemas loaded in a validator, and `conforms`:
 * checks a live answer against the schema the document promises for that path and status, and returns
 * its body.
 */
export async function openApiOf(t: TestApp) {
  const doc = (await (await t.app.request('http://localhost/api/v1/openapi.json')).json()) as OpenApiDocument;
  const ajv = new Ajv2020({ strict: false, validateFormats: false });
  for (const [name, schema] of Object.entries(doc.components.schemas)) ajv.addSchema(schema, `#/components/schemas/${name}`);
  const conforms = async (path: string, response: Response, method = 'post') => {
    const declared = doc.paths[path]![method]!.responses[String(response.status)];
    expect(declared, `${path} documents status ${response.status}`).toBeDefined();
    const validate = ajv.getSchema(declared!.content['application/json'].schema.$ref)!;
    const body = await response.json();
    expect(validate(body), JSON.stringify(validate.errors)).toBe(true);
    return body;
  };
  return { doc, ajv, conforms };
}
