// Loads OpenBLAS and LAPACKE with dlopen the first time MML needs them, instead of linking them.
// Two reasons: a script without linear algebra does not pay the ~4 ms OpenBLAS spends
// starting up, and OpenBLAS reads OPENBLAS_CORETYPE only while it initialises, so loading it
// late lets MML choose the kernels first (BLASRuntime in LAPACK.swift) without re-executing.
#include "CLapack.h"
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>

static mml_lapack routines;
static const mml_lapack *loaded;
static char error[512] = "OpenBLAS/LAPACKE were not loaded";
static pthread_once_t once = PTHREAD_ONCE_INIT;

// The sonames of Debian's and Ubuntu's packages (libopenblas0, liblapacke).
static void load(void) {
    void *openblas = dlopen("libopenblas.so.0", RTLD_NOW | RTLD_GLOBAL);
    void *lapacke = openblas ? dlopen("liblapacke.so.3", RTLD_NOW | RTLD_GLOBAL) : NULL;
    if (!openblas || !lapacke) {
        snprintf(error, sizeof error, "cannot load %s (%s)", openblas ? "LAPACKE" : "OpenBLAS", dlerror());
        return;
    }
#define MML_LAPACK_RESOLVE(library, name) \
    routines.name = (__typeof__(&name))dlsym(library, #name); \
    if (!routines.name) { snprintf(error, sizeof error, "the loaded library has no %s", #name); return; }
    MML_LAPACK_ROUTINES(MML_LAPACK_RESOLVE)
#undef MML_LAPACK_RESOLVE
    loaded = &routines;
}

const mml_lapack *mml_lapack_load(void) {
    pthread_once(&once, load);
    return loaded;
}

const char *mml_lapack_error(void) { return error; }
