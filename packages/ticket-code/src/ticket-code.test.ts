import { createPrivateKey, createPublicKey, sign as cryptoSign, verify as cryptoVerify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { encodeBase45 } from './base45.ts';
import {
  BASE45_ALPHABET,
  CODE_LENGTH,
  CODE_MARKER,
  encode,
  generateKeyPair,
  type KeyPair,
  PAYLOAD_LENGTH,
  parse,
  SIGNATURE_DOMAIN,
  sign,
  TICKET_CODE_ERRORS,
  type TicketFields,
  verify,
} from './index.ts';
import { type Prng, prng } from './test-prng.ts';
import { verifyInBrowser } from './web.ts';

// RFC 8032, section 7.1, test 1: a fixed key so that one code can be pinned below.
const RFC8032_SEED = Buffer.from('9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60', 'hex').toString('base64url');
const RFC8032_PUBLIC = Buffer.from('d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a', 'hex').toString('base64url');
const PINNED_FIELDS = {
  keyId: '0a1b2c3d',
  ticketId: '6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b',
  matchId: '01890a5d-ac96-7e3c-8f21-5a6b7c8d9e0f',
};
const PINNED_CODE =
  'FA1:MC1UQ542EKH5GM7%+9 MHYWJW 3SG7X80/D1$ L6/FB4IHJBPXF8:JLVC/E3+3JOVR-R79AU%NPQNH534-+OXOMG$BOI9729LE2$BBX98AG7632%81R4S%ROMSQO*RJAL.EVZQ4PUAN5L8CDIOA1WT';

const KEYS: KeyPair[] = Array.from({ length: 4 }, () => generateKeyPair());
const ALL_PUBLIC = Object.fromEntries(KEYS.map((k) => [k.keyId, k.publicKey]));
const LOWERCASE = 'abcdefghijklmnopqrstuvwxyz';
const OUTSIDERS = ['_', '#', '\n', '\r', '\t', '\0', 'é', 'ĸ', '€', '😀', 'Ａ'];

function randomFields(random: Prng, keyId: string): TicketFields {
  const upper = random.int(4) === 0; // ids given in uppercase are accepted and read back lowercase
  return { keyId, ticketId: upper ? random.uuid().toUpperCase() : random.uuid(), matchId: random.uuid() };
}

const lower = (f: TicketFields) => ({ keyId: f.keyId.toLowerCase(), ticketId: f.ticketId.toLowerCase(), matchId: f.matchId.toLowerCase() });

/** A gate that holds one key and would try it whatever the key id: only the signature can refuse. */
const onlyKey = (key: KeyPair) => () => key.publicKey;

/** Every text one edit away from `code`: substitutions by every character tried, deletions, insertions. */
function* singleEdits(code: string): Generator<{ text: string; sameTicket: boolean }> {
  const replacements = [...BASE45_ALPHABET, ...LOWERCASE, ...OUTSIDERS];
  for (let i = 0; i < code.length; i++) {
    for (const r of replacements) {
      if (r === code[i]) continue;
      // The same letter in lowercase is read as the same code (documented normalisation).
      yield { text: code.slice(0, i) + r + code.slice(i + 1), sameTicket: r.toUpperCase() === code[i] };
    }
    yield { text: code.slice(0, i) + code.slice(i + 1), sameTicket: false };
  }
  for (let i = 0; i <= code.length; i++) {
    for (const r of [...BASE45_ALPHABET, 'a', '\n', 'é']) yield { text: code.slice(0, i) + r + code.slice(i), sameTicket: false };
  }
}

describe('ticket codes', () => {
  it('keep the documented format: pinned code of RFC 8032 key 1', () => {
    expect(sign(PINNED_FIELDS, RFC8032_SEED)).toBe(PINNED_CODE);
    expect(verify(PINNED_CODE, { [PINNED_FIELDS.keyId]: RFC8032_PUBLIC })).toEqual({ ok: true, ...PINNED_FIELDS });
    expect(CODE_LENGTH).toBe(154); // the capacity of a version 6 QR code at level M, alphanumeric mode
  });

  it('sign the domain-separated payload, which an independent Ed25519 implementation can check', () => {
    const parsed = parse(PINNED_CODE);
    if (!parsed.ok) throw new Error('pinned code does not parse');
    expect(parsed.payload).toEqual(encode(PINNED_FIELDS));
    expect(Buffer.from(parsed.payload).toString('hex')).toBe(
      `010a1b2c3d${PINNED_FIELDS.ticketId.replaceAll('-', '')}${PINNED_FIELDS.matchId.replaceAll('-', '')}`,
    );
    const publicKey = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: RFC8032_PUBLIC }, format: 'jwk' });
    const message = Buffer.concat([Buffer.from(SIGNATURE_DOMAIN, 'latin1'), parsed.payload]);
    expect(cryptoVerify(null, message, publicKey, parsed.signature)).toBe(true);
    expect(cryptoVerify(null, parsed.payload, publicKey, parsed.signature)).toBe(false);
  });

  it('refuse a signature made over the bare payload, without the domain prefix', () => {
    const privateKey = createPrivateKey({ key: { kty: 'OKP', crv: 'Ed25519', d: RFC8032_SEED, x: RFC8032_PUBLIC }, format: 'jwk' });
    const payload = encode(PINNED_FIELDS);
    const bare = cryptoSign(null, payload, privateKey);
    const forged = CODE_MARKER + encodeBase45(Buffer.concat([payload.subarray(1), bare]));
    expect(parse(forged).ok).toBe(true);
    expect(verify(forged, { [PINNED_FIELDS.keyId]: RFC8032_PUBLIC })).toEqual({ ok: false, error: 'bad_signature' });
  });

  it('round-trip: parse(sign(x)) gives x back and verify accepts it (2,000 random tickets)', () => {
    const random = prng(1);
    for (let i = 0; i < 2000; i++) {
      const key = random.pick(KEYS);
      const fields = randomFields(random, key.keyId);
      const code = sign(fields, key.privateKey);
      expect(code.length).toBe(CODE_LENGTH);
      expect(code.startsWith(CODE_MARKER)).toBe(true);
      expect([...code].every((c) => BASE45_ALPHABET.includes(c))).toBe(true); // QR alphanumeric only
      const parsed = parse(code);
      expect(parsed).toMatchObject({ ok: true, version: 1, ...lower(fields) });
      if (parsed.ok) expect(parsed.payload).toEqual(encode(fields));
      expect(verify(code, ALL_PUBLIC)).toEqual({ ok: true, ...lower(fields) });
      expect(verify(code, (id) => ALL_PUBLIC[id])).toEqual({ ok: true, ...lower(fields) });
    }
  });

  it('fail every single-character substitution, deletion and insertion, exhaustively on 4 codes', () => {
    const random = prng(2);
    const outcomes = { bad_format: 0, bad_signature: 0, same_ticket: 0 };
    for (const key of KEYS) {
      const fields = randomFields(random, key.keyId);
      const code = sign(fields, key.privateKey);
      for (const edit of singleEdits(code)) {
        const result = verify(edit.text, onlyKey(key));
        if (edit.sameTicket) {
          expect(result, JSON.stringify(edit.text)).toEqual({ ok: true, ...lower(fields) });
          outcomes.same_ticket++;
        } else {
          if (result.ok || result.error === 'unknown_key')
            throw new Error(`edited code accepted: ${JSON.stringify(edit.text)} → ${JSON.stringify(result)}`);
          outcomes[result.error]++;
        }
      }
    }
    // Both refusals happen: decoding catches some edits, the signature all the others.
    expect(outcomes.bad_format).toBeGreaterThan(10_000);
    expect(outcomes.bad_signature).toBeGreaterThan(10_000);
    expect(outcomes.same_ticket).toBeGreaterThan(4 * 60);
  });

  it('fail random single-character edits of 2,000 random codes', () => {
    const random = prng(3);
    const alphabet = [...BASE45_ALPHABET, ...OUTSIDERS];
    for (let i = 0; i < 2000; i++) {
      const key = random.pick(KEYS);
      const code = sign(randomFields(random, key.keyId), key.privateKey);
      for (let j = 0; j < 5; j++) {
        const at = random.int(code.length + 1);
        const kind = random.int(3);
        let text: string;
        if (kind === 0 && at < code.length) {
          let r = random.pick(alphabet);
          while (r === code[at]) r = random.pick(alphabet);
          text = code.slice(0, at) + r + code.slice(at + 1);
        } else if (kind === 1 && at < code.length) {
          text = code.slice(0, at) + code.slice(at + 1);
        } else {
          text = code.slice(0, at) + random.pick(alphabet) + code.slice(at);
        }
        const result = verify(text, onlyKey(key));
        expect(result.ok, `seed 3, case ${i}.${j}: ${JSON.stringify(text)}`).toBe(false);
        expect(['bad_format', 'bad_signature']).toContain(result.ok ? 'ok' : result.error);
        // With the gate's real key list, a changed key id is also refused (unknown_key or bad_signature).
        expect(verify(text, ALL_PUBLIC).ok).toBe(false);
      }
    }
  });

  it('refuse a code signed by another key under the same key id with bad_signature', () => {
    const random = prng(4);
    const [a, b] = KEYS as [KeyPair, KeyPair];
    for (let i = 0; i < 200; i++) {
      const code = sign(randomFields(random, a.keyId), b.privateKey);
      expect(verify(code, { [a.keyId]: a.publicKey })).toEqual({ ok: false, error: 'bad_signature' });
      expect(verify(code, () => a.publicKey)).toEqual({ ok: false, error: 'bad_signature' });
    }
  });

  it('answer unknown_key for a key id the gate does not hold, or holds with an unusable key', () => {
    const [a, b] = KEYS as [KeyPair, KeyPair];
    const code = sign(randomFields(prng(5), a.keyId), a.privateKey);
    const unknown = { ok: false, error: 'unknown_key' };
    expect(verify(code, { [b.keyId]: b.publicKey })).toEqual(unknown);
    expect(verify(code, {})).toEqual(unknown);
    expect(verify(code, () => undefined)).toEqual(unknown);
    expect(verify(code, Object.create({ [a.keyId]: a.publicKey }))).toEqual(unknown); // inherited entries are ignored
    for (const broken of ['', 'not-a-key', `${a.publicKey}A`, a.publicKey.slice(1), '!'.repeat(43), a.privateKey.replace(/.$/, '_')]) {
      const result = verify(code, { [a.keyId]: broken });
      expect(result.ok).toBe(false);
      expect(['unknown_key', 'bad_signature']).toContain(result.ok ? 'ok' : result.error);
    }
    expect(verify(code, { [a.keyId]: 'not-a-key' })).toEqual(unknown);
  });

  it('read a lowercase or mixed-case code as the same ticket (Caps Lock on a keyboard-wedge reader)', () => {
    const random = prng(6);
    for (let i = 0; i < 200; i++) {
      const key = random.pick(KEYS);
      const fields = randomFields(random, key.keyId);
      const code = sign(fields, key.privateKey);
      const mixed = [...code].map((c) => (random.int(2) ? c.toLowerCase() : c)).join('');
      expect(verify(code.toLowerCase(), ALL_PUBLIC)).toEqual({ ok: true, ...lower(fields) });
      expect(verify(mixed, ALL_PUBLIC)).toEqual({ ok: true, ...lower(fields) });
    }
  });

  it('never throw on garbage: random strings, bytes, unicode, empty and 100 kB texts are bad_format', () => {
    const random = prng(7);
    const pools = [BASE45_ALPHABET, `${BASE45_ALPHABET}${LOWERCASE}_#=?&\n\r\t\0`, 'FA1:', 'éèàçÀ€ĸß😀Ａ\u200b\ufeff\ud800\udfff'];
    const garbage: unknown[] = [
      '',
      ' ',
      CODE_MARKER,
      CODE_MARKER + ' '.repeat(150),
      'x'.repeat(100_000),
      `${PINNED_CODE}\n`,
      `${PINNED_CODE} `,
    ];
    garbage.push(undefined, null, 0, 154, {}, [], Symbol('code'), new Uint8Array(154), { length: CODE_LENGTH });
    for (let i = 0; i < 2000; i++) {
      const kind = random.int(5);
      if (kind === 0) {
        // raw bytes read as text, sometimes exactly a code's length
        const n = random.int(3) === 0 ? CODE_LENGTH : random.int(400);
        garbage.push(Buffer.from(random.bytes(n)).toString(random.pick(['latin1', 'utf8', 'utf16le'] as const)));
      } else if (kind === 1) {
        // random code points, lone surrogates included
        garbage.push(String.fromCharCode(...Array.from({ length: random.int(300) }, () => random.int(0x10000))));
      } else if (kind === 2) {
        // right marker and length, body from a pool: only impossible texts (a character outside base45)
        const pool = random.pick(pools.slice(1));
        let body = Array.from({ length: CODE_LENGTH - CODE_MARKER.length }, () => random.pick([...pool])).join('');
        body = `${body.slice(0, 20)}_${body.slice(21)}`;
        garbage.push((CODE_MARKER + body).slice(0, CODE_LENGTH));
      } else if (kind === 3) {
        // a code with the wrong length
        const n = random.pick([0, 1, CODE_LENGTH - 1, CODE_LENGTH + 1, CODE_LENGTH + 3, 2 * CODE_LENGTH, 1000 + random.int(100_000)]);
        garbage.push(`${CODE_MARKER}${Array.from({ length: n }, () => random.pick([...BASE45_ALPHABET])).join('')}`.slice(0, n));
      } else {
        // a valid body behind a wrong marker
        garbage.push(random.pick(['FA2:', 'FA0:', 'FB1:', 'AF1:', 'FA1 ', 'FA1', 'XFA1:']) + PINNED_CODE.slice(4));
      }
    }
    for (const text of garbage) {
      expect(() => parse(text as string)).not.toThrow();
      expect(parse(text as string)).toEqual({ ok: false, error: 'bad_format' });
      expect(verify(text as string, ALL_PUBLIC)).toEqual({ ok: false, error: 'bad_format' });
      expect(verify(text as string, () => KEYS[0]!.publicKey)).toEqual({ ok: false, error: 'bad_format' });
    }
  });

  it('refuse random texts of the right shape: overflowing groups are bad_format, random bodies bad_signature', () => {
    const random = prng(8);
    for (let i = 0; i < 2000; i++) {
      const body = Array.from({ length: CODE_LENGTH - CODE_MARKER.length }, () => random.pick([...BASE45_ALPHABET])).join('');
      const result = verify(CODE_MARKER + body, () => KEYS[0]!.publicKey);
      expect(result.ok).toBe(false);
      const bytes = CODE_MARKER + encodeBase45(random.bytes(PAYLOAD_LENGTH - 1 + 64));
      expect(verify(bytes, () => KEYS[0]!.publicKey)).toEqual({ ok: false, error: 'bad_signature' });
    }
  });

  it('export the error codes', () => {
    expect(TICKET_CODE_ERRORS).toEqual(['bad_format', 'bad_signature', 'unknown_key']);
  });
});

