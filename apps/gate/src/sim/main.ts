import { parseArgs } from 'node:util';
import { parseConfig } from '../config.ts';
import { pair } from '../validate/device-api.ts';
import { GateStore } from '../validate/store.ts';
import { startSimulator } from './simulator.ts';

// npm run gate:sim -- --server http://127.0.0.1:3000 --pair ABCD2345
// The gate program on simulated parts, paired with a FootArena like a real gate, and a page to drive it.

const { values } = parseArgs({
  options: {
    server: { type: 'string', default: 'http://127.0.0.1:3000' },
    pair: { type: 'string' },
    data: { type: 'string', default: '.gate-sim' },
    port: { type: 'string', default: '8099' },
    match: { type: 'string' },
  },
});

try {
  const config = parseConfig(
    JSON.stringify({
      server: { url: values.server },
      dataDir: values.data,
      hardware: 'simulated',
      ...(values.match ? { matchId: values.match } : {}),
    }),
    'the command line',
  );
  const store = new GateStore(config.dataDir);
  if (values.pair) {
    const device = await pair(config.server.url, values.pair);
    await store.saveDevice(device);
    console.log(`Paired as "${device.name}".`);
  } else if (!store.device) {
    console.error(
      `Not paired yet. In FootArena, open your club's "Scanners and gates", add a gate, then run:\n  npm run gate:sim -- --server ${config.server.url} --pair <code>`,
    );
    process.exit(2);
  }
  const sim = await startSimulator(config, { port: Number(values.port) });
  console.log(`Gate simulator on ${sim.url} (server ${config.server.url}). Ctrl-C to stop.`);
  const stop = async () => {
    await sim.stop();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
