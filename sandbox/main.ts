/**
 * `npm start`: serves the sandbox (the real built add-on against in-memory Apps Script fakes).
 * Flags: `--reset` (start from the demo data), `--port N` (else $PORT, else 8080),
 * `--state-dir DIR` (else `.sandbox-state/`).
 */
import { parseArgs } from 'node:util';
import { startSandbox } from './server.ts';

const { values } = parseArgs({
  options: {
    reset: { type: 'boolean', default: false },
    port: { type: 'string' },
    'state-dir': { type: 'string' },
    host: { type: 'string' },
  },
  allowPositionals: false,
});

const port = Number(values.port ?? process.env.PORT ?? 8080);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`Invalid port: ${values.port ?? process.env.PORT}`);
  process.exit(2);
}

const started = performance.now();
try {
  const sandbox = await startSandbox({
    port,
    reset: values.reset,
    ...(values['state-dir'] ? { stateDir: values['state-dir'] } : {}),
    ...(values.host ? { host: values.host } : {}),
  });
  const ms = Math.round(performance.now() - started);
  console.log(
    `Wegwijs sandbox: ${sandbox.url}  (ready in ${ms} ms${values.reset ? ', demo data reset' : ''})`,
  );
  const stop = () => {
    void sandbox.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (error) {
  const code = (error as { code?: string }).code;
  console.error(
    code === 'EADDRINUSE'
      ? `Port ${port} is in use; choose another with --port or PORT.`
      : `Sandbox failed to start: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
}
