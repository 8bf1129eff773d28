// Tobira's worker for one Node.js trigger function, run as Lambda's Node.js runtime runs a handler.
//
// Started as: node worker.mjs TOKEN TASK_ROOT HANDLER (HANDLER is Lambda's "module.function", e.g.
// "index.handler" or "src/app.handler"). Protocol (Tobira <-> worker): one JSON object per line.
// Requests on stdin: {"id", "requestId", "arn", "remainingMs", "event"}. Answers on stdout, each line
// prefixed with TOKEN and a space: {"ready": true} once the handler is loaded, or {"initError":
// message}; then per request {"id", "payload": the result as JSON text}, {"id", "errorType",
// "errorMessage"} when it threw or rejected, or {"id", "marshalError"} when the result is not JSON.
// The function's own process.stdout (console.log) goes to stderr; before each answer the worker
// writes "TOKEN end ID" on stderr, so that Tobira logs a call's lines before it takes its answer
// (writes to a pipe are synchronous on Linux: they keep their order). stdin's end ends the worker.
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { pathToFileURL } from 'node:url';

const [TOKEN, TASK_ROOT, HANDLER] = process.argv.slice(2);

const protocolWrite = process.stdout.write.bind(process.stdout);
process.stdout.write = process.stderr.write.bind(process.stderr);

const stderrWrite = process.stderr.write.bind(process.stderr);

function send(message) {
  if (message.id !== undefined) {
    stderrWrite(TOKEN + ' end ' + message.id + '\n');
  }
  protocolWrite(TOKEN + ' ' + JSON.stringify(message) + '\n');
}

/** Lambda's split: the module is up to the first '.' after the last '/', the rest a property path. */
function splitHandler(handler) {
  const slash = handler.lastIndexOf('/');
  const dot = handler.indexOf('.', slash + 1);
  return { module: handler.slice(0, dot), names: handler.slice(dot + 1).split('.') };
}

async function loadHandler() {
  const { module, names } = splitHandler(HANDLER);
  const file = ['.js', '.mjs', '.cjs'].map((ext) => path.resolve(TASK_ROOT, module + ext)).find((f) => fs.existsSync(f));
  if (!file) {
    throw new Error(`Cannot find module '${module}'`);
  }
  let loaded;
  try {
    loaded = await import(pathToFileURL(file).href);
  } catch (e) {
    console.error(e);
    throw new Error(`Unable to import module '${module}': ${e && e.message}`);
  }
  const find = (root) => names.reduce((value, name) => (value == null ? undefined : value[name]), root);
  // A CommonJS module's exports are its default export; its named ones only when Node detects them.
  const handler = find(loaded) ?? find(loaded.default);
  if (typeof handler !== 'function') {
    throw new Error(`${module}.${names.join('.')} is undefined or not exported`);
  }
  return handler;
}

let current = null;

function errorMessage(e) {
  if (e instanceof Error) return e.message;
  if (typeof e === 'string') return e;
  try {
    return JSON.stringify(e);
  } catch {
    return String(e);
  }
}

/** One call: the handler's promise, its callback, or (a sync handler without a callback) its value. */
function call(handler, request) {
  return new Promise((resolve, reject) => {
    const deadline = performance.now() + request.remainingMs;
    current = { reject };
    const callback = (err, value) => (err != null ? reject(err) : resolve(value));
    const context = {
      functionName: process.env.AWS_LAMBDA_FUNCTION_NAME,
      functionVersion: process.env.AWS_LAMBDA_FUNCTION_VERSION,
      invokedFunctionArn: request.arn,
      memoryLimitInMB: process.env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE,
      awsRequestId: request.requestId,
      logGroupName: process.env.AWS_LAMBDA_LOG_GROUP_NAME,
      logStreamName: process.env.AWS_LAMBDA_LOG_STREAM_NAME,
      identity: undefined,
      clientContext: undefined,
      callbackWaitsForEmptyEventLoop: true,
      getRemainingTimeInMillis: () => Math.max(0, Math.floor(deadline - performance.now())),
      succeed: (value) => resolve(value),
      fail: (err) => reject(err ?? new Error('handled')),
      done: callback,
    };
    let returned;
    try {
      returned = handler(request.event, context, callback);
    } catch (e) {
      reject(e);
      return;
    }
    if (returned && typeof returned.then === 'function') {
      returned.then(resolve, reject);
    } else if (handler.length < 3) {
      resolve(returned);
    }
  });
}

function answer(request, result) {
  let payload;
  try {
    payload = JSON.stringify(result === undefined ? null : result);
  } catch (e) {
    send({ id: request.id, marshalError: 'Unable to stringify response body: ' + errorMessage(e) });
    return;
  }
  send({ id: request.id, payload });
}

// A throw from a callback or timer of the current call fails that call, as on Lambda.
process.on('uncaughtException', (e) => (current ? current.reject(e) : console.error(e)));
process.on('unhandledRejection', (e) => (current ? current.reject(e) : console.error(e)));

async function main() {
  process.chdir(TASK_ROOT);
  let handler;
  try {
    handler = await loadHandler();
  } catch (e) {
    send({ initError: errorMessage(e) });
    return;
  }
  send({ ready: true });
  const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  // Tobira sends one request at a time and waits for its answer.
  for await (const line of lines) {
    const request = JSON.parse(line);
    try {
      answer(request, await call(handler, request));
    } catch (e) {
      if (e instanceof Error) console.error(e);
      send({ id: request.id, errorType: e instanceof Error ? e.name : typeof e, errorMessage: errorMessage(e) });
    } finally {
      current = null;
    }
  }
  // Tobira has gone: end, whatever timers the function left behind.
  process.exit(0);
}

main();
