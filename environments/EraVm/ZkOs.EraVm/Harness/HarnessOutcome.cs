// SPDX-License-Identifier: MIT
namespace ZkOs.EraVm.Harness;

public enum HarnessOutcome : byte
{
    Passed,
    Failed,

    /// <summary>Marked ignored in the manifest.</summary>
    Ignored,

    /// <summary>The manifest names no program for the test (it runs Rust-side code only).</summary>
    NoProgram,
}
