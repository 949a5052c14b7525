// The kernel choice made before OpenBLAS loads: from the CPU's feature flags, never a downgrade.
import Testing
@testable import MMLCore

@Suite("BLAS runtime") struct BLASRuntimeTests {
    @Test func kernelFamilyFollowsTheCPUFlags() {
        let avx512: Set<Substring> = ["sse4_2", "avx", "avx2", "fma", "avx512f", "avx512dq", "avx512cd", "avx512bw", "avx512vl"]
        #expect(BLASRuntime.kernelFamily(cpuFlags: avx512) == "SkylakeX")
        // AVX-512 foundation alone (Xeon Phi) lacks the subsets the SkylakeX kernels use.
        #expect(BLASRuntime.kernelFamily(cpuFlags: ["avx", "avx2", "fma", "avx512f"]) == "Haswell")
        #expect(BLASRuntime.kernelFamily(cpuFlags: ["avx", "avx2", "fma"]) == "Haswell")
        #expect(BLASRuntime.kernelFamily(cpuFlags: ["avx", "avx2"]) == nil)
        #expect(BLASRuntime.kernelFamily(cpuFlags: ["fp", "asimd"]) == nil)  // arm64: OpenBLAS decides
        #expect(BLASRuntime.kernelFamily(cpuFlags: []) == nil)
    }

    @Test func librariesLoadOnFirstUse() throws {
        let lib = try BLASRuntime.routines()
        var x = [3.0, 4.0]
        #expect(lib.cblas_dnrm2(2, &x, 1) == 5)
    }
}
