import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A real SMTP server on loopback that keeps every message it receives, parsed. */
export class TestSmtp {
  readonly messages: ParsedMail[] = [];
  private server: SMTPServer | null = null;
  /** An outage: every connection is refused with 421, the port kept (released, another process could take it). */
  private down = false;
  port = 0;

  async start(port = 0): Promise<void> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onConnect: (_session, callback) =>
        callback(this.down ? Object.assign(new Error('Service not available (test outage)'), { responseCode: 421 }) : undefined),
      onData: (stream, _session, callback) => {
        simpleParser(stream)
          .then((mail) => {
            this.messages.push(mail);
            callback();
          })
          .catch(callback);
      },
    });
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(port, '127.0.0.1', () => resolve());
    });
    const address = this.server.server.address();
    this.port = typeof address === 'object' && address ? address.port : port;
  }

  /** The mail server fails every delivery until `recover()`, as a server that is down would. */
  outage() {
    this.down = true;
  }

  recover() {
    this.down = false;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  get url() {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** Waits for the first message to `to` whose subject matches, received after `skip` such messages. */
  async waitFor(to: string, subject?: RegExp, { timeout = 15_000, skip = 0 } = {}): Promise<ParsedMail> {
    const deadline = Date.now() + timeout;
    while (Date.now() < deadline) {
      const matching = this.to(to).filter((m) => !subject || subject.test(m.subject ?? ''));
      if (matching.length > skip) return matching[skip]!;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`No mail to ${to}${subject ? ` matching ${subject}` : ''} within ${timeout} ms (got: ${this.summary()})`);
  }

  to(address: string): ParsedMail[] {
    return this.messages.filter((m) => [m.to].flat().some((a) => a?.text.toLowerCase().includes(address.toLowerCase())));
  }

  summary(): string {
    return this.messages.map((m) => `${[m.to].flat()[0]?.text}: ${m.subject}`).join('; ') || 'none';
  }
}

/** The first link in a mail's text part that starts with `prefix`. */
export function linkIn(mail: ParsedMail, prefix: string): string {
  const found = mail.text?.match(/https?:\/\/\S+/g)?.find((url) => url.startsWith(prefix));
  if (!found) throw new Error(`No link starting with ${prefix} in mail "${mail.subject}"`);
  return found;
}
