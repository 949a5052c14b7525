// libFuzzer's entry point for programs that own main(); it is provided by -sanitize=fuzzer.
#ifndef MML_FUZZER_DRIVER_H
#define MML_FUZZER_DRIVER_H
#include <stddef.h>
#include <stdint.h>
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
#endif
