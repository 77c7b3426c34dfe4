// Lints the named queries with Neo4j's own Cypher parser and semantic analysis
// (npm @neo4j-cypher/language-support), plus the few rules of the common subset of Cypher
// that both stores run (FalkorDB and Neo4j 5) which Neo4j alone would accept.
//
//   node tools/cypher-lint/lint.mjs [--schema schema.json] [file.cypher ...]
//
// Without file arguments it lints every queries/cypher/*.cypher. Prints one line per
// diagnostic, `file:line:col: severity: message`, and exits 1 if there is any (warnings
// included: deprecations must fail). The parameters a query may use are the ones its header
// declares, so an undeclared `$name` is reported too. Functions are Neo4j's built-in ones
// (APOC and any other plugin is reported as unknown) and no procedure is allowed.
// `--schema` names a JSON file with `labels`, `relationshipTypes` and `propertyKeys`; with it,
// a label or relationship type outside the graph contract is reported as well.

import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// The package's ESM build uses extension-less imports that Node refuses; its CommonJS build
// works, so load that one.
const require = createRequire(import.meta.url);
const { lintCypherQuery, parse, testData } = require('@neo4j-cypher/language-support');

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const QUERY_DIR = join(ROOT, 'queries', 'cypher');
const CYPHER_VERSION = 'CYPHER 5';

// Neo4j's built-in function signatures ship with the package (as its test schema, which is
// the function list of a Neo4j 5 server); only the built-ins are kept, so that a plugin
// function such as apoc.* is reported as unknown.
function builtInFunctions() {
  const all = testData?.mockSchema?.functions?.[CYPHER_VERSION];
  if (!all) {
    throw new Error('@neo4j-cypher/language-support no longer ships its function list; update lint.mjs');
  }
  return Object.fromEntries(Object.entries(all).filter(([, fn]) => fn.isBuiltIn));
}

// Rules of the common subset: things Neo4j 5 accepts but FalkorDB does not run, or that the
// project keeps out of named queries. Checked on the text with comments and strings blanked.
const RULES = [
  [/\b(EXISTS|COUNT|COLLECT)\s*\{/gi, 'subquery expressions ({...}) are not in the common subset'],
  // CALL { WITH x ... } runs on both; the scoped form CALL (x) { ... } only on Neo4j.
  [/\bCALL\s*\(/gi, 'scoped CALL (x) { ... } subqueries do not run on FalkorDB: import with CALL { WITH x ... }'],
  [/\bapoc\./gi, 'APOC is not available on FalkorDB'],
  [/\bMATCH\s+(\w+\s*=\s*)?shortestPath\s*\(/gi, 'shortestPath runs on FalkorDB only inside WITH or RETURN'],
  [
    /\bshortestPath\s*\(\s*\([^()]*\)\s*-\[[^\]]*\]-\s*\(/gi,
    'FalkorDB has no undirected shortestPath: give the pattern a direction (or use allShortestPaths in MATCH)',
  ],
  [/\[[^\]]*\*\s*\]/g, 'unbounded variable-length relationship: give it an upper bound'],
  [/\[[^\]]*\*\s*\d*\s*\.\.\s*\]/g, 'unbounded variable-length relationship: give it an upper bound'],
];

function blankCommentsAndStrings(text) {
  // Keeps every offset: blanked characters become spaces, newlines stay.
  let out = '';
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') {
        out += ' ';
        i += 1;
      }
    } else if (ch === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end < 0 ? text.length : end + 2;
      out += text.slice(i, stop).replace(/[^\n]/g, ' ');
      i = stop;
    } else if (ch === "'" || ch === '"' || ch === '`') {
      let j = i + 1;
      while (j < text.length && text[j] !== ch) j += text[j] === '\\' ? 2 : 1;
      out += ch + text.slice(i + 1, j).replace(/[^\n]/g, ' ') + (j < text.length ? ch : '');
      i = j + 1;
    } else {
      out += ch;
      i += 1;
    }
  }
  return out;
}

function position(text, offset) {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, col: before[before.length - 1].length + 1 };
}

// The header's `params:` block (see queries/catalog.py): its keys at the first indentation
// level are the parameter names. A full YAML parser is not needed for that.
function declaredParameters(text) {
  const header = [];
  for (const line of text.split('\n')) {
    if (!line.startsWith('//')) break;
    header.push(line.startsWith('// ') ? line.slice(3) : line.slice(2));
  }
  const names = {};
  const start = header.findIndex((line) => /^params\s*:/.test(line));
  if (start < 0) return names;
  let keyIndent = null;
  for (const line of header.slice(start + 1)) {
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    const indent = line.length - line.trimStart().length;
    if (indent === 0) break;
    if (keyIndent === null) keyIndent = indent;
    const match = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*:/.exec(line);
    if (indent === keyIndent && match) names[match[1]] = 'declared';
  }
  return names;
}

function lintFile(file, extraSchema, functions) {
  const text = readFileSync(file, 'utf8');
  const diagnostics = [];
  const statements = parse(text).filter((statement) => statement.getText().trim().length > 0);
  if (statements.length !== 1) {
    diagnostics.push({
      line: 1,
      col: 1,
      severity: 'error',
      message: `a named query holds exactly one statement, found ${statements.length}`,
    });
  }
  const schema = {
    ...extraSchema,
    parameters: declaredParameters(text),
    functions: { [CYPHER_VERSION]: functions },
    procedures: { [CYPHER_VERSION]: {} },
    defaultLanguage: CYPHER_VERSION,
  };
  for (const found of lintCypherQuery(text, schema)) {
    diagnostics.push({
      line: found.range.start.line + 1,
      col: found.range.start.character + 1,
      severity: found.severity === 1 ? 'error' : 'warning',
      message: found.message.replace(/\s+/g, ' ').trim(),
    });
  }
  const code = blankCommentsAndStrings(text);
  for (const [pattern, message] of RULES) {
    for (const match of code.matchAll(pattern)) {
      diagnostics.push({ ...position(code, match.index), severity: 'error', message: `${message} (rsg)` });
    }
  }
  return diagnostics.sort((a, b) => a.line - b.line || a.col - b.col);
}

function main(argv) {
  let schemaFile = null;
  const files = [];
  for (let i = 0; i < argv.length; i += 1) {
    if (argv[i] === '--schema') {
      schemaFile = argv[i + 1];
      i += 1;
    } else {
      files.push(resolve(argv[i]));
    }
  }
  if (files.length === 0) {
    for (const name of readdirSync(QUERY_DIR).sort()) {
      if (name.endsWith('.cypher')) files.push(join(QUERY_DIR, name));
    }
  }
  const extraSchema = {};
  if (schemaFile) {
    const given = JSON.parse(readFileSync(schemaFile, 'utf8'));
    for (const key of ['labels', 'relationshipTypes', 'propertyKeys']) {
      if (given[key]) extraSchema[key] = given[key];
    }
  }
  const functions = builtInFunctions();
  let count = 0;
  for (const file of files) {
    const inside = relative(process.cwd(), file);
    const shown = inside && !inside.startsWith('..') && !isAbsolute(inside) ? inside : file;
    let diagnostics;
    try {
      diagnostics = lintFile(file, extraSchema, functions);
    } catch (error) {
      diagnostics = [{ line: 1, col: 1, severity: 'error', message: `cannot lint: ${error.message}` }];
    }
    for (const d of diagnostics) {
      console.log(`${shown}:${d.line}:${d.col}: ${d.severity}: ${d.message}`);
      count += 1;
    }
  }
  return count === 0 ? 0 : 1;
}

process.exitCode = main(process.argv.slice(2));
