import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig } from './config.ts';
import { KNOWN_PWM_DEVICES } from './hardware/pwm-sysfs.ts';
import { READER_SYMLINK } from './reader/keyboard.ts';
import { SRC } from './testing/run-script.ts';

// The installation kit in deploy/gate agrees with the program: the example configuration is valid and
// names the LEDs config.txt creates, the udev rule makes the reader's name the program looks for, and
// the service, the command and the guide all run the same Node.

const kit = (name: string) => readFile(join(SRC, '../../../deploy/gate', name), 'utf8');

describe('the installation kit', () => {
  it('has an example configuration the gate accepts, naming the LEDs that config.txt creates', async () => {
    const config = parseConfig(await kit('config.example.json'), 'config.example.json');
    const snippet = await kit('config.txt.snippet');
    const labels = [...snippet.matchAll(/^dtoverlay=gpio-led,gpio=\d+,label=([\w-]+)/gm)].map((m) => m[1]);
    expect(Object.values(config.signals).sort()).toEqual(labels.sort());
    expect(snippet).toMatch(/^dtoverlay=pwm-2chan,pin=18,func=2,pin2=19,func2=2$/m);
    for (const device of KNOWN_PWM_DEVICES) expect(snippet).toContain(device);
  });

  it('gives the reader the name the program tries first, and the PWM and LEDs to the gpio group', async () => {
    const rules = await kit('99-footarena-gate.rules');
    expect(rules.match(/SYMLINK\+="([\w-]+)"/g)).toEqual([`SYMLINK+="${READER_SYMLINK}"`, `SYMLINK+="${READER_SYMLINK}"`]);
    expect(rules).toMatch(/^SUBSYSTEM=="pwm", ACTION=="add\|change", RUN\+=.*chgrp -R gpio \/sys\$devpath/m);
    expect(rules).toMatch(/^SUBSYSTEM=="leds", KERNEL=="gate-\*"/m);
  });

  it('runs the same Node 24 and configuration from the service, the command and the guide', async () => {
    const node = '/opt/footarena-gate/node/node_modules/node/bin/node';
    const service = await kit('footarena-gate.service');
    expect(service).toContain(`ExecStart=${node} --import tsx src/main.ts --config /etc/footarena-gate/config.json`);
    expect(service).toMatch(/^Restart=always$/m);
    expect(service).toMatch(/^SupplementaryGroups=gpio input dialout$/m);
    expect(await kit('footarena-gate')).toContain(`NODE=${node}`);
    expect(await kit('GUIDE.md')).toContain('npm install --prefix /opt/footarena-gate/node node@24');
  });
});
