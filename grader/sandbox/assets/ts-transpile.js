// Strips TypeScript types: transpiles each FILE.ts to FILE.js (CommonJS). No type check.
// Usage: node ts-transpile.js TYPESCRIPT_DIR FILE.ts...
"use strict";
const fs = require("fs");
let ts;
try {
  ts = require(process.argv[2]);
} catch (e) {
  console.error("typescript is not installed for the sandbox (run grader's setup): " + e.message);
  process.exit(3);
}
let failed = false;
for (const file of process.argv.slice(3)) {
  const source = fs.readFileSync(file, "utf8");
  const out = ts.transpileModule(source, {
    fileName: file,
    reportDiagnostics: true,
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020, esModuleInterop: true },
  });
  for (const d of out.diagnostics || []) {
    const where = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : null;
    const text = ts.flattenDiagnosticMessageText(d.messageText, "\n");
    console.error(`${file}${where ? `:${where.line + 1}:${where.character + 1}` : ""}: error: ${text}`);
    failed = true;
  }
  fs.writeFileSync(file.replace(/\.ts$/, ".js"), out.outputText);
}
process.exit(failed ? 1 : 0);
