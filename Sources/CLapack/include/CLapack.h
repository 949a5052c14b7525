// OpenBLAS (cblas_*) and LAPACKE, reached through function pointers that CLapack.c fills when
// MML first needs linear algebra (see mml_lapack_load for why the libraries are not linked).
#ifndef MML_CLAPACK_H
#define MML_CLAPACK_H
#include <stddef.h>

/* Complex numbers as a plain struct, so Swift sees the fields. */
typedef struct { double re, im; } mml_complex_double;
typedef struct { float re, im; } mml_complex_float;
#define lapack_complex_double mml_complex_double
#define lapack_complex_float mml_complex_float
#include <cblas.h>
#include <lapacke.h>

/* Every routine MML calls: X(library, name), where library is the handle that exports it. */
#define MML_LAPACK_ROUTINES(X) \
    X(openblas, openblas_get_corename) \
    X(openblas, cblas_dgemm) \
    X(openblas, cblas_dsyrk) \
    X(openblas, cblas_dgemv) \
    X(openblas, cblas_ddot) \
    X(openblas, cblas_dnrm2) \
    X(lapacke, LAPACKE_dgetrf) \
    X(lapacke, LAPACKE_dgecon) \
    X(lapacke, LAPACKE_dlange) \
    X(lapacke, LAPACKE_dgetrs) \
    X(lapacke, LAPACKE_dgetri) \
    X(lapacke, LAPACKE_dpotrf) \
    X(lapacke, LAPACKE_dsyevd) \
    X(lapacke, LAPACKE_dgeev) \
    X(lapacke, LAPACKE_dgesdd) \
    X(lapacke, LAPACKE_dgeqrf) \
    X(lapacke, LAPACKE_dorgqr) \
    X(lapacke, LAPACKE_dgelsd)

/* The routines, each typed exactly as its header declares it. Non-null once loaded. */
typedef struct mml_lapack {
#define MML_LAPACK_FIELD(library, name) __typeof__(&name) _Nonnull name;
    MML_LAPACK_ROUTINES(MML_LAPACK_FIELD)
#undef MML_LAPACK_FIELD
} mml_lapack;

/* Loads the libraries (once; later calls return the first outcome). Returns the routines,
   or NULL with the reason in mml_lapack_error(). Safe to call from several threads. */
const mml_lapack *_Nullable mml_lapack_load(void);
const char *_Nonnull mml_lapack_error(void);

#endif
