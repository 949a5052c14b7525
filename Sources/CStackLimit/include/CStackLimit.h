// The lowest stack address the running thread lets a recursive walk reach (see DepthGuard),
// kept in a C thread-local variable: Swift has no thread-local storage of its own, and
// pthread_getspecific would cost a library call on every check of every walk.
#ifndef CSTACKLIMIT_H
#define CSTACKLIMIT_H
#include <stdint.h>

extern __thread uintptr_t mml_thread_stack_limit;

/// 0 until the thread has measured its stack.
static inline uintptr_t mml_stack_limit(void) { return mml_thread_stack_limit; }

static inline void mml_set_stack_limit(uintptr_t limit) { mml_thread_stack_limit = limit; }

#endif
