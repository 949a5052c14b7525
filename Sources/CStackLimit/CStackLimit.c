#include "CStackLimit.h"

__thread uintptr_t mml_thread_stack_limit = 0;
