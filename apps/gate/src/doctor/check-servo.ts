import type { CheckResult, DoctorContext } from './check.ts';

// Moves the arm open and closed again, and asks the person watching whether it did.

export async function checkServo({ config, hardware, say, ask, interactive, sleep }: DoctorContext): Promise<CheckResult> {
  const part = 'Servo';
  const { closedPulseUs, openPulseUs, channel } = config.servo;
  if (interactive) say('Watch the gate arm: it opens now, and closes again 2 seconds later.');
  try {
    await hardware.arm.close();
    await sleep(1000);
    await hardware.arm.open();
    await sleep(2000);
    await hardware.arm.close();
    await sleep(1000);
  } catch (error) {
    return { ok: false, part, summary: `Could not drive the servo: ${(error as Error).message}` };
  } finally {
    await hardware.arm.release().catch(() => {});
  }
  const moved = interactive ? await ask('Did the arm open, then close again?') : undefined;
  if (moved === undefined) {
    return {
      ok: true,
      part,
      summary: `Pulses sent on channel ${channel} (${openPulseUs} µs open, ${closedPulseUs} µs closed); nobody was asked to watch`,
    };
  }
  if (moved) {
    return {
      ok: true,
      part,
      summary: 'The arm opens and closes',
      details: [
        `Not quite the right angles? Adjust servo.openPulseUs (${openPulseUs}) and servo.closedPulseUs (${closedPulseUs}), 500–2500 µs`,
      ],
    };
  }
  return {
    ok: false,
    part,
    summary: 'The arm did not move',
    details: [
      "The servo's signal wire (orange) goes to GPIO18, header pin 12",
      'The servo has its own 5 V supply (red to +5 V, brown to its ground), and that ground is joined to a Pi ground pin (pin 6)',
      'A servo that buzzes without moving is blocked, or its supply is too weak (the SG90 draws up to 0.7 A)',
    ],
  };
}
