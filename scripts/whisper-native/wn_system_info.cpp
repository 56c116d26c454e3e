// Added to the native build only (scripts/build-whisper.mjs): exposes whisper.cpp's system info
// string (which SIMD features this binary uses) without loading a model. The prebuilt
// @fugood/node-whisper-* binaries do not have it; the loader reports "unknown" for them.
#include <napi.h>
#include "whisper.h"

static Napi::Value WnSystemInfo(const Napi::CallbackInfo& info) {
  const char* s = whisper_print_system_info();
  return Napi::String::New(info.Env(), s ? s : "");
}

void wn_register_system_info(Napi::Env env, Napi::Object exports) {
  exports.Set("systemInfo", Napi::Function::New(env, WnSystemInfo));
}
