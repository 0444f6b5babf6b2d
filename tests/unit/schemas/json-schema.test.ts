import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { collectionNames, collections } from '../../../src/collections/index.ts';

const sourceDirs = ['src/schemas', 'src/collections'];

/** Every property of a zod object literal (`z.strictObject({…})`, `.extend({…})`) in the schema sources, with its JSDoc, whitespace folded. */
function documentedFields(): { file: string; key: string; doc: string | undefined }[] {
  const fields: { file: string; key: string; doc: string | undefined }[] = [];
  for (const file of sourceDirs.flatMap((dir) =>
    readdirSync(dir)
      .filter((f) => f.endsWith('.ts'))
      .map((f) => join(dir, f)),
  )) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      if (
        ts.isPropertyAssignment(node) &&
        ts.isObjectLiteralExpression(node.parent) &&
        ts.isCallExpression(node.parent.parent) &&
        /(?:strictObject|\.extend)$/.test(node.parent.parent.expression.getText(source))
      ) {
        const jsDoc = ts.getJSDocCommentsAndTags(node).filter(ts.isJSDoc).at(-1);
        const doc = jsDoc ? ts.getTextOfJSDocComment(jsDoc.comment)?.replace(/\s+/g, ' ').trim() : undefined;
        fields.push({ file, key: node.name.getText(source), doc });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return fields;
}

/** Every property of a JSON Schema, at any depth, with its description. */
function describedProperties(schema: Record<string, unknown>, path = ''): { path: string; key: string; description: unknown }[] {
  const found: { path: string; key: string; description: unknown }[] = [];
  for (const [key, value] of Object.entries((schema.properties ?? {}) as Record<string, Record<string, unknown>>)) {
    found.push({ path: `${path}${key}`, key, description: value.description }, ...describedProperties(value, `${path}${key}.`));
  }
  if (schema.items) found.push(...describedProperties(schema.items as Record<string, unknown>, `${path}*.`));
  return found;
}

// The JSON Schema editors get: Astro writes .astro/collections/<collection>.schema.json with these options.
const jsonSchemas = collectionNames.map((c) => ({ collection: c, schema: z.toJSONSchema(collections[c].schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown> }));

describe('schema field documentation', () => {
  const fields = documentedFields();

  it('has a JSDoc line on every field', () => {
    expect(fields.length).toBeGreaterThan(100);
    expect(fields.filter((f) => !f.doc).map((f) => `${f.file}: ${f.key}`)).toEqual([]);
  });

  it('reaches the JSON Schema of every collection as each field’s description, word for word', () => {
    const docsOf = Map.groupBy(fields, (f) => f.key);
    const wrong = jsonSchemas.flatMap(({ collection, schema }) =>
      describedProperties(schema)
        .filter((p) => typeof p.description !== 'string' || !docsOf.get(p.key)?.some((f) => f.doc === p.description))
        .map(
          (p) =>
            `${collection}: ${p.path} is described as ${JSON.stringify(p.description)}; its JSDoc says ${
              docsOf
                .get(p.key)
                ?.map((f) => JSON.stringify(f.doc))
                .join(' or ') ?? 'nothing'
            }`,
        ),
    );
    expect(wrong).toEqual([]);
  });

  it('leaves no JSDoc out of the JSON Schema, so a comment changed alone fails here', () => {
    const described = new Set(jsonSchemas.flatMap(({ schema }) => describedProperties(schema).map((p) => `${p.key}\0${p.description}`)));
    expect(fields.filter((f) => !described.has(`${f.key}\0${f.doc}`)).map((f) => `${f.file}: ${f.key}: ${f.doc}`)).toEqual([]);
  });
});
