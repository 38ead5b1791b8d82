import { parseArgs } from 'node:util';
import { systemClock } from './clock.ts';
import { ConfigError, loadConfig } from './config.ts';
import { NotPaired, startGate } from './gate.ts';
import { createPiHardware } from './hardware/pi.ts';
import { createSimulatedHardware } from './hardware/simulated.ts';
import { pair, RefusedByServer } from './validate/device-api.ts';
import { GateStore } from './validate/store.ts';

// footarena-gate [--config /etc/footarena-gate/config.json] [run]
// footarena-gate [--config …] pair <code>      the one-time code of the club's back office
// (footarena-gate doctor is src/doctor.ts.) Under systemd: SIGTERM closes the gate and exits;
// a crash is restarted by the unit, and the queue of offline scans is already on disk.

const { values, positionals } = parseArgs({
  options: { config: { type: 'string', default: '/etc/footarena-gate/config.json' } },
  allowPositionals: true,
});
const [command = 'run', argument] = positionals;
const log = (line: string) => console.log(line);

try {
  const config = loadConfig(values.config);
  if (command === 'pair') {
    if (!argument) throw new ConfigError('Give the pairing code: footarena-gate pair <code>');
    const device = await pair(config.server.url, argument);
    await new GateStore(config.dataDir).saveDevice(device);
    log(`Paired as "${device.name}" for the club's gates. Start it: sudo systemctl restart footarena-gate`);
    process.exit(0);
  }
  if (command !== 'run') throw new ConfigError(`Unknown command "${command}": use run, pair <code> or doctor.`);
  const hardware = config.hardware === 'pi' ? createPiHardware(config) : createSimulatedHardware(systemClock);
  const gate = await startGate({ config, hardware, log });
  log(JSON.stringify({ kind: 'started', server: config.server.url, matchId: gate.validator.matchId }));
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(JSON.stringify({ kind: 'stopping', signal }));
    await gate.stop();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
} catch (error) {
  // Said in words, for the journal and for the person at the terminal; exit 2 = fix the setup first.
  if (error instanceof ConfigError || error instanceof NotPaired) console.error(error.message);
  else if (error instanceof RefusedByServer) console.error(`The server refused: ${error.message}`);
  else console.error(`The gate could not start: ${(error as Error).stack ?? error}`);
  process.exit(error instanceof ConfigError || error instanceof NotPaired || error instanceof RefusedByServer ? 2 : 1);
}
