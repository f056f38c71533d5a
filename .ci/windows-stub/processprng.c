/* Wine 8 has no bcryptprimitives.dll!ProcessPrng, which Rust's std calls at start (every .exe
 * exits 53 without it). This stand-in, built with mingw and put in the Wine prefix's system32,
 * fills the buffer from BCryptGenRandom, the system RNG Wine does have. CI only; never shipped. */
#include <windows.h>
#include <bcrypt.h>

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len) {
    while (len > 0) {
        ULONG n = len > 0x40000000 ? 0x40000000 : (ULONG)len;
        if (BCryptGenRandom(NULL, data, n, BCRYPT_USE_SYSTEM_PREFERRED_RNG) != 0) return FALSE;
        data += n;
        len -= n;
    }
    return TRUE;
}

BOOL WINAPI DllMain(HINSTANCE inst, DWORD reason, LPVOID reserved) {
    (void)inst; (void)reason; (void)reserved;
    return TRUE;
}
