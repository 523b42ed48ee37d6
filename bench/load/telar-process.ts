import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { type ProbeSnapshot, readProbeSnapshot } from './evidence.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TELAR_BIN = 'bin/telar.mjs';
const PROBE = fileURLToPath(new URL('./server-probe.mjs', import.meta.url));
const READY_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 5_000;
/** Enough of the server's output to show why it failed or what it logged as errors. */
const LOG_TAIL_CHARS = 20_000;

const runFile = promisify(execFile);

/** Runs a one-off `telar` command (create-admin, import) against the database and returns its output. */
export async function runTelarCommand(args: string[], databaseUrl: string): Promise<string> {
  const { stdout } = await runFile(process.execPath, [TELAR_BIN, ...args], { cwd: ROOT, env: { ...process.env, DATABASE_URL: databaseUrl }, timeout: 120_000 });
  return stdout;
}

export interface TelarServer {
  baseUrl: string;
  pid: number;
  /** What the process wrote since the last call (at most the last LOG_TAIL_CHARS characters). */
  takeLog(): string;
  /** CPU time (user + system) the process has used so far, in seconds; NaN where /proc is missing. */
  readCpuSeconds(): number;
  /**
   * What server-probe.mjs saw since the previous call (or since start), then it starts afresh;
   * undefined when the server runs without the probe.
   */
  takeProbeSnapshot(): Promise<ProbeSnapshot | undefined>;
  /** Sends the signal and resolves once the process has exited. */
  stop(signal: NodeJS.Signals): Promise<void>;
}

export interface ServerOptions {
  /** Added to the environment the server inherits from the benchmark. */
  env?: Record<string, string>;
  /** Where server-probe.mjs writes its snapshots; without it the server runs without the probe. */
  probeFile?: string;
}

/** Starts the built server as a child process on 127.0.0.1:port and resolves once it answers HTTP. */
export async function startTelarServer(port: number, databaseUrl: string, { env = {}, probeFile }: ServerOptions = {}): Promise<TelarServer> {
  const child = spawn(process.execPath, [...(probeFile ? ['--import', PROBE] : []), TELAR_BIN, 'serve', '--port', String(port)], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl, HOST: '127.0.0.1', ...env, ...(probeFile ? { TELAR_LOAD_PROBE_FILE: probeFile } : {}) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const appendLog = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-LOG_TAIL_CHARS);
  };
  child.stdout.on('data', appendLog);
  child.stderr.on('data', appendLog);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const takeLog = () => {
    const taken = log;
    log = '';
    return taken;
  };
  const server: TelarServer = {
    baseUrl: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    takeLog,
    async takeProbeSnapshot() {
      if (!probeFile || child.exitCode !== null || child.signalCode !== null) return undefined;
      rmSync(probeFile, { force: true });
      child.kill('SIGUSR2');
      return readProbeSnapshot(probeFile);
    },
    readCpuSeconds: () => readProcessCpuSeconds(child.pid),
    stop: (signal) => stopChild(child, exited, signal),
  };
  try {
    await waitUntilAnswering(server.baseUrl, child);
  } catch (error) {
    await server.stop('SIGKILL');
    throw new Error(`${(error as Error).message}\n${log}`);
  }
  return server;
}

/** Linux: utime + stime from /proc/PID/stat, in clock ticks of 1/100 s. */
function readProcessCpuSeconds(pid: number | undefined): number {
  const path = `/proc/${pid}/stat`;
  if (!pid || !existsSync(path)) return Number.NaN;
  // The command name (field 2) may hold spaces, so fields are counted after its closing parenthesis.
  const stat = readFileSync(path, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

async function stopChild(child: ChildProcess, exited: Promise<void>, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill(signal);
  // A graceful stop that hangs (open keep-alive sockets) is finished off rather than waited on.
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}

async function waitUntilAnswering(baseUrl: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The server exited while starting (code ${child.exitCode}).`);
    try {
      const response = await fetch(`${baseUrl}/api/public/bodies`, { signal: AbortSignal.timeout(1_000) });
      await response.arrayBuffer();
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`The server did not answer within ${READY_TIMEOUT_MS / 1000} s.`);
}
