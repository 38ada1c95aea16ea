// SPDX-License-Identifier: MIT
using ZkOs.Framework.Primitives;

namespace ZkOs.Bootloader.Conformance.MainnetBlocks;

/// <summary>
/// One transaction's entry of <c>difftrace.json</c>: the values it changed, before (<see cref="Pre"/>)
/// and after (<see cref="Post"/>, changed fields only). geth leaves out of <c>post</c> an account the
/// transaction deleted and a slot it set to zero, so those show only in <c>pre</c>.
/// </summary>
public sealed record MainnetStateDiff(
    Bytes32 TxHash,
    IReadOnlyDictionary<Address, MainnetAccountTrace> Pre,
    IReadOnlyDictionary<Address, MainnetAccountTrace> Post);
