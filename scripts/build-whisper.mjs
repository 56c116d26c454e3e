#!/usr/bin/env node
/**
 * `npm run build:whisper` — compile the @fugood/whisper.node addon for THIS machine's CPU.
 *
 * Why: the prebuilt @fugood/node-whisper-linux-x64 binary has no AVX at all; whisper.cpp built with
 * native CPU flags encodes ~20x faster (../shared/reference/whisper-models.md). The app loads
 * build/whisper-native/index.node when it exists and matches this CPU, else the prebuilt
 * (src/backend/services/whisper/load-addon.ts).
 *
 * How: the npm tarball of @fugood/whisper.node 1.1.3 ships the addon, whisper.cpp and ggml-cpu
 * sources but NOT ggml's core files (ggml.c, ggml-backend.cpp, gguf.cpp, ...). whisper.rn 0.7.4
 * (same authors, same upstream ggml) ships them with a `wsp_` symbol prefix. We fetch that tarball
 * with `npm pack` (pinned integrity), strip the prefix, check that the result is byte-identical to
 * @fugood/whisper.node's own ggml headers (so the versions really match), and compile everything
 * with scripts/whisper-native/CMakeLists.txt and -march=native (GGML_NATIVE=ON equivalent).
 * whisper.rn is not a dependency (its peer deps would pull in react-native): only its C sources
 * are used, at build time.
 *
 * Never breaks an install: without cmake / a C++ compiler / make / Node headers, or on a compile
 * error, it prints why, writes build/whisper-native/build-info.json with ok:false and exits 0
 * (the prebuilt is used). `--strict` exits 1 instead (CI uses it where a toolchain must exist).
 *
 * Options: --strict  --force (ignore the cache)  --jobs N  --arch-flags "-march=native"
 * Env: WHISPER_NATIVE_ARCH_FLAGS, WHISPER_NATIVE_CACHE (dir; default ~/.cache/postmortem-coach).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { cp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** WHISPER_NATIVE_OUT: another output folder (tests of the fallback path use one). */
const OUT = process.env.WHISPER_NATIVE_OUT
  ? path.resolve(process.env.WHISPER_NATIVE_OUT)
  : path.join(ROOT, 'build', 'whisper-native');
const CMAKE_PROJECT = path.join(ROOT, 'scripts', 'whisper-native');
const require = createRequire(path.join(ROOT, 'package.json'));

/** Source of ggml's core files; integrity from `npm view whisper.rn@0.7.4 dist.integrity`. */
const CORE_PKG = 'whisper.rn@0.7.4';
const CORE_INTEGRITY =
  'sha512-9MyWFoRmUWHDHLhjm4dZgZzxG2fFNuClOPE/Ne5KXlm0vSi4It5oS2xZi9WfPEfUGHcgPMiVviv9t18zC4BSNw==';
/** ggml core files missing from the @fugood/whisper.node tarball (ggml/src/). */
const CORE_FILES = [
  'ggml.c',
  'ggml.cpp',
  'ggml-alloc.c',
  'ggml-backend.cpp',
  'ggml-backend-meta.cpp',
  'ggml-opt.cpp',
  'ggml-threading.cpp',
  'ggml-threading.h',
  'ggml-quants.c',
  'ggml-quants.h',
  'gguf.cpp',
  'ggml-backend-reg.cpp',
  'ggml-backend-dl.cpp',
  'ggml-backend-dl.h',
  'ggml-backend-impl.h',
  'ggml-impl.h',
  'ggml-common.h',
  'ggml-feats.h',
];
/** Bump when the source assembly below changes (it is part of the build cache key). */
const BUILD_RECIPE = 2;
/** Headers present in both packages: must be identical after un-prefixing (version check). */
const CHECK_HEADERS = ['ggml.h', 'ggml-backend.h', 'ggml-cpu.h', 'gguf.h', 'ggml-alloc.h'];

