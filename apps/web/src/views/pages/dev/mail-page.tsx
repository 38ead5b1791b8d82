// Links in a message become clickable, so a reset or verification link can be followed from here.
const linkify = (text: string) =>
  text.split(/(https?:\/\/[^\s<]+)/g).map((part) => (/^https?:\/\//.test(part) ? <a href={part}>{part}</a> : part));

const size = (bytes: number) => (bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} kB`);

export interface MailPageProps {
  message: { subject: string; to: string; text: string; date?: string };
  /** Where the HTML part is served on its own (sandboxed, strict policy), when the mail has one. */
  htmlUrl: string | null;
  attachments: { filename: string; contentType: string; size: number; cid?: string; url: string }[];
}

/** One message of the development mailbox: its HTML part as a mail client shows it, its text, its files. */
export function MailPage({ message, htmlUrl, attachments }: MailPageProps) {
  return (
    <section class="card">
      <p>
        <a href="/dev/mail">← Dev mailbox</a>
      </p>
      <h1>{message.subject}</h1>
      <p class="meta">
        To: {message.to}
        {message.date ? ` · ${message.date}` : null}
      </p>
      {htmlUrl ? (
        <>
          <h2>HTML part</h2>
          {/* Sandboxed twice: no script, no same origin here, and the route's own policy. */}
          <iframe class="mail-html" sandbox="" src={htmlUrl} title={`HTML part of “${message.subject}”`} />
        </>
      ) : null}
      <h2>Text part</h2>
      <pre class="mail">{linkify(message.text)}</pre>
      <h2>Attachments ({attachments.length})</h2>
      {attachments.length === 0 ? (
        <p>None.</p>
      ) : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Type</th>
                <th scope="col">Size</th>
              </tr>
            </thead>
            <tbody>
              {attachments.map((a) => (
                <tr>
                  <td>
                    <a href={a.url} download={a.filename}>
                      {a.filename}
                    </a>
                    {a.cid ? <span class="meta"> (inline)</span> : null}
                  </td>
                  <td>{a.contentType}</td>
                  <td>{size(a.size)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
