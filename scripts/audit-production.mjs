// Fails when production dependencies have high or critical advisories. When the registry's audit
// endpoint cannot be reached (as in networks that only mirror packages), it says so and does not fail:
// an unanswered audit is reported, not counted as a pass or a failure of the code.
import { spawnSync } from 'node:child_process';

const result = spawnSync('npm', ['audit', '--omit=dev', '--json'], { encoding: 'utf8' });
let report;
try {
  report = JSON.parse(result.stdout);
} catch {
  console.log(`npm audit no respondió con un informe: ${result.stderr.trim().split('\n').pop()}`);
  process.exit(0);
}
if (report.error) {
  console.log(`npm audit no disponible en este entorno (HTTP ${report.statusCode ?? report.error.code ?? '?'}).`);
  process.exit(0);
}
const { high = 0, critical = 0 } = report.metadata?.vulnerabilities ?? {};
console.log(`npm audit (producción): ${critical} críticas, ${high} altas.`);
process.exit(high + critical > 0 ? 1 : 0);
