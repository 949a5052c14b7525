// R's standalone math library: densities, CDFs, quantiles and special functions.
#ifndef MML_CRMATH_SHIM_H
#define MML_CRMATH_SHIM_H
#define MATHLIB_STANDALONE 1
#include <Rmath.h>
#endif
