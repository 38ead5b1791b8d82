export interface MailboxPageProps {
  /** Where the embedded mail transport writes. */
  dir: string;
  /** The latest messages, newest first. */
  messages: { id: string; subject: string; to: string; date: string }[];
}

/** The development mailbox (English only: it is for developers, never shown in production). */
export function MailboxPage({ dir, messages }: MailboxPageProps) {
  return (
    <>
      <h1>Dev mailbox</h1>
      <p class="alert info">
        Messages written by the embedded mail transport to <code>{dir}</code>. Set SMTP_URL to send real e-mail.
      </p>
      {messages.length === 0 ? <p class="card">No messages yet.</p> : null}
      <ul class="matches">
        {messages.map((m) => (
          <li class="card">
            <a href={`/dev/mail/${m.id}`}>
              <strong>{m.subject}</strong>
            </a>
            <div class="meta">
              {m.to} · {m.date}
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}