describe('verification in a browser (WebCrypto)', () => {
  it('gives the answer of the server for valid codes, every single edit of one code, other keys and broken keys', async () => {
    const random = prng(11);
    const [a, b] = KEYS as [KeyPair, KeyPair];
    const texts: string[] = [];
    for (let i = 0; i < 200; i++) {
      const key = random.pick(KEYS);
      texts.push(sign(randomFields(random, key.keyId), key.privateKey));
    }
    const code = sign(randomFields(random, a.keyId), a.privateKey);
    let sameTicket = 0;
    for (const edit of singleEdits(code)) {
      texts.push(edit.text);
      if (edit.sameTicket) sameTicket++;
    }
    texts.push(code.toLowerCase(), '', 'FA1:', 'x'.repeat(154), sign(randomFields(random, a.keyId), b.privateKey));
    let valid = 0;
    for (const text of texts) {
      const server = verify(text, ALL_PUBLIC);
      expect(await verifyInBrowser(text, ALL_PUBLIC), JSON.stringify(text)).toEqual(server);
      if (server.ok) valid++;
    }
    expect(valid).toBe(200 + sameTicket + 1); // the codes, letters edited to their lowercase, the lowercase code
    for (const broken of ['', 'not-a-key', `${a.publicKey}A`, '!'.repeat(43), a.privateKey.replace(/.$/, '_')]) {
      expect(await verifyInBrowser(code, { [a.keyId]: broken })).toEqual(verify(code, { [a.keyId]: broken }));
    }
    expect(await verifyInBrowser(code, Object.create({ [a.keyId]: a.publicKey }))).toEqual({ ok: false, error: 'unknown_key' });
  });
});

