// npm run bench:codes [-- --runs 20000]
// Signed ticket codes (packages/ticket-code): signs and verifies per second on one thread, against the raw
// ceiling measured in the same run (node:crypto Ed25519 on an already imported KeyObject, no encoding);
// then the code's length and the QR version it needs at error correction level M, from the QR capacity
// table and cross-checked with the `qrcode` package, beside the encodings that were not chosen.
import { createPrivateKey, createPublicKey, sign as cryptoSign, verify as cryptoVerify, randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { CODE_LENGTH, encode, generateKeyPair, parse, SIGNATURE_DOMAIN, sign, verify } from '@footarena/ticket-code';
import QRCode from 'qrcode';
import { encodeBase45 } from '../packages/ticket-code/src/base45.ts';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '20000' } } });
const RUNS = Number(values.runs);
const WARM_UP = Math.min(2000, RUNS);

// QR capacity at level M, versions 1–10 (ISO/IEC 18004, table 7).
const ALPHANUMERIC_M = [20, 38, 61, 90, 122, 154, 178, 221, 262, 311];
const BYTE_M = [14, 26, 42, 62, 84, 106, 122, 152, 180, 213];
const versionFor = (table: number[], length: number) => {
  const index = table.findIndex((capacity) => length <= capacity);
  return index < 0 ? '>10' : String(index + 1);
};

// The gate holds the keys of a few clubs; each code is signed by one of them.
const keys = Array.from({ length: 10 }, () => generateKeyPair());
const publicKeys = Object.fromEntries(keys.map((k) => [k.keyId, k.publicKey]));
const tickets = Array.from({ length: RUNS }, (_, i) => {
  const key = keys[i % keys.length]!;
  return { key, fields: { keyId: key.keyId, ticketId: randomUUID(), matchId: randomUUID() } };
});

function rate(label: string, fn: (i: number) => unknown) {
  for (let i = 0; i < WARM_UP; i++) fn(i);
  const start = performance.now();
  for (let i = 0; i < RUNS; i++) fn(i);
  const ms = performance.now() - start;
  return { label, perSecond: (RUNS / ms) * 1000, microseconds: (ms * 1000) / RUNS };
}

const signing = rate('sign (encode + Ed25519 + base45)', (i) => sign(tickets[i]!.fields, tickets[i]!.key.privateKey));
const codes = tickets.map((t) => sign(t.fields, t.key.privateKey));
const verifying = rate('verify (parse + key lookup + Ed25519)', (i) => {
  if (!verify(codes[i]!, publicKeys).ok) throw new Error('a valid code did not verify');
});
const parsing = rate('parse only (no signature check)', (i) => {
  if (!parse(codes[i]!).ok) throw new Error('a valid code did not parse');
});

// The raw ceiling: Ed25519 alone on imported keys and ready bytes.
const domain = Buffer.from(SIGNATURE_DOMAIN, 'latin1');
const keyObjects = keys.map((k) => {
  const jwk = { kty: 'OKP', crv: 'Ed25519', x: k.publicKey, d: k.privateKey };
  return { privateKey: createPrivateKey({ key: jwk, format: 'jwk' }), publicKey: createPublicKey({ key: jwk, format: 'jwk' }) };
});
const messages = tickets.map((t) => Buffer.concat([domain, encode(t.fields)]));
const signatures = messages.map((m, i) => cryptoSign(null, m, keyObjects[i % keys.length]!.privateKey));
const rawSign = rate('raw Ed25519 sign (node:crypto)', (i) => cryptoSign(null, messages[i]!, keyObjects[i % keys.length]!.privateKey));
const rawVerify = rate('raw Ed25519 verify (node:crypto)', (i) => {
  if (!cryptoVerify(null, messages[i]!, keyObjects[i % keys.length]!.publicKey, signatures[i]!)) throw new Error('raw verify failed');
});

