// Build step (run by Maven's exec plugin at prepare-package, after the GWT compiles, before war/ is copied into the
// jar): a second minifying pass over the compiled apps' scripts. GWT's own output is obfuscated but leaves work a
// JavaScript minifier still does (inlining its one-use helpers and temporaries, shorter local names, dropping
// unreachable branches): about 8% gzip less for every Vertebra app (BENCHMARKS.md, section 3). The minifier is a
// build-time npm package pinned with its dependencies and their integrity in minify/package-lock.json, installed
// once into WORK_DIR with `npm ci` (later builds, also offline, reuse it); nothing of it ships.
//
// Usage: node minify.mjs WORK_DIR SCRIPT...   (each SCRIPT is rewritten in place; a missing one is an error)
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

const [workDir, ...scripts] = process.argv.slice(2);
if (!workDir || scripts.length === 0) {
  fail('usage: node minify.mjs WORK_DIR SCRIPT...');
}

const terser = await load(workDir);
for (const script of scripts) {
  if (!existsSync(script)) {
    fail(`no ${script}: compile the app first`);
  }
  const source = readFileSync(script, 'utf8');
  const result = await terser.minify(source, {
    // Output for the browsers GWT 2.13 supports (all run ES2020), so functions that use no `this` become arrows
    // and object methods shorthand. Each option below was measured (BENCHMARKS.md, section 3: -0.6 % gzip together)
    // and the apps' browser tests run the minified scripts. The "unsafe" ones hold for GWT's output: it never calls
    // `new` on a function expression (constructors are declarations), reads no Function.length, and its property
    // reads have no getters with side effects.
    ecma: 2020,
    compress: {
      ecma: 2020,
      // The third pass finds a little more after the second's inlining and var hoisting.
      passes: 3,
      hoist_vars: true,
      unsafe_arrows: true,
      unsafe_methods: true,
      pure_getters: true,
      keep_fargs: false,
    },
    mangle: true,
    // Plain ASCII, as GWT writes it: the script stays correct whatever charset it is served with.
    format: { ascii_only: true },
  });
  // Write then rename: an interrupted build never leaves a truncated script.
  writeFileSync(script + '.tmp', result.code);
  renameSync(script + '.tmp', script);
  console.log(`minified ${script}: ${gz(source)} -> ${gz(result.code)} B gzip`);
}

/** Installs the pinned minifier into workDir (once; `npm ci` checks every package's integrity) and imports it. */
async function load(dir) {
  const here = join(dirname(fileURLToPath(import.meta.url)), 'minify');
  const lock = readFileSync(join(here, 'package-lock.json'), 'utf8');
  const stamp = join(dir, 'installed-lock.json');
  if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== lock) {
    mkdirSync(dir, { recursive: true });
    copyFileSync(join(here, 'package.json'), join(dir, 'package.json'));
    copyFileSync(join(here, 'package-lock.json'), join(dir, 'package-lock.json'));
    try {
      execFileSync('npm', ['ci', '--prefer-offline', '--ignore-scripts', '--no-audit', '--no-fund', '--silent'],
        { cwd: dir, stdio: 'inherit', shell: process.platform === 'win32' });
    } catch (e) {
      fail(`npm ci of the minifier failed (the first build needs the npm registry): ${e.message}`);
    }
    writeFileSync(stamp, lock);
  }
  return import(pathToFileURL(join(dir, 'node_modules', 'terser', 'main.js')).href);
}

function gz(text) {
  return gzipSync(Buffer.from(text), { level: 9 }).length;
}

function fail(message) {
  console.error(`minify: ${message}`);
  process.exit(1);
}
