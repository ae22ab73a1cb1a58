// Build step (run by Maven's exec plugin at generate-resources): puts files of a pinned npm package (the pusher-js
// browser build, the TodoMVC stylesheet) into war/vendor/ so that both `mvn gwt:devmode` (serves war/) and the
// runnable jar (war/ is copied into it) serve them from the app's own origin. Nothing is vendored in git: the npm
// client fetches the package once, the tarball's integrity is checked against the pinned value, and later builds
// (also offline) skip when the stamp matches.
//
// Usage: node fetch-npm-files.mjs PACKAGE VERSION INTEGRITY VENDOR_DIR WORK_DIR ENTRY=NAME...
//   e.g. ... pusher-js 8.6.0 sha512-... war/vendor target/npm package/dist/web/pusher.min.js=pusher.min.js
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

const [packageName, version, integrity, vendorDir, workDir, ...entries] = process.argv.slice(2);
if (!packageName || !version || !integrity || !vendorDir || !workDir || entries.length === 0) {
  fail('usage: node fetch-npm-files.mjs PACKAGE VERSION INTEGRITY VENDOR_DIR WORK_DIR ENTRY=NAME...');
}

// What we copy out of the package (its path in the tarball) and under which name.
const WANTED = Object.fromEntries(entries.map((entry) => entry.split('=')));
const stampFile = join(vendorDir, `${packageName}.version`);
const stamp = `${packageName} ${version} ${integrity}\n`;

if (isUpToDate()) {
  console.log(`${packageName} ${version} already in ${vendorDir}`);
  process.exit(0);
}
mkdirSync(workDir, { recursive: true });
mkdirSync(vendorDir, { recursive: true });
const tarball = pack();
const files = extract(gunzipSync(tarball));
for (const [entry, name] of Object.entries(WANTED)) {
  if (!files.has(entry)) {
    fail(`${packageName} ${version} has no ${entry}`);
  }
  // Write then rename: an interrupted build never leaves a truncated script behind a valid stamp.
  const target = join(vendorDir, name);
  writeFileSync(target + '.tmp', files.get(entry));
  renameSync(target + '.tmp', target);
}
writeFileSync(stampFile, stamp);
console.log(`${packageName} ${version} placed in ${vendorDir}`);

function isUpToDate() {
  return existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp
      && Object.values(WANTED).every((name) => existsSync(join(vendorDir, name)));
}

/** Fetches the package tarball with the npm client (its cache makes repeat fetches work offline). */
function pack() {
  let output;
  try {
    output = execFileSync('npm', ['pack', `${packageName}@${version}`, '--json', '--prefer-offline',
      '--pack-destination', workDir], { encoding: 'utf8', shell: process.platform === 'win32' });
  } catch (e) {
    fail(`npm pack ${packageName}@${version} failed (first build needs the npm registry): ${e.message}`);
  }
  const file = join(workDir, JSON.parse(output)[0].filename);
  const bytes = readFileSync(file);
  const actual = 'sha512-' + createHash('sha512').update(bytes).digest('base64');
  if (actual !== integrity) {
    fail(`${packageName} ${version} tarball integrity ${actual} does not match the pinned ${integrity}`);
  }
  return bytes;
}

/** Reads the entries of an uncompressed tar archive (ustar + pax path headers) into a map of path to bytes. */
function extract(tar) {
  const files = new Map();
  let paxPath = null;
  for (let offset = 0; offset + 512 <= tar.length;) {
    const header = tar.subarray(offset, offset + 512);
    if (header.every((b) => b === 0)) {
      break;
    }
    const size = parseInt(field(header, 124, 12).trim() || '0', 8);
    const type = String.fromCharCode(header[156]);
    const prefix = field(header, 345, 155);
    const name = paxPath ?? (prefix ? prefix + '/' : '') + field(header, 0, 100);
    const body = tar.subarray(offset + 512, offset + 512 + size);
    paxPath = null;
    if (type === 'x') {
      paxPath = /(?:^|\n)\d+ path=([^\n]*)\n/.exec(body.toString('utf8'))?.[1] ?? null;
    } else if (type === '0' || type === '\0') {
      files.set(name, Buffer.from(body));
    }
    offset += 512 + Math.ceil(size / 512) * 512;
  }
  return files;
}

function field(header, start, length) {
  const raw = header.subarray(start, start + length);
  const end = raw.indexOf(0);
  return raw.subarray(0, end < 0 ? length : end).toString('utf8');
}

function fail(message) {
  console.error(`fetch-npm-files: ${message}`);
  process.exit(1);
}
