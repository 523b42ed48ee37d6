import { type AddressObject, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { findFreePort } from '../../test/free-port.js';

export interface ReceivedMail {
  to: string[];
  subject: string;
  text: string;
  html: string;
  listUnsubscribe: string | undefined;
}

/** A real SMTP server on 127.0.0.1 that keeps what it receives, for the tests that send mail. */
export async function startSmtpServer() {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, _session, callback) {
      simpleParser(stream).then((mail) => {
        const addresses = [mail.to].flat().filter((a): a is AddressObject => Boolean(a));
        received.push({
          to: addresses.flatMap((a) => a.value.map((v) => v.address ?? '')),
          subject: mail.subject ?? '',
          text: mail.text ?? '',
          html: typeof mail.html === 'string' ? mail.html : '',
          listUnsubscribe: mail.headerLines.find((h) => h.key === 'list-unsubscribe')?.line,
        });
        callback();
      }, callback);
    },
  });
  const port = await findFreePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    received,
    url: `smtp://127.0.0.1:${port}?from=${encodeURIComponent('Telar <avisos@telar.example.mx>')}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
