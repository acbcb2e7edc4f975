// Validates AsyncAPI documents with @asyncapi/parser: the AsyncAPI JSON Schema and the AsyncAPI Spectral rules,
// as `asyncapi validate` does. Prints every diagnostic; exits 1 if any is an error or a warning.
import { readFile } from 'node:fs/promises';
import { Parser, DiagnosticSeverity } from '@asyncapi/parser';

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: node validate.mjs <asyncapi.json|yaml>...');
  process.exit(2);
}
const parser = new Parser();
let failed = false;
for (const file of files) {
  const { document, diagnostics } = await parser.parse(await readFile(file, 'utf8'), { source: file });
  for (const diagnostic of diagnostics) {
    const severity = DiagnosticSeverity[diagnostic.severity] ?? diagnostic.severity;
    console.log(`${file}: ${severity} ${diagnostic.code} at /${diagnostic.path.join('/')}: ${diagnostic.message}`);
  }
  const blocking = diagnostics.filter(d => d.severity <= DiagnosticSeverity.Warning);
  if (document === undefined || blocking.length > 0) {
    console.log(`${file}: invalid`);
    failed = true;
  } else {
    console.log(`${file}: valid AsyncAPI ${document.version()}`);
  }
}
process.exit(failed ? 1 : 0);
