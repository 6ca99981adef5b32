/** Issue 4, acceptance 5: the REST API of proposals, review and versions is described by an OpenAPI document the app serves. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildTestApp } from '../helpers/app.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/databases.ts';

const ENDPOINTS = [
  'GET /api/proposals/overview',
  'GET /api/ladders/{slug}/proposals',
  'POST /api/ladders/{slug}/proposals',
  'GET /api/ladders/{slug}/proposals/{number}',
  'PATCH /api/ladders/{slug}/proposals/{number}',
  'GET /api/ladders/{slug}/proposals/{number}/content',
  'POST /api/ladders/{slug}/proposals/{number}/open',
  'POST /api/ladders/{slug}/proposals/{number}/close',
  'POST /api/ladders/{slug}/proposals/{number}/reopen',
  'POST /api/ladders/{slug}/proposals/{number}/merge',
  'GET /api/ladders/{slug}/proposals/{number}/update-from-published',
  'POST /api/ladders/{slug}/proposals/{number}/update-from-published',
  'GET /api/ladders/{slug}/proposals/{number}/verdicts',
  'POST /api/ladders/{slug}/proposals/{number}/verdicts',
  'GET /api/ladders/{slug}/proposals/{number}/comments',
  'POST /api/ladders/{slug}/proposals/{number}/comments',
  'PATCH /api/ladders/{slug}/proposals/{number}/comments/{id}',
  'DELETE /api/ladders/{slug}/proposals/{number}/comments/{id}',
  'POST /api/ladders/{slug}/proposals/{number}/comments/{id}/resolve',
  'POST /api/ladders/{slug}/proposals/{number}/comments/{id}/unresolve',
  'PATCH /api/ladders/{slug}/settings',
  'GET /api/ladders/{slug}/versions',
  'GET /api/ladders/{slug}/versions/{version}',
  'GET /api/ladders/{slug}/versions/{from}/diff/{to}',
  'GET /api/ladders/{slug}/versions/{version}/compare',
  'POST /api/ladders/{slug}/versions/{version}/restore',
  'GET /api/notifications',
  'POST /api/notifications/seen',
];

describe('OpenAPI document', () => {
  let db: TestDatabase;
  let app: FastifyInstance;
  let doc: any;

  beforeAll(async () => {
    db = await createTestDatabase('sqlite');
    app = await buildTestApp(db.url);
    const res = await app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    doc = res.json();
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('is served to anyone as OpenAPI 3.1', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info.title).toBe('Rungs API');
  });

  it.each(ENDPOINTS)('describes %s with tags, parameters and its response schema', (endpoint) => {
    const [method, path] = endpoint.split(' ') as [string, string];
    const op = doc.paths[path]?.[method.toLowerCase()];
    expect(op, `${endpoint} is missing`).toBeDefined();
    expect(op.tags?.length).toBeGreaterThan(0);
    expect(op.summary).toBeTruthy();
    const params = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
    const pathParams = (op.parameters ?? []).filter((p: { in: string }) => p.in === 'path');
    expect(pathParams.map((p: { name: string }) => p.name).sort()).toEqual(params.sort());
    const success = Object.keys(op.responses).filter((s) => s.startsWith('2'));
    expect(success).toHaveLength(1);
    if (success[0] !== '204')
      expect(op.responses[success[0]!].content['application/json'].schema.type).toBe('object');
    expect(op.responses['401'] ?? op.responses['404']).toBeDefined();
    if (['POST', 'PATCH'].includes(method) && op.requestBody) {
      expect(op.requestBody.content['application/json'].schema.type).toBe('object');
    }
  });

  it('spells out the shapes the review screens read', () => {
    const detail =
      doc.paths['/api/ladders/{slug}/proposals/{number}'].get.responses['200'].content['application/json']
        .schema.properties.proposal;
    expect(Object.keys(detail.properties)).toEqual(
      expect.arrayContaining([
        'state',
        'approvals',
        'reviewers',
        'fingerprint',
        'changes',
        'preview',
        'conflicts',
        'checks',
      ]),
    );
    expect(Object.keys(detail.properties.changes.properties.diff.properties)).toEqual([
      'ladder',
      'levels',
      'competencies',
      'cells',
    ]);
    const verdict =
      doc.paths['/api/ladders/{slug}/proposals/{number}/verdicts'].post.requestBody.content[
        'application/json'
      ].schema;
    expect(verdict.required).toEqual(['verdict']);
  });
});
