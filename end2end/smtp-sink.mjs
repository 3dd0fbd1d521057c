// A local SMTP server for the browser tests: accepts every message and writes it, as
// received, to $MAIL_DIR/<n>.eml (with the envelope recipients in <n>.rcpt).
import net from 'node:net';
import fs from 'node:fs';
import path from 'node:path';

const port = Number(process.env.SMTP_SINK_PORT ?? 2526);
const dir = process.env.MAIL_DIR ?? 'target/e2e/mail';
fs.rmSync(dir, { recursive: true, force: true });
fs.mkdirSync(dir, { recursive: true });
let count = 0;

net.createServer((socket) => {
  let buffer = '';
  let inData = false;
  let data = [];
  let rcpt = [];
  const reply = (line) => socket.write(`${line}\r\n`);
  reply('220 sink ESMTP');
  socket.on('data', (chunk) => {
    buffer += chunk.toString('utf8');
    let index;
    while ((index = buffer.indexOf('\r\n')) >= 0) {
      const line = buffer.slice(0, index);
      buffer = buffer.slice(index + 2);
      if (inData) {
        if (line === '.') {
          inData = false;
          count += 1;
          const name = String(count).padStart(5, '0');
          fs.writeFileSync(path.join(dir, `${name}.rcpt`), rcpt.join('\n'));
          fs.writeFileSync(path.join(dir, `${name}.eml`), data.join('\r\n'));
          reply('250 OK queued');
        } else {
          data.push(line.startsWith('..') ? line.slice(1) : line);
        }
        continue;
      }
      const upper = line.toUpperCase();
      if (upper.startsWith('EHLO') || upper.startsWith('HELO')) {
        socket.write('250-sink\r\n250-8BITMIME\r\n250 SMTPUTF8\r\n');
      } else if (upper.startsWith('MAIL FROM:')) {
        rcpt = [];
        reply('250 OK');
      } else if (upper.startsWith('RCPT TO:')) {
        rcpt.push(line.slice(8).trim().replace(/^</, '').replace(/>.*$/, ''));
        reply('250 OK');
      } else if (upper === 'DATA') {
        inData = true;
        data = [];
        reply('354 Go ahead');
      } else if (upper === 'QUIT') {
        reply('221 Bye');
        socket.end();
      } else {
        reply('250 OK');
      }
    }
  });
  socket.on('error', () => {});
}).listen(port, '127.0.0.1');
