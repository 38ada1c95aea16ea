// SPDX-License-Identifier: MIT
namespace ZkOs.EraVm.Harness;

/// <summary>One test (or one variant of a templated test) and why it failed, if it did.</summary>
public sealed record HarnessResult(string Name, HarnessOutcome Outcome, string Detail, long Cycles);
