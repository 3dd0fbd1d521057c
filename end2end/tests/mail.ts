// Reads the e-mails the SMTP sink stored (see ../smtp-sink.mjs): decodes the subject and
// the text part, whatever transfer encoding the sender chose.
import fs from 'node:fs';
import path from 'node:path';

export const MAIL_DIR = path.resolve(__dirname, '../../target/e2e/mail');

export type Mail = { to: string[]; subject: string; text: string; headers: string };

function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([bBqQ])\?([^?]*)\?=/g, (_, charset: string, enc: string, data: string) => {
      const bytes =
        enc.toLowerCase() === 'b'
          ? Buffer.from(data, 'base64')
          : Buffer.from(
              data.replace(/_/g, ' ').replace(/=([0-9A-Fa-f]{2})/g, (_m, h) => String.fromCharCode(parseInt(h, 16))),
              'latin1',
            );
      return bytes.toString(charset.toLowerCase() === 'utf-8' ? 'utf8' : 'latin1');
    });
}

function header(headers: string, name: string): string | undefined {
  const unfolded = headers.replace(/\r?\n[ \t]+/g, ' ');
  const line = unfolded.split(/\r?\n/).find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  return line?.slice(name.length + 1).trim();
}

function decodeBody(body: string, encoding: string | undefined): string {
  switch ((encoding ?? '').toLowerCase()) {
    case 'base64':
      return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
    case 'quoted-printable': {
      const soft = body.replace(/=\r?\n/g, '');
      const bytes: number[] = [];
      for (let i = 0; i < soft.length; i++) {
        if (soft[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(soft.slice(i + 1, i + 3))) {
          bytes.push(parseInt(soft.slice(i + 1, i + 3), 16));
          i += 2;
        } else {
          bytes.push(...Buffer.from(soft[i], 'utf8'));
        }
      }
      return Buffer.from(bytes).toString('utf8');
    }
    default:
      return body;
  }
}

// The text/plain part, found through nested multiparts (a meeting e-mail is
// multipart/mixed holding multipart/alternative and its invite.ics).
function textOf(headers: string, body: string): string | undefined {
  const contentType = header(headers, 'Content-Type') ?? 'text/plain';
  const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
  if (!boundary) {
    return /^text\/plain/i.test(contentType) ? decodeBody(body, header(headers, 'Content-Transfer-Encoding')) : undefined;
  }
  for (const part of body.split(`--${boundary}`)) {
    const cut = part.indexOf('\r\n\r\n');
    if (cut < 0) continue;
    const found = textOf(part.slice(0, cut).replace(/^\r\n/, ''), part.slice(cut + 4));
    if (found !== undefined) return found;
  }
  return undefined;
}

function parse(raw: string, to: string[]): Mail {
  const split = raw.indexOf('\r\n\r\n');
  const headers = raw.slice(0, split);
  const body = raw.slice(split + 4);
  const text = textOf(headers, body) ?? body;
  return { to, subject: decodeWords(header(headers, 'Subject') ?? ''), text, headers };
}

export function allMail(): Mail[] {
  if (!fs.existsSync(MAIL_DIR)) return [];
  return fs
    .readdirSync(MAIL_DIR)
    .filter((f) => f.endsWith('.eml'))
    .sort()
    .map((f) => {
      const to = fs.readFileSync(path.join(MAIL_DIR, f.replace('.eml', '.rcpt')), 'utf8').split('\n');
      return parse(fs.readFileSync(path.join(MAIL_DIR, f), 'utf8'), to);
    });
}

/** How many e-mails the sink holds (pass it to `waitForMail` to skip older ones). */
export function mailCount(): number {
  return allMail().length;
}

/** Waits until a message to `address` whose subject matches arrives (after the first `skip`). */
export async function waitForMail(address: string, subject: RegExp, skip = 0, timeoutMs = 15_000): Promise<Mail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = allMail().slice(skip).find((m) => m.to.includes(address) && subject.test(m.subject));
    if (found) return found;
    if (Date.now() > deadline) {
      const seen = allMail().map((m) => `${m.to.join(',')}: ${m.subject}`);
      throw new Error(`no e-mail to ${address} matching ${subject}; sink has: ${JSON.stringify(seen)}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Waits for a message to anyone whose subject matches (after the first `skip`). */
export async function waitForAnyMail(subject: RegExp, skip = 0, timeoutMs = 15_000): Promise<Mail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = allMail().slice(skip).find((m) => subject.test(m.subject));
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no e-mail matching ${subject}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** The path of the first link to `prefix` in a text body, e.g. "/password/abc". */
export function linkPath(text: string, prefix: string): string {
  const match = new RegExp(`https?://[^/\\s]+(${prefix}[A-Za-z0-9_-]+)`).exec(text);
  if (!match) throw new Error(`no ${prefix} link in: ${text}`);
  return match[1];
}
