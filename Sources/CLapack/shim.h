// OpenBLAS (cblas_*) and LAPACKE, with complex numbers as a plain struct so Swift sees fields.
#ifndef MML_CLAPACK_SHIM_H
#define MML_CLAPACK_SHIM_H
#include <stddef.h>
typedef struct { double re, im; } mml_complex_double;
typedef struct { float re, im; } mml_complex_float;
#define lapack_complex_double mml_complex_double
#define lapack_complex_float mml_complex_float
#include <cblas.h>
#include <lapacke.h>
/* OpenBLAS stops its worker threads (they restart on demand); not declared in cblas.h. */
int blas_thread_shutdown_(void);
#endif
