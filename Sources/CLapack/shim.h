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
#endif
