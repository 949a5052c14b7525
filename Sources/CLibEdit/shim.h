// libedit through its readline-compatible API (no C variadics, which Swift cannot call).
#ifndef MML_CLIBEDIT_SHIM_H
#define MML_CLIBEDIT_SHIM_H
#include <stdio.h>
#include <editline/readline.h>
#endif