function parseArgs(argv) {
  const opts = {
    strict: false,
    force: false,
    jobs: Math.max(1, os.availableParallelism?.() ?? os.cpus().length),
    archFlags: process.env.WHISPER_NATIVE_ARCH_FLAGS || '-march=native',
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--strict') opts.strict = true;
    else if (a === '--force') opts.force = true;
    else if (a === '--jobs') opts.jobs = Number(argv[++i]);
    else if (a === '--arch-flags') opts.archFlags = argv[++i];
    else throw new Error(`build-whisper: unknown option ${a}`);
  }
  if (!Number.isInteger(opts.jobs) || opts.jobs < 1) throw new Error('build-whisper: --jobs needs a positive integer');
  return opts;
}

const log = (msg) => process.stdout.write(`[build:whisper] ${msg}\n`);

class BuildSkipped extends Error {}

function run(cmd, args, options = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options });
  if (r.error) throw new BuildSkipped(`${cmd} could not be run: ${r.error.message}`);
  return r;
}

function which(cmd) {
  const r = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

/** What the CPU can do: the build is only valid on a CPU with the same feature flags. */
export function cpuKey() {
  let flags = '';
  let model = os.cpus()[0]?.model ?? 'unknown';
  try {
    const info = fs.readFileSync('/proc/cpuinfo', 'utf8');
    flags = (/^flags\s*:\s*(.*)$/m.exec(info)?.[1] ?? '').split(/\s+/).sort().join(' ');
    model = /^model name\s*:\s*(.*)$/m.exec(info)?.[1] ?? model;
  } catch {
    // not Linux: fall back to the model name only
  }
  return { model, flagsHash: createHash('sha256').update(`${process.arch} ${flags}`).digest('hex').slice(0, 16) };
}

function checkToolchain() {
  const missing = [];
  const cmake = which('cmake');
  if (!cmake) missing.push('cmake');
  const cxx = process.env.CXX || which('c++') || which('g++') || which('clang++');
  const cc = process.env.CC || which('cc') || which('gcc') || which('clang');
  if (!cxx || !cc) missing.push('a C/C++ compiler (g++)');
  const make = which('make');
  const ninja = which('ninja');
  if (!make && !ninja) missing.push('make or ninja');
  const nodeInc = path.join(path.dirname(process.execPath), '..', 'include', 'node');
  if (!fs.existsSync(path.join(nodeInc, 'node_api.h'))) missing.push(`Node.js headers (${nodeInc}/node_api.h)`);
  if (missing.length) {
    throw new BuildSkipped(`missing ${missing.join(', ')} (Debian: apt-get install -y cmake g++ make)`);
  }
  const cxxVersion = run(cxx, ['--version']).stdout.split('\n')[0];
  const cmakeVersion = run(cmake, ['--version']).stdout.split('\n')[0];
  return { cmake, cxx, cc, generator: make ? 'Unix Makefiles' : 'Ninja', nodeInc, cxxVersion, cmakeVersion };
}

function packageDir(name) {
  try {
    return path.dirname(require.resolve(`${name}/package.json`));
  } catch {
    throw new BuildSkipped(`${name} is not installed (run npm install first)`);
  }
}

function sha512(file) {
  return `sha512-${createHash('sha512').update(fs.readFileSync(file)).digest('base64')}`;
}

/** Download (npm cache) + verify + extract the whisper.rn sources; returns the cpp/ dir. */
function fetchCoreSources(workDir) {
  const dl = path.join(workDir, 'downloads');
  fs.mkdirSync(dl, { recursive: true });
  const tgz = path.join(dl, 'whisper.rn-0.7.4.tgz');
  if (!fs.existsSync(tgz) || sha512(tgz) !== CORE_INTEGRITY) {
    log(`fetching ggml core sources: npm pack ${CORE_PKG}`);
    const r = run('npm', ['pack', CORE_PKG, '--pack-destination', dl, '--silent'], { cwd: dl });
    if (r.status !== 0) throw new BuildSkipped(`npm pack ${CORE_PKG} failed: ${r.stderr.trim().slice(-500)}`);
  }
  const got = sha512(tgz);
  if (got !== CORE_INTEGRITY) throw new Error(`${CORE_PKG} tarball integrity mismatch: ${got}`);
  const ex = path.join(dl, 'whisper.rn');
  fs.rmSync(ex, { recursive: true, force: true });
  fs.mkdirSync(ex, { recursive: true });
  const t = run('tar', ['-xzf', tgz, '-C', ex, 'package/cpp']);
  if (t.status !== 0) throw new Error(`tar failed: ${t.stderr}`);
  return path.join(ex, 'package', 'cpp');
}

/** whisper.rn renames every ggml_/GGML_/gguf_/quantize_ symbol with a wsp_/WSP_ prefix. */
const unprefix = (text) => text.replace(/wsp_/g, '').replace(/WSP_/g, '');

/** Write only when the bytes differ, so a rebuild after a small change stays incremental. */
function writeIfChanged(file, data) {
  const buf = Buffer.isBuffer(data) ? data : Buffer.from(data);
  if (fs.existsSync(file) && fs.readFileSync(file).equals(buf)) return;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, buf);
}