describe('keys and encoding', () => {
  it('generate distinct raw Ed25519 key pairs with random 4-byte key ids', () => {
    const pairs = Array.from({ length: 50 }, () => generateKeyPair());
    for (const p of pairs) {
      expect(p.keyId).toMatch(/^[0-9a-f]{8}$/);
      expect(p.publicKey).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(p.privateKey).toMatch(/^[A-Za-z0-9_-]{43}$/);
      const derived = createPublicKey(
        createPrivateKey({ key: { kty: 'OKP', crv: 'Ed25519', d: p.privateKey, x: p.publicKey }, format: 'jwk' }),
      );
      expect(derived.export({ format: 'jwk' }).x).toBe(p.publicKey);
    }
    expect(new Set(pairs.map((p) => p.publicKey)).size).toBe(50);
    expect(new Set(pairs.map((p) => p.keyId)).size).toBe(50);
  });

  it('encode the payload as version, key id, ticket id, match id (37 bytes)', () => {
    const payload = encode(PINNED_FIELDS);
    expect(payload.length).toBe(PAYLOAD_LENGTH);
    expect(payload[0]).toBe(1);
    expect(Buffer.from(payload.subarray(1, 5)).toString('hex')).toBe(PINNED_FIELDS.keyId);
  });

  it('throw a TypeError when the server passes a malformed id or private key (a bug, not scanned input)', () => {
    const key = KEYS[0]!;
    const good = randomFields(prng(9), key.keyId);
    for (const bad of [
      { ...good, keyId: 'abc' },
      { ...good, keyId: '0a1b2c3g' },
      { ...good, ticketId: 'not-a-uuid' },
      { ...good, matchId: `${good.matchId}0` },
      { ...good, matchId: good.matchId.replaceAll('-', '') },
    ]) {
      expect(() => encode(bad)).toThrow(TypeError);
      expect(() => sign(bad, key.privateKey)).toThrow(TypeError);
    }
    expect(() => sign(good, 'nope')).toThrow(TypeError);
    expect(() => sign(good, key.publicKey.slice(2))).toThrow(TypeError);
  });
});
