#ifndef LIENTHONG_CZLIB_SHIM_H
#define LIENTHONG_CZLIB_SHIM_H
#include <zlib.h>

// deflateInit2 / inflateInit2 are macros that Swift cannot import.
static inline int lt_deflateInit2(z_streamp strm, int level, int windowBits, int memLevel) {
    return deflateInit2_(strm, level, Z_DEFLATED, windowBits, memLevel, Z_DEFAULT_STRATEGY,
                         ZLIB_VERSION, (int)sizeof(z_stream));
}
static inline int lt_inflateInit2(z_streamp strm, int windowBits) {
    return inflateInit2_(strm, windowBits, ZLIB_VERSION, (int)sizeof(z_stream));
}
#endif
