// A real SMTP server on 127.0.0.1 for the e-mail channel's tests (tests/Vigil.Alerting.Tests/Channels/Support/SmtpSink.cs
// starts it). It speaks STARTTLS or implicit TLS with the certificate it is given, demands AUTH (PLAIN or LOGIN) when
// a user is given, refuses AUTH before TLS, and writes each message it accepts to DIR/N.eml (the raw DATA) and
// DIR/N.json (the envelope, the user and whether the session was encrypted). It prints "listening PORT" once bound,
// and exits when its standard input closes, so it never outlives the test that started it.
'use strict';
const fs = require('fs');
const path = require('path');
const { SMTPServer } = require('smtp-server');

const args = {};
for (let i = 2; i < process.argv.length; i++) {
  const key = process.argv[i].replace(/^--/, '');
  const next = process.argv[i + 1];
  if (next === undefined || next.startsWith('--')) { args[key] = true; } else { args[key] = next; i++; }
}

let count = 0;
const server = new SMTPServer({
  secure: !!args.secure,
  key: fs.readFileSync(args.key),
  cert: fs.readFileSync(args.cert),
  authOptional: !args.user,
  authMethods: ['PLAIN', 'LOGIN'],
  allowInsecureAuth: false,
  logger: false,
  onAuth(auth, session, callback) {
    if (auth.username === args.user && auth.password === args.pass) {
      return callback(null, { user: auth.username });
    }
    const error = new Error('Invalid username or password');
    error.responseCode = 535;
    return callback(error);
  },
  onRcptTo(address, session, callback) {
    if (args.reject && address.address === args.reject) {
      const error = new Error('No such user here');
      error.responseCode = 550;
      return callback(error);
    }
    return callback();
  },
  onData(stream, session, callback) {
    const chunks = [];
    stream.on('data', (chunk) => chunks.push(chunk));
    stream.on('end', () => {
      const n = ++count;
      fs.writeFileSync(path.join(args.dir, `${n}.eml`), Buffer.concat(chunks));
      fs.writeFileSync(path.join(args.dir, `${n}.json`), JSON.stringify({
        from: session.envelope.mailFrom && session.envelope.mailFrom.address,
        to: session.envelope.rcptTo.map((r) => r.address),
        user: session.user || null,
        secure: !!session.secure,
      }));
      callback();
    });
  },
});

server.on('error', (error) => { console.error(`smtp-sink: ${error.message}`); });
server.listen(Number(args.port || 0), '127.0.0.1', () => {
  console.log(`listening ${server.server.address().port}`);
});
process.stdin.resume();
process.stdin.on('end', () => server.close(() => process.exit(0)));