/** fs.cp, leaving files whose bytes are already there alone (see writeIfChanged). */
async function copyTree(from, to) {
  await cp(from, to, {
    recursive: true,
    filter: (src, dst) => {
      const info = fs.statSync(src);
      if (info.isDirectory()) return true;
      return info.isFile() && !(fs.existsSync(dst) && fs.readFileSync(dst).equals(fs.readFileSync(src)));
    },
  });
}

async function assembleSources(srcDir, fugoodDir, rnCpp) {
  await copyTree(path.join(fugoodDir, 'src'), path.join(srcDir, 'src'));
  await copyTree(path.join(fugoodDir, 'whisper.cpp'), path.join(srcDir, 'whisper.cpp'));
  const ggmlSrc = path.join(srcDir, 'whisper.cpp', 'ggml', 'src');
  for (const f of CORE_FILES) {
    const from = path.join(rnCpp, f);
    if (!fs.existsSync(from)) throw new Error(`${CORE_PKG} lacks cpp/${f}`);
    writeIfChanged(path.join(ggmlSrc, f), unprefix(fs.readFileSync(from, 'utf8')));
  }
  for (const h of CHECK_HEADERS) {
    const ours = fs.readFileSync(path.join(srcDir, 'whisper.cpp', 'ggml', 'include', h), 'utf8');
    if (unprefix(fs.readFileSync(path.join(rnCpp, h), 'utf8')) !== ours) {
      throw new Error(`ggml version mismatch: ${CORE_PKG} cpp/${h} differs from @fugood/whisper.node's`);
    }
  }
  // whisper.node's stop() only sets a flag checked in its JS callbacks: whisper.cpp keeps computing
  // to the end. Wire the same flag to whisper.cpp's abort_callback so a cancel stops the encoder and
  // decoder at the next graph node (the prebuilt can only be stopped by ending its process).
  const ctxFile = path.join(srcDir, 'src', 'WhisperContext.cpp');
  const ctxText = fs.readFileSync(path.join(fugoodDir, 'src', 'WhisperContext.cpp'), 'utf8');
  const call = '        int result = whisper_full_parallel(session_->ctx, params_copy,';
  if (ctxText.split(call).length !== 2) throw new Error('WhisperContext.cpp changed: cannot wire abort_callback');
  writeIfChanged(
    ctxFile,
    ctxText.replace(
      call,
      '        params_copy.abort_callback = [](void* data) { auto* flag = static_cast<std::atomic<bool>*>(data); return flag != nullptr && flag->load(); };\n' +
        '        params_copy.abort_callback_user_data = cancelFlag_ ? cancelFlag_.get() : nullptr;\n' +
        call,
    ),
  );
  // Export whisper_print_system_info() as addon.systemInfo() (see wn_system_info.cpp).
  writeIfChanged(
    path.join(srcDir, 'src', 'wn_system_info.cpp'),
    fs.readFileSync(path.join(CMAKE_PROJECT, 'wn_system_info.cpp')),
  );
  const text = fs.readFileSync(path.join(fugoodDir, 'src', 'addons.cc'), 'utf8');
  const anchor = '  return exports;\n}';
  if (!text.includes(anchor)) throw new Error('addons.cc changed: cannot register systemInfo');
  writeIfChanged(
    path.join(srcDir, 'src', 'addons.cc'),
    text
      .replace(
        '#include <napi.h>',
        '#include <napi.h>\nvoid wn_register_system_info(Napi::Env env, Napi::Object exports);',
      )
      .replace(anchor, '  wn_register_system_info(env, exports);\n' + anchor),
  );
}

