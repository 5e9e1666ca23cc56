'use strict';
// The grader's trusted reporter for node test files, loaded with --require before the test
// file and the solution. It takes the run's nonce (and deletes it) before any sample code
// runs, wraps node:test's test()/it() so each test's own outcome is written, nonce first,
// to a results file, and freezes what a solution could patch to make a failing test pass:
// node:assert, node:test, the module loader and promises. node:test's reporters and stdout
// are never read as results.
const fs = require('fs');
const Module = require('module');

// The nonce is never a JS string: kept XOR-masked, unmasked only into the buffer being
// written and zeroed after, so a scan of this process's memory does not find it whole.
const secretPath = process.env.GRADER_SECRET || '';
let pad = Buffer.alloc(0);
let masked = Buffer.alloc(0);
try {
  const raw = fs.readFileSync(secretPath);
  const length = raw.length - (raw[raw.length - 1] === 10 ? 1 : 0);
  pad = require('crypto').randomBytes(length);
  masked = Buffer.alloc(length);
  for (let i = 0; i < length; i += 1) masked[i] = raw[i] ^ pad[i];
  raw.fill(0);
} catch (_) { /* no nonce: no results */ }
try { fs.unlinkSync(secretPath); } catch (_) { /* already gone */ }
let out = -1;
try { out = fs.openSync(process.env.GRADER_RESULTS || '/dev/null', 'a', 0o600); } catch (_) { /* none */ }
delete process.env.GRADER_SECRET;
delete process.env.GRADER_RESULTS;

const apply = Reflect.apply;
const writeSync = fs.writeSync;
const stringify = JSON.stringify;
const now = process.hrtime.bigint;
const then = Promise.prototype.then;
const freeze = Object.freeze;
const StringOf = String;
const NumberOf = Number;
const slice = String.prototype.slice;

const fromString = Buffer.from;
const allocSlow = Buffer.allocUnsafeSlow;
const setBytes = Uint8Array.prototype.set;
const fillBytes = Uint8Array.prototype.fill;
function emit(record) {
  if (out < 0 || masked.length === 0) return;
  const rest = fromString('\t' + stringify(record) + '\n');
  const line = allocSlow(masked.length + rest.length);
  for (let i = 0; i < masked.length; i += 1) line[i] = masked[i] ^ pad[i];
  apply(setBytes, line, [rest, masked.length]);
  try { writeSync(out, line); } catch (_) { /* closed */ }
  apply(fillBytes, line, [0]);
}

function messageOf(error) {
  try {
    const text = error && typeof error === 'object' ? error.message : error;
    // Lines kept: the host makes one readable line of them (node_message).
    return apply(slice, StringOf(text), [0, 2000]);
  } catch (_) {
    return 'the test threw a value that cannot be shown';
  }
}

function wrapBody(name, fn) {
  let reported = false;
  const started = now();
  const report = (error) => {
    if (reported) return;
    reported = true;
    emit({
      name,
      outcome: error === undefined ? 'passed' : 'failed',
      message: error === undefined ? '' : messageOf(error),
      duration_s: NumberOf(now() - started) / 1e9,
    });
  };
  if (fn.length >= 2) { // callback style: (t, done)
    return function (t, done) {
      const finish = (error) => { report(error ? error : undefined); return done(error); };
      try { return apply(fn, this, [t, finish]); } catch (error) { report(error); throw error; }
    };
  }
  return function (t) {
    let result;
    try { result = apply(fn, this, [t]); } catch (error) { report(error); throw error; }
    if (result === null || (typeof result !== 'object' && typeof result !== 'function')) {
      report(undefined);
      return result;
    }
    return new Promise((resolve, reject) => {
      apply(then, result, [
        (value) => { report(undefined); resolve(value); },
        (error) => { report(error === undefined ? 'rejected' : error); reject(error); },
      ]);
    });
  };
}

function wrapDefine(define) {
  const wrapped = function (...args) {
    const name = typeof args[0] === 'string' ? args[0] : (args[0] && args[0].name) || '<anonymous>';
    for (let i = 0; i < args.length; i += 1) {
      if (typeof args[i] === 'function') {
        args[i] = wrapBody(StringOf(name), args[i]);
        break;
      }
    }
    return apply(define, this, args);
  };
  for (const key of ['skip', 'todo', 'only']) {
    if (typeof define[key] === 'function') wrapped[key] = define[key];
  }
  return freeze(wrapped);
}

const nodeTest = require('node:test');
const guardedTest = wrapDefine(nodeTest.test);
const guardedIt = wrapDefine(nodeTest.it);
const exportsOfTest = Object.assign(function test(...args) { return apply(guardedTest, this, args); },
  nodeTest, { test: guardedTest, it: guardedIt });
freeze(exportsOfTest);

const assert = require('assert');
// Loose comparisons coerce an object through its valueOf/toString/Symbol.toPrimitive, which
// a returned object controls: an object against a primitive is a failure of its own.
const isObject = (value) => (typeof value === 'object' && value !== null) || typeof value === 'function';
for (const key of ['equal', 'notEqual']) {
  const compare = assert[key];
  assert[key] = function (actual, expected, ...rest) {
    if (actual != null && expected != null && isObject(actual) !== isObject(expected)) {
      throw new assert.AssertionError({
        message: 'an object was compared with a plain value: the code returned something ' +
          'that is not plain data of the expected kind',
        actual, expected, operator: key,
      });
    }
    return apply(compare, this, [actual, expected, ...rest]);
  };
}
freeze(assert.strict);
freeze(assert);
freeze(require('assert/strict'));
freeze(Promise.prototype);
freeze(Promise);

// The test file runs in strict mode (a solution cannot reach its functions through
// fn.caller or stack-trace call sites) and is deleted from disk once read, before the
// solution it requires is loaded.
const mainPath = require('path').resolve(process.argv[1] || '');
const loadJs = Module._extensions['.js'];
let mainLoaded = false;
Module._extensions['.js'] = function (module, filename) {
  if (filename !== mainPath || mainLoaded) return apply(loadJs, this, [module, filename]);
  mainLoaded = true;
  const source = fs.readFileSync(filename, 'utf8');
  try { fs.unlinkSync(filename); } catch (_) { /* read-only: stays */ }
  const strict = source.startsWith('#!') ? source : `'use strict';${source}`;
  return module._compile(strict, filename);
};

const load = Module._load;
// The inspector and heap snapshots would show this file's closures and the nonce.
const REFUSED = new Set(['inspector', 'node:inspector', 'inspector/promises', 'node:inspector/promises']);
const v8 = require('v8');
for (const key of ['getHeapSnapshot', 'writeHeapSnapshot', 'setHeapSnapshotNearHeapLimit']) {
  if (typeof v8[key] === 'function') {
    v8[key] = () => { throw new Error(`v8.${key} is not available in the grader's sandbox`); };
  }
}
freeze(v8);
const binding = process.binding;
Object.defineProperty(process, 'binding', {
  value: function (name) {
    if (name === 'inspector' || name === 'heap_utils') throw new Error(`process.binding('${name}') is not available`);
    return apply(binding, process, [name]);
  },
  writable: false,
  configurable: false,
});
const guardedLoad = function (request, parent, isMain) {
  if (request === 'node:test' || request === 'test') return exportsOfTest;
  if (REFUSED.has(request)) throw new Error(`${request} is not available in the grader's sandbox`);
  return apply(load, this, [request, parent, isMain]);
};
for (const [key, value] of [['_load', guardedLoad], ['prototype', Module.prototype]]) {
  Object.defineProperty(Module, key, { value, writable: false, configurable: false });
}
freeze(Module.prototype);