console.log(`\nticket codes: ${RUNS} operations each after ${WARM_UP} warm-up, one thread, Node ${process.version}`);
console.log('operation                                  per second   µs each   vs raw');
for (const [row, raw] of [
  [signing, rawSign],
  [verifying, rawVerify],
  [parsing, undefined],
  [rawSign, undefined],
  [rawVerify, undefined],
] as const) {
  console.log(
    `${row.label.padEnd(40)} ${Math.round(row.perSecond).toString().padStart(11)}  ${row.microseconds.toFixed(1).padStart(8)}  ${raw ? `${((row.perSecond / raw.perSecond) * 100).toFixed(0).padStart(5)}%` : '     '}`,
  );
}

// Size and QR version: the chosen text beside the alternatives for the same 100 signed-and-carried bytes.
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
function base32(bytes: Uint8Array) {
  let out = '';
  let bits = 0;
  let value = 0;
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}
const sample = codes[0]!;
const parsed = parse(sample);
if (!parsed.ok) throw new Error('sample does not parse');
const body = Buffer.concat([parsed.payload.subarray(1), parsed.signature]); // what the code carries after its marker
const lengths = new Set(codes.map((c) => c.length));
if (lengths.size !== 1 || !lengths.has(CODE_LENGTH)) throw new Error(`code lengths vary: ${[...lengths]}`);

const rows: { label: string; chars: number; table: string; data: Parameters<typeof QRCode.create>[0] }[] = [
  { label: 'FA1: + base45 (chosen)', chars: sample.length, table: versionFor(ALPHANUMERIC_M, sample.length), data: sample },
  {
    label: 'FA1: + base32 (RFC 4648, no padding)',
    chars: 4 + base32(body).length,
    table: versionFor(ALPHANUMERIC_M, 4 + base32(body).length),
    data: `FA1:${base32(body)}`,
  },
  {
    label: 'base45 of all 101 bytes, no marker',
    chars: encodeBase45(Buffer.concat([Buffer.of(1), body])).length,
    table: versionFor(ALPHANUMERIC_M, encodeBase45(Buffer.concat([Buffer.of(1), body])).length),
    data: encodeBase45(Buffer.concat([Buffer.of(1), body])),
  },
  {
    label: 'binary, byte mode (101 bytes)',
    chars: 101,
    table: versionFor(BYTE_M, 101),
    data: [{ mode: 'byte', data: Buffer.concat([Buffer.of(1), body]) }],
  },
  {
    label: 'FA1. + base64url, byte mode',
    chars: 4 + body.toString('base64url').length,
    table: versionFor(BYTE_M, 4 + body.toString('base64url').length),
    data: [{ mode: 'byte', data: Buffer.from(`FA1.${body.toString('base64url')}`) }],
  },
];

console.log(`\ncode: ${sample.length} characters, e.g. ${JSON.stringify(sample)}`);
console.log('text                                    chars  QR-M (table)  QR-M (qrcode)  modules  mode (qrcode)');
for (const row of rows) {
  const qr = QRCode.create(row.data, { errorCorrectionLevel: 'M' });
  const modes = [...new Set(qr.segments.map((s) => s.mode.id))].join('+');
  console.log(
    `${row.label.padEnd(38)} ${String(row.chars).padStart(6)}  ${row.table.padStart(12)}  ${String(qr.version).padStart(13)}  ${`${qr.modules.size}×${qr.modules.size}`.padStart(7)}  ${modes}`,
  );
}
const forced = QRCode.create([{ mode: 'alphanumeric', data: sample }], { errorCorrectionLevel: 'M' });
console.log(`chosen code forced into one alphanumeric segment: version ${forced.version}`);
let worst = 0;
for (const code of codes.slice(0, 2000)) worst = Math.max(worst, QRCode.create(code, { errorCorrectionLevel: 'M' }).version);
console.log(`largest version over 2,000 codes (qrcode picks its segments): ${worst}`);
