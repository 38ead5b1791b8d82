// Links in a message become clickable, so a reset or verification link can be followed from here.
const linkify = (text: string) =>
  text.split(/(https?:\/\/[^\s<]+)/g).map((part) => (/^https?:\/\//.test(part) ? <a href={part}>{part}</a> : part));

/** One message of the development mailbox, as plain text. */
export function MailPage({ message }: { message: { subject: string; to: string; text: string } }) {
  return (
    <section class="card">
      <p>
        <a href="/dev/mail">← Dev mailbox</a>
      </p>
      <h1>{message.subject}</h1>
      <p class="meta">To: {message.to}</p>
      <pre class="mail">{linkify(message.text)}</pre>
    </section>
  );
}
