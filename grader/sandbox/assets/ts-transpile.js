// Strips TypeScript types: transpiles each FILE.ts to FILE.js (CommonJS).
// Usage: node ts-transpile.js TYPESCRIPT_DIR [--check SOLUTION.ts] FILE.ts...
// With --check, SOLUTION.ts is type-checked first, as a project's build would (tsc --noEmit --strict,
// untyped parameters allowed): its type errors are compile errors. Names and modules that only Node's own
// type definitions declare (require, process, 'crypto', ...) are not errors: the sandbox has no
// @types/node, and what they stand for exists at run time.
"use strict";
const fs = require("fs");
let ts;
try {
  ts = require(process.argv[2]);
} catch (e) {
  console.error("typescript is not installed for the sandbox (run grader's setup): " + e.message);
  process.exit(3);
}
let files = process.argv.slice(3);
let check = null;
if (files[0] === "--check") {
  check = files[1];
  files = files.slice(2);
}
// Cannot find name / module (Node's globals and modules, without @types/node); no declaration
// file for a module; an export = module used with a default import.
const NOT_TYPE_ERRORS = new Set([2304, 2307, 2552, 2580, 2581, 2582, 2584, 2591, 2592, 2593, 7016, 1259, 2686]);

function report(d, fallback) {
  const where = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : null;
  const text = ts.flattenDiagnosticMessageText(d.messageText, "\n").split("\n")[0];
  const name = d.file ? d.file.fileName : fallback;
  console.error(`${name}${where ? `:${where.line + 1}:${where.character + 1}` : ""}: error: ${text}`);
}

let failed = false;
if (check) {
  const options = {
    noEmit: true,
    strict: true,
    noImplicitAny: false, // untyped parameters are a style, not a type error
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.CommonJS,
    lib: ["lib.es2022.d.ts"],
    types: [],
    esModuleInterop: true,
    allowSyntheticDefaultImports: true,
    skipLibCheck: true,
  };
  const program = ts.createProgram([check], options);
  const source = program.getSourceFile(check);
  const found = [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)]
    .filter((d) => d.category === ts.DiagnosticCategory.Error && !NOT_TYPE_ERRORS.has(d.code));
  for (const d of found.slice(0, 20)) report(d, check);
  failed = found.length > 0;
}
if (!failed) {
  for (const file of files) {
    const source = fs.readFileSync(file, "utf8");
    const out = ts.transpileModule(source, {
      fileName: file,
      reportDiagnostics: true,
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020, esModuleInterop: true },
    });
    for (const d of out.diagnostics || []) {
      report(d, file);
      failed = true;
    }
    fs.writeFileSync(file.replace(/\.ts$/, ".js"), out.outputText);
  }
}
process.exit(failed ? 1 : 0);