function versionOf(file, re) {
  const m = re.exec(fs.readFileSync(file, 'utf8'));
  return m ? m.slice(1).join('.') : 'unknown';
}

function cacheKey(parts) {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 20);
}

function writeInfo(info) {
  fs.mkdirSync(OUT, { recursive: true });
  fs.writeFileSync(path.join(OUT, 'build-info.json'), JSON.stringify(info, null, 2) + '\n');
}

function smokeTest(nodeFile) {
  const code = `const m = require(${JSON.stringify(nodeFile)});
if (typeof m.WhisperContext !== 'function' || typeof m.WhisperVadContext !== 'function') process.exit(3);
process.stdout.write(m.systemInfo());`;
  const r = spawnSync(process.execPath, ['-e', code], { encoding: 'utf8' });
  if (r.status !== 0) {
    throw new Error(`built addon does not load (exit ${r.status ?? r.signal}): ${r.stderr.trim().slice(-800)}`);
  }
  return r.stdout.trim();
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const cpu = cpuKey();
  try {
    const tc = checkToolchain();
    const fugoodDir = packageDir('@fugood/whisper.node');
    const napiDir = packageDir('node-addon-api');
    const fugoodVersion = JSON.parse(fs.readFileSync(path.join(fugoodDir, 'package.json'), 'utf8')).version;
    const whisperCpp = versionOf(
      path.join(fugoodDir, 'whisper.cpp', 'CMakeLists.txt'),
      /WHISPER_VERSION_MAJOR (\d+)\)[\s\S]*?WHISPER_VERSION_MINOR (\d+)\)[\s\S]*?WHISPER_VERSION_PATCH (\d+)\)/,
    );
    const ggml = versionOf(
      path.join(fugoodDir, 'whisper.cpp', 'ggml', 'CMakeLists.txt'),
      /GGML_VERSION_MAJOR (\d+)\)[\s\S]*?GGML_VERSION_MINOR (\d+)\)[\s\S]*?GGML_VERSION_PATCH (\d+)\)/,
    );
    const key = cacheKey({
      fugoodVersion,
      CORE_INTEGRITY,
      archFlags: opts.archFlags,
      cpu: cpu.flagsHash,
      cxx: tc.cxxVersion,
      cmakeLists: fs.readFileSync(path.join(CMAKE_PROJECT, 'CMakeLists.txt'), 'utf8'),
      sysInfo: fs.readFileSync(path.join(CMAKE_PROJECT, 'wn_system_info.cpp'), 'utf8'),
      recipe: BUILD_RECIPE,
      node: process.versions.modules,
    });
    const cacheRoot = process.env.WHISPER_NATIVE_CACHE || path.join(os.homedir(), '.cache', 'postmortem-coach');
    const cached = path.join(cacheRoot, 'whisper-native', key);
    const target = path.join(OUT, 'index.node');

    if (
      !opts.force &&
      fs.existsSync(path.join(cached, 'index.node')) &&
      fs.existsSync(path.join(cached, 'build-info.json'))
    ) {
      fs.mkdirSync(OUT, { recursive: true });
      fs.copyFileSync(path.join(cached, 'index.node'), target + '.tmp');
      fs.renameSync(target + '.tmp', target);
      const info = JSON.parse(fs.readFileSync(path.join(cached, 'build-info.json'), 'utf8'));
      info.systemInfo = smokeTest(target);
      info.fromCache = cached;
      writeInfo(info);
      log(`up to date (cache ${cached}); ${info.systemInfo}`);
      return 0;
    }

    log(
      `compiling @fugood/whisper.node ${fugoodVersion} (whisper.cpp ${whisperCpp}, ggml ${ggml}) with ${opts.archFlags}, ${opts.jobs} jobs — takes several minutes on 2 cores`,
    );
    const rnCpp = fetchCoreSources(OUT);
    const srcDir = path.join(OUT, 'src');
    await assembleSources(srcDir, fugoodDir, rnCpp);
    const cmakeDir = path.join(OUT, 'cmake');
    const conf = run(tc.cmake, [
      '-S',
      CMAKE_PROJECT,
      '-B',
      cmakeDir,
      '-G',
      tc.generator,
      '-DCMAKE_BUILD_TYPE=Release',
      `-DCMAKE_C_COMPILER=${tc.cc}`,
      `-DCMAKE_CXX_COMPILER=${tc.cxx}`,
      `-DWN_SRC=${srcDir}`,
      `-DNODE_INC=${tc.nodeInc}`,
      `-DNAPI_INC=${napiDir}`,
      `-DWN_ARCH_FLAGS=${opts.archFlags}`,
      `-DWN_VERSION=${whisperCpp}`,
      `-DWN_GGML_VERSION=${ggml}`,
    ]);
    if (conf.status !== 0) throw new Error(`cmake configure failed:\n${(conf.stdout + conf.stderr).slice(-3000)}`);
    const build = run(tc.cmake, ['--build', cmakeDir, '--parallel', String(opts.jobs)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    if (build.status !== 0) throw new Error(`compile failed:\n${(build.stdout + build.stderr).slice(-4000)}`);

    const built = path.join(cmakeDir, 'index.node');
    fs.copyFileSync(built, target + '.tmp');
    fs.renameSync(target + '.tmp', target);
    const systemInfo = smokeTest(target);
    const info = {
      ok: true,
      builtAt: new Date().toISOString(),
      durationSec: Math.round((Date.now() - started) / 100) / 10,
      archFlags: opts.archFlags,
      cpu,
      compiler: tc.cxxVersion,
      cmake: tc.cmakeVersion,
      whisperNode: fugoodVersion,
      whisperCpp,
      ggml,
      ggmlCoreFrom: CORE_PKG,
      napiModules: process.versions.modules,
      systemInfo,
    };
    writeInfo(info);
    fs.mkdirSync(cached, { recursive: true });
    fs.copyFileSync(target, path.join(cached, 'index.node'));
    fs.writeFileSync(path.join(cached, 'build-info.json'), JSON.stringify(info, null, 2));
    log(`built ${path.relative(ROOT, target)} in ${info.durationSec} s; ${systemInfo}`);
    return 0;
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    writeInfo({ ok: false, reason, at: new Date().toISOString(), cpu });
    try {
      fs.rmSync(path.join(OUT, 'index.node'), { force: true });
    } catch {
      // nothing to remove
    }
    const kind = err instanceof BuildSkipped ? 'skipped' : 'FAILED';
    log(`native build ${kind}: ${reason}`);
    log('the prebuilt @fugood/node-whisper-linux-x64 binary (no AVX, ~20x slower) will be used');
    return opts.strict ? 1 : 0;
  }
}

// Run only as a script (tests import cpuKey() from this file).
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main();
}
